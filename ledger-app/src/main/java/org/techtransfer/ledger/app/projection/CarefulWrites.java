package org.techtransfer.ledger.app.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * After a read models' batch fails, the next batches write carefully for a while: each event's rows at once, each
 * read model's handling of an event inside a savepoint ({@link ReadModelHandlers}). A batch writes its rows just
 * before it commits ({@code RowBuffer}), so a row PostgreSQL refuses (a value too long for its column, say) fails the
 * whole batch, every read model's, again at every retry; and any refused statement aborts the transaction, so
 * not even the dead-letter queue could take the event. Written carefully, the refusal falls on the one event and
 * read model it belongs to, which the dead-letter queue takes, and every read model goes on.
 */
final class CarefulWrites {

    private static final Logger log = LoggerFactory.getLogger(CarefulWrites.class);

    /** Long enough for the failed batch to be claimed and tried again. */
    static final Duration WINDOW = Duration.ofSeconds(60);

    private final Counter failures;
    private volatile long until = System.nanoTime() - 1;

    CarefulWrites(MeterRegistry meters) {
        this.failures = Counter.builder("ledger.projections.batch.failures")
                .description("Read models' batches rolled back (the next ones are written event by event for a while)")
                .register(meters);
    }

    /** Whether a batch starting now writes carefully. */
    boolean now() {
        return System.nanoTime() - until < 0;
    }

    void batchFailed() {
        failures.increment();
        if (!now()) {
            log.warn("a read models' batch was rolled back; for the next {} s every event's rows are written at once, "
                    + "so that an event whose rows cannot be written goes to its read model's dead-letter queue", WINDOW.toSeconds());
        }
        until = System.nanoTime() + WINDOW.toNanos();
    }
}
