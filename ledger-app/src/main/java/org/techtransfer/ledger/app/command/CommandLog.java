package org.techtransfer.ledger.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes commands idempotent by their own id. It runs inside the command's transaction: a command whose
 * key is in {@code command_log} is answered from there (same fingerprint) or refused
 * ({@link CommandIdConflict}); otherwise the aggregate decides, and the entry is written just before
 * the commit, after the event, with the event's position. Entry and events commit or roll back together.
 * <p>
 * Two sends of one command at the same moment address the same aggregate: the later one either loses
 * the append race or finds the id in use on the contract; either way it is tried again and then finds
 * the first one's entry. A clash on the entry itself is treated the same way.
 */
@Component
class CommandLog implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "commandKey";
    static final String FINGERPRINT = "fingerprint";

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
        } catch (DuplicateKeyException sameCommandAtOnce) {
            throw new ConcurrencyException("command " + key + " was entered by another send at the same time",
                    sameCommandAtOnce);
        }
    }
}
