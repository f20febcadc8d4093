package org.techtransfer.ledger.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Finds the aggregate a command addresses by its {@link TargetAggregateIdentifier} component, looked
 * up once per command type. Axon's annotation resolver searches the command's class by reflection on
 * every command, which copied the class's methods and annotations each time (a tenth of what the
 * command path allocated). Commands are records, so their identifier is a record component.
 */
final class RecordTargetResolver implements CommandTargetResolver {

    private static final ClassValue<Method> TARGETS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            return Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.isAnnotationPresent(TargetAggregateIdentifier.class)
                            || c.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class))
                    .map(RecordComponent::getAccessor)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(type.getName() + " names no target aggregate"));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        try {
            Object id = TARGETS.get(payload.getClass()).invoke(payload);
            if (id == null) {
                throw new IllegalArgumentException(command.getCommandName() + " names no target aggregate");
            }
            return new VersionedAggregateIdentifier(id.toString(), null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the target of " + command.getCommandName(), e);
        }
    }
}
