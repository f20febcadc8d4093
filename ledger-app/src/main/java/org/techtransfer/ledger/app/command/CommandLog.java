package org.techtransfer.ledger.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes commands idempotent by their own id. It runs inside the command's transaction: the aggregate
 * decides, and the command's entry is written just before the commit, after its event, with the event's
 * position; entry and events commit or roll back together, and the entry's key is unique.
 * <p>
 * A command is not looked up first: a repeat cannot pass unnoticed, because its entry id (or the
 * contract's or institution's id) is already taken and the aggregate refuses it, or, failing that, its
 * entry clashes with the first one's ({@link CommandEnteredBefore}). Either way {@link LedgerCommands}
 * sends it once more with {@link #LOOK_UP_FIRST}, and then the log answers it as the first time (same
 * fingerprint) or refuses it ({@link CommandIdConflict}). This keeps a round trip off every new command.
 */
@Component
class CommandLog implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "commandKey";
    static final String FINGERPRINT = "fingerprint";
    static final String LOOK_UP_FIRST = "lookUpFirst";

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
                            throw new CommandIdConflict(CommandIdentity.of(command.getPayload()));
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
        // registered after the handler published its events, so it runs after they are appended
        unitOfWork.onPrepareCommit(u -> logged.placedAt(enter(key, fingerprint, logged.version(),
                CommandIdentity.of(command.getPayload()).aggregateId())));
        return logged;
    }

    private long enter(String key, String fingerprint, long version, String aggregateId) {
        try {
            List<Long> position = jdbc.queryForList("""
                    INSERT INTO command_log (command_key, fingerprint, version, position)
                    SELECT ?, ?, ?, global_index FROM domain_event_entry
                    WHERE aggregate_identifier = ? AND sequence_number = ?
                    RETURNING position""", Long.class, key, fingerprint, version, aggregateId, version);
            if (position.isEmpty()) {
                throw new IllegalStateException("command " + key + " left no event at version " + version);
            }
            return position.get(0);
        } catch (DuplicateKeyException enteredBefore) {
            throw new CommandEnteredBefore(key, enteredBefore);
        }
    }
}
