package org.techtransfer.ledger.app.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.app.command.LedgerCommands;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;

/**
 * Turns request bodies into the commands of ledger-core and sends them. A body is read straight into
 * the command record (its constructor checks every field), with the path's id put in for the body's.
 * A field the command does not have is refused, not ignored: a client that sends one means something
 * the ledger would not record (an amendment's {@code contributors}, a misspelt {@code reciévedOn}).
 */
@Component
public class CommandBodies {

    private final ObjectMapper json;
    private final LedgerCommands commands;

    CommandBodies(ObjectMapper json, LedgerCommands commands) {
        this.json = json;
        this.commands = commands;
    }

    /** The command of {@code type} that the body describes, on the aggregate named by the path. */
    public <T extends LedgerCommand> T read(JsonNode body, Class<T> type, String idField, String pathId) {
        if (!(body instanceof ObjectNode object)) {
            throw new InvalidField("body", "must be a JSON object");
        }
        if (pathId != null) {
            object.put(idField, pathId);
        }
        try {
            return json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(object);
        } catch (java.io.IOException e) {
            throw new UnreadableBody(e);
        }
    }

    /** Sends the command as the signed-in user: 201 when recorded, 200 when it repeats one already recorded. */
    public ResponseEntity<CommandAnswer> send(LedgerCommand command, LedgerUser user, HttpServletRequest request) {
        String correlationId = CorrelationId.of(request);
        LedgerCommands.Outcome outcome = commands.send(command, user.getUsername(), correlationId);
        return ResponseEntity.status(outcome.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .header(CorrelationId.HEADER, correlationId)
                .body(CommandAnswer.of(outcome));
    }

    /** A body that does not make a valid command; the problem handler names the field. */
    public static class UnreadableBody extends RuntimeException {
        UnreadableBody(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
