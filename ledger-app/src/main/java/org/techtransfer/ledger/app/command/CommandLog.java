package org.techtransfer.ledger.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Makes commands idempotent by their own id. It runs inside the command's transaction: the command
 * is entered in {@code command_log} before the aggregate sees it, and the entry commits or rolls back
 * with the events. A second command with the same key waits for the first one's transaction, then
 * either repeats its answer (same fingerprint) or is refused ({@link CommandIdConflict}).
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
        int entered = jdbc.update("""
                INSERT INTO command_log (command_key, fingerprint) VALUES (?, ?)
                ON CONFLICT (command_key) DO NOTHING""", key, fingerprint);
        if (entered == 0) {
            Map<String, Object> first = jdbc.queryForMap(
                    "SELECT fingerprint, version FROM command_log WHERE command_key = ?", key);
            if (!fingerprint.equals(first.get("fingerprint"))) {
                throw new CommandIdConflict(CommandIdentity.of(command.getPayload()));
            }
            return new Repeated(((Number) first.get("version")).longValue());
        }
        Object result = chain.proceed();
        // handlers of existing aggregates answer with the new version; creation answers with the new id
        long version = result instanceof Long v ? v : 0L;
        jdbc.update("UPDATE command_log SET version = ? WHERE command_key = ?", version, key);
        return result;
    }
}
