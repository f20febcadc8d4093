package org.techtransfer.ledger.app.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.techtransfer.ledger.app.command.internal.CommandLanes;
import org.techtransfer.ledger.app.command.internal.CommandLog;
import org.techtransfer.ledger.app.command.internal.LoggedCommand;
import org.techtransfer.ledger.app.eventstore.EventStoreConfiguration;
import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * The one door through which commands enter the ledger (what lies behind it, in {@code command.internal},
 * no other package may reach; ArchitectureTest holds this): stamps them with the actor and correlation id, makes them
 * idempotent by their own id, hands them to their aggregate's lane ({@link CommandLanes}), and leaves a
 * log line and metrics for each, whatever its outcome.
 */
@Service
public class LedgerCommands {

    private static final Logger log = LoggerFactory.getLogger(LedgerCommands.class);

    private final CommandLanes lanes;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final ObjectMapper canonical = EventStoreConfiguration.eventMapper();
    /** A command that takes longer than this leaves a warning (Axon's own handler timeouts are off). */
    private final Duration slow;

    LedgerCommands(CommandLanes lanes, JdbcTemplate jdbc, MeterRegistry meters,
                   @Value("${ledger.commands.slow:1s}") Duration slow) {
        this.lanes = lanes;
        this.jdbc = jdbc;
        this.meters = meters;
        this.slow = slow;
    }

    /**
     * What the ledger answered: the contract's (or institution's) version after the command, and the
     * global position of the event in the log, which a client can hand to a query to read its own write.
     */
    public record Outcome(CommandIdentity identity, long version, long position, boolean repeated) {
    }

    public Outcome send(LedgerCommand command, String actor, String correlationId) {
        CommandIdentity identity = CommandIdentity.of(command);
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                    .withMetaData(MetaData.from(Map.of(
                            AuditMetaData.ACTOR, actor,
                            AuditMetaData.CORRELATION_ID, correlationId,
                            CommandLog.KEY, identity.key(),
                            CommandLog.FINGERPRINT, fingerprint(command))));
            LoggedCommand logged = lanes.handle(message, identity.aggregateId());
            long position = logged.position();
            if (position < 0) { // a repeat of a command logged before positions were kept
                try {
                    position = positionOf(identity.aggregateId(), logged.version());
                } catch (DataAccessException lost) {
                    throw new AnswerLost(identity, lost); // committed already: not a "nothing was recorded" 503
                }
            }
            Outcome answer = new Outcome(identity, logged.version(), position, logged.repeated());
            outcome = answer.repeated() ? "repeated" : "recorded";
            log.info("command {} id={} aggregate={} actor={} correlationId={} outcome={} version={}",
                    identity.type(), identity.ownId(), identity.aggregateId(), actor, correlationId, outcome,
                    answer.version());
            return answer;
        } catch (RuleViolation refused) {
            outcome = "refused";
            Counter.builder("ledger.commands.refused").tag("code", refused.rule().name())
                    .description("Commands refused by a business rule, by rule code").register(meters).increment();
            log.info("command {} id={} aggregate={} actor={} correlationId={} outcome=refused code={} detail=\"{}\"",
                    identity.type(), identity.ownId(), identity.aggregateId(), actor, correlationId,
                    refused.rule(), refused.getMessage());
            throw refused;
        } catch (RuntimeException failure) {
            outcome = failure.getClass().getSimpleName();
            log.info("command {} id={} aggregate={} actor={} correlationId={} outcome={} detail=\"{}\"",
                    identity.type(), identity.ownId(), identity.aggregateId(), actor, correlationId, outcome,
                    failure.getMessage());
            throw failure;
        } finally {
            long took = System.nanoTime() - started;
            if (took > slow.toNanos()) {
                log.warn("slow command {} id={} aggregate={} correlationId={} took {} ms (outcome {})", identity.type(),
                        identity.ownId(), identity.aggregateId(), correlationId, took / 1_000_000, outcome);
            }
            Timer.builder("ledger.commands").tag("type", identity.type()).tag("outcome", outcome)
                    .description("Commands handled, by type and outcome").register(meters)
                    .record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private long positionOf(String aggregateId, long sequence) {
        Long position = jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", Long.class, aggregateId, sequence);
        return position == null ? -1 : position;
    }

    /** SHA-256 of the command's JSON: records serialise their fields in a fixed order. */
    private String fingerprint(Object command) {
        try {
            byte[] json = canonical.writeValueAsString(command).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + command.getClass().getSimpleName(), e);
        }
    }
}
