package org.techtransfer.ledger.app.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering the class of each payload type it has seen. Axon asks the
 * class loader for the class of every event it reads, twice (to wrap the event and to read it): a few
 * per cent of a replay and of every contract read from the log. The ledger's event classes never change
 * while it runs.
 */
final class KnownTypesSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> known = new ConcurrentHashMap<>();

    KnownTypesSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> found = known.get(type.getName());
        if (found != null) {
            return found;
        }
        Class<?> resolved = super.classForType(type);
        if (resolved != UnknownSerializedType.class) {
            known.put(type.getName(), resolved);
        }
        return resolved;
    }
}
