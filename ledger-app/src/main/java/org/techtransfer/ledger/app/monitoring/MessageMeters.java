package org.techtransfer.ledger.app.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Counts and times the messages of the command bus or of an event processor under Axon's meter names
 * ({@code <prefix>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .processedCounter}, {@code .ignoredCounter}, {@code .allTimer}, {@code .successTimer},
 * {@code .failureTimer}, {@code .ignoredTimer}), and for a processor its {@code <prefix>.latency}.
 * Axon's own monitors look their meters up in the registry for every message, building the names and
 * tags again each time: a quarter of what a read model allocated per event. These meters are made
 * once per payload type.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private static final long LATENCY_INTERVAL_MILLIS = 100;

    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer all, Timer successTimer, Timer failureTimer, Timer ignoredTimer) {
    }

    private final String prefix;
    private final MeterRegistry registry;
    private final Function<Class<?>, Tags> tags;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicLong latencyMillis;
    private final Clock clock;
    /** When the latency was last taken: an event's time is text in the log, and parsing it for every event cost. */
    private volatile long latencyTakenAt;

    private MessageMeters(String prefix, MeterRegistry registry, Function<Class<?>, Tags> tags, AtomicLong latencyMillis,
                          Clock clock) {
        this.prefix = prefix;
        this.registry = registry;
        this.tags = tags;
        this.latencyMillis = latencyMillis;
        this.clock = clock;
    }

    /** The command bus's meters, one set per command type ({@code payloadType}). */
    static MessageMeters commandBus(MeterRegistry registry) {
        return new MessageMeters("commandBus", registry, type -> Tags.of("payloadType", type.getSimpleName()), null, null);
    }

    /**
     * An event processor's meters ({@code processorName}) and its latency: how far behind the log's time
     * an event it took was, in milliseconds, taken at most every {@value #LATENCY_INTERVAL_MILLIS} ms.
     */
    static MessageMeters eventProcessor(MeterRegistry registry, String processorName, Clock clock) {
        Tags processor = Tags.of("processorName", processorName);
        AtomicLong latency = new AtomicLong();
        Gauge.builder("eventProcessor.latency", latency, AtomicLong::get).tags(processor)
                .description("How far behind the log's time the read models are").register(registry);
        return new MessageMeters("eventProcessor", registry, type -> processor, latency, clock);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        meters.ingested().increment();
        if (latencyMillis != null && message instanceof EventMessage<?> event) {
            long now = clock.millis();
            if (now - latencyTakenAt >= LATENCY_INTERVAL_MILLIS) {
                latencyTakenAt = now;
                latencyMillis.set(now - event.getTimestamp().toEpochMilli());
            }
        }
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                done(meters.success(), meters.successTimer(), true);
            }

            @Override
            public void reportFailure(Throwable cause) {
                done(meters.failure(), meters.failureTimer(), true);
            }

            @Override
            public void reportIgnored() {
                done(meters.ignored(), meters.ignoredTimer(), false);
            }

            /** Axon counts successes and failures as processed, ignored messages not. */
            private void done(Counter outcome, Timer outcomeTimer, boolean processed) {
                long took = System.nanoTime() - started;
                outcome.increment();
                if (processed) {
                    meters.processed().increment();
                }
                meters.all().record(took, TimeUnit.NANOSECONDS);
                outcomeTimer.record(took, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Meters meters(Class<?> payloadType) {
        Tags t = tags.apply(payloadType);
        return new Meters(counter("ingestedCounter", t), counter("successCounter", t), counter("failureCounter", t),
                counter("processedCounter", t), counter("ignoredCounter", t), timer("allTimer", t),
                timer("successTimer", t), timer("failureTimer", t), timer("ignoredTimer", t));
    }

    private Counter counter(String name, Tags t) {
        return Counter.builder(prefix + "." + name).tags(t).register(registry);
    }

    private Timer timer(String name, Tags t) {
        return Timer.builder(prefix + "." + name).tags(t).register(registry);
    }
}
