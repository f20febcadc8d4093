package org.techtransfer.ledger.app.command.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost a race: another node or thread appended to the same aggregate first,
 * so the command is loaded again and re-checked against the new state. Nothing else is retried
 * (a refused rule is final). The pause is random so that two losers do not collide again in step.
 * <p>
 * Axon's own schedulers test every cause of the failure and would count the SQL error under a
 * {@link ConcurrencyException} as non-transient; hence this small one.
 */
class ConflictRetry implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final Counter retried;

    ConflictRetry(ScheduledExecutorService executor, int maxRetries, MeterRegistry meters) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.retried = Counter.builder("ledger.commands.retried")
                .description("Commands retried after a concurrent append to the same aggregate")
                .register(meters);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!(lastFailure instanceof ConcurrencyException) || failures.size() > maxRetries) {
            return false;
        }
        long pauseMillis = ThreadLocalRandom.current().nextLong(1, 10L * failures.size() + 10);
        log.debug("command {} lost a race ({} so far); retrying in {} ms",
                commandMessage.getCommandName(), failures.size(), pauseMillis);
        retried.increment();
        executor.schedule(dispatchTask, pauseMillis, TimeUnit.MILLISECONDS);
        return true;
    }
}
