package org.techtransfer.ledger.app.command.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Axon's retry scheduler for a command that lost a race: another node or thread appended to the same
 * aggregate first, so the command is loaded again and re-checked against the new state. Nothing else is
 * retried (a refused rule is final). The pause is random so that two losers do not collide again in step.
 */
final class ConflictRetry extends AbstractRetryScheduler {

    private final Counter retried;

    private ConflictRetry(Builder builder, MeterRegistry meters) {
        super(builder);
        this.retried = Counter.builder("ledger.commands.retried")
                .description("Commands retried after a concurrent append to the same aggregate")
                .register(meters);
    }

    static ConflictRetry on(ScheduledExecutorService executor, int maxRetries, MeterRegistry meters) {
        return new ConflictRetry(new Builder().retryExecutor(executor).maxRetryCount(maxRetries)
                // Axon tests the failure and each of its causes: a lost race is a ConcurrencyException over the
                // driver's SQLException (the unique key of domain_event_entry); anything else is final
                .nonTransientFailurePredicate(failure -> !(failure instanceof ConcurrencyException
                        || failure instanceof SQLException)), meters);
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        retried.increment();
        return ThreadLocalRandom.current().nextLong(1, 10L * failures.size() + 10);
    }

    private static final class Builder extends AbstractRetryScheduler.Builder<Builder> {
    }
}
