package org.techtransfer.ledger.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies onto every event what an auditor needs from the command that caused it: the authenticated
 * actor, the correlation id of the request, and the id of the command itself. Only commands cause events
 * here; for an event being handled (Axon asks for every handler's result, which goes nowhere) nothing is
 * copied, which spares reading the event's metadata.
 */
public class AuditMetaData implements CorrelationDataProvider {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String COMMAND_ID = "commandId";
    /** Commands sent by the ledger itself rather than by a person. */
    public static final String SYSTEM_ACTOR = "system";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        data.put(ACTOR, message.getMetaData().getOrDefault(ACTOR, SYSTEM_ACTOR));
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(COMMAND_ID, message.getMetaData().getOrDefault(COMMAND_ID, message.getIdentifier()));
        return data;
    }
}
