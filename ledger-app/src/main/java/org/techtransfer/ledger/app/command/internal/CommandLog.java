package org.techtransfer.ledger.app.command.internal;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.app.command.CommandIdConflict;
import org.techtransfer.ledger.app.command.CommandIdentity;
import org.techtransfer.ledger.app.command.LedgerCommands;
import org.techtransfer.ledger.command.LedgerCommand;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes commands idempotent by their own id. It runs inside the command's transaction: the aggregate
 * decides, and the command's entry is written just before the commit, after its event, with the event's
 * position; entry and events commit or roll back together, and the entry's key is unique. The entries of
 * the commands a lane decides together are written in one statement.
 * <p>
 * A command is not looked up first: a repeat cannot pass unnoticed, because its entry id (or the
 * contract's or institution's id) is already taken and the aggregate refuses it, or, failing that, its
 * entry clashes with the first one's ({@link CommandEnteredBefore}). Either way {@link LedgerCommands}
 * sends it once more with {@link #LOOK_UP_FIRST}, and then the log answers it as the first time (same
 * fingerprint) or refuses it ({@link CommandIdConflict}). This keeps a round trip off every new command.
 */
@Component
public class CommandLog implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String KEY = "commandKey";
    public static final String FINGERPRINT = "fingerprint";
    static final String LOOK_UP_FIRST = "lookUpFirst";
    private static final String ENTRIES = CommandLog.class.getName() + ".entries";

    private final JdbcTemplate jdbc;

    /** Axon registers every handler interceptor bean with the command bus. */
    CommandLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String key = (String) command.getMetaData().get(KEY);
        if (key == null) {
            return chain.proceed();
        }
        String fingerprint = (String) command.getMetaData().get(FINGERPRINT);
        if (Boolean.TRUE.equals(command.getMetaData().get(LOOK_UP_FIRST))) {
            List<LoggedCommand> first = jdbc.query(
                    "SELECT fingerprint, version, position FROM command_log WHERE command_key = ?",
                    (rs, row) -> {
                        if (!fingerprint.equals(rs.getString("fingerprint"))) {
                            throw new CommandIdConflict(CommandIdentity.of((LedgerCommand) command.getPayload()));
                        }
                        long position = rs.getLong("position");
                        return LoggedCommand.repeat(rs.getLong("version"), rs.wasNull() ? -1 : position);
                    }, key);
            if (!first.isEmpty()) {
                return first.get(0);
            }
        }
        Object result = chain.proceed();
        // handlers of existing aggregates answer with the new version; creation answers with the new id
        LoggedCommand logged = LoggedCommand.recorded(result instanceof Long v ? v : 0L);
        Entry entry = new Entry(key, fingerprint, ((LedgerCommand) command.getPayload()).aggregateId(), logged);
        // registered after the handler published its events, so that it runs after the event bus has handed
        // them to the outermost unit of work: the command's own, or its lane's batch (CommandLanes)
        unitOfWork.onPrepareCommit(u -> entries(u.root()).add(entry));
        return logged;
    }

    /**
     * The entries of the commands in {@code root}, written in one statement when it prepares to commit:
     * after the event bus, whose handler was registered before, has appended their events.
     */
    private List<Entry> entries(UnitOfWork<?> root) {
        return root.getOrComputeResource(ENTRIES, name -> {
            List<Entry> entries = new ArrayList<>();
            root.onPrepareCommit(u -> enter(entries));
            return entries;
        });
    }

    private void enter(List<Entry> entries) {
        int n = entries.size();
        String[] keys = new String[n];
        String[] fingerprints = new String[n];
        String[] aggregates = new String[n];
        Long[] versions = new Long[n];
        Map<String, LoggedCommand> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            keys[i] = e.key();
            fingerprints[i] = e.fingerprint();
            aggregates[i] = e.aggregateId();
            versions[i] = e.logged().version();
            byKey.put(e.key(), e.logged());
        }
        try {
            jdbc.query("""
                    INSERT INTO command_log (command_key, fingerprint, version, position)
                    SELECT c.command_key, c.fingerprint, c.version, e.global_index
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[])
                             AS c (command_key, fingerprint, aggregate_identifier, version)
                    JOIN domain_event_entry e
                      ON e.aggregate_identifier = c.aggregate_identifier AND e.sequence_number = c.version
                    RETURNING command_key, position""", ps -> {
                Connection connection = ps.getConnection();
                ps.setArray(1, connection.createArrayOf("text", keys));
                ps.setArray(2, connection.createArrayOf("text", fingerprints));
                ps.setArray(3, connection.createArrayOf("text", aggregates));
                ps.setArray(4, connection.createArrayOf("bigint", versions));
            }, (RowCallbackHandler) rs -> byKey.remove(rs.getString(1)).placedAt(rs.getLong(2)));
        } catch (DuplicateKeyException enteredBefore) {
            throw new CommandEnteredBefore(String.join(", ", keys), enteredBefore);
        }
        if (!byKey.isEmpty()) {
            throw new IllegalStateException("commands " + byKey.keySet() + " left no event at their version");
        }
    }

    private record Entry(String key, String fingerprint, String aggregateId, LoggedCommand logged) {
    }
}
