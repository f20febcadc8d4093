package org.techtransfer.ledger.app.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * When {@code LEDGER_TSA_URL} is set, asks that time stamping authority for an RFC 3161 token over each kept
 * checkpoint ({@link Timestamps}), oldest first, in a thread of its own: the sealer never waits for it. A failure
 * (no answer within the timeouts, a refusal, a token that does not hold) is logged at WARN with the authority and
 * the reason, counted ({@code ledger.audit.timestamp.failures}), and the checkpoints without a token are tried
 * again after {@code ledger.audit.tsa.retry-after}. When anchoring starts on a ledger that has no token yet, the
 * newest checkpoint is the first stamped: it covers the earlier ones (docs/audit.md).
 */
@Component
class CheckpointStamper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStamper.class);
    /** Checkpoints asked for in one round at most, so that a backlog after an outage is worked off in steps. */
    private static final int ROUND = 50;

    private final Timestamps authority;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final Duration interval;
    private final Duration retryAfter;
    private final Map<String, Counter> failures;
    private final Counter stamped;
    private ThreadPoolTaskScheduler executor;
    private final Duration longestRequest;
    private volatile Instant notBefore = Instant.MIN;
    private volatile boolean stopping;

    CheckpointStamper(JdbcTemplate jdbc, Clock clock, MeterRegistry meters,
                      @Value("${ledger.audit.tsa.url:}") String url,
                      @Value("${ledger.audit.tsa.connect-timeout:2s}") Duration connectTimeout,
                      @Value("${ledger.audit.tsa.timeout:5s}") Duration timeout,
                      @Value("${ledger.audit.tsa.interval:1s}") Duration interval,
                      @Value("${ledger.audit.tsa.retry-after:1m}") Duration retryAfter) {
        this.authority = url.isBlank() ? null : new Timestamps(authorityUrl(url.strip()), connectTimeout, timeout);
        this.checkpoints = new CheckpointStore(jdbc);
        this.clock = clock;
        this.interval = interval;
        this.longestRequest = connectTimeout.plus(timeout);
        this.retryAfter = retryAfter;
        this.failures = Map.of("unreachable", failureCounter(meters, "unreachable"),
                "refused", failureCounter(meters, "refused"), "invalid", failureCounter(meters, "invalid"));
        this.stamped = Counter.builder("ledger.audit.timestamps")
                .description("RFC 3161 time stamps of checkpoints received and kept").register(meters);
    }

    /** A mistyped URL stops the start instead of failing every request unseen. */
    private static URI authorityUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("LEDGER_TSA_URL is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("LEDGER_TSA_URL must be an http or https URL with a host: " + url);
        }
        return uri;
    }

    private static Counter failureCounter(MeterRegistry meters, String reason) {
        return Counter.builder("ledger.audit.timestamp.failures").tag("reason", reason)
                .description("Requests to the time stamping authority that gave no token kept").register(meters);
    }

    /** Stamps the checkpoints waiting for a token, up to the first failure; returns how many it stamped. */
    int stampPending() {
        if (authority == null || clock.instant().isBefore(notBefore)) {
            return 0;
        }
        int done = 0;
        for (CheckpointStore.Unstamped checkpoint : checkpoints.unstamped(ROUND)) {
            if (stopping) {
                break;
            }
            try {
                Timestamps.Stamp stamp = authority.stamp(checkpoint.note());
                checkpoints.keepTimestamp(checkpoint.treeSize(), stamp, authority.url().toString());
                stamped.increment();
                done++;
            } catch (Timestamps.Failure e) {
                failures.get(e.reason()).increment();
                notBefore = clock.instant().plus(retryAfter);
                log.warn("the time stamping authority {} gave no token for the checkpoint of tree size {} ({}): {}; "
                        + "the checkpoints without one are tried again in {} s", authority.url(), checkpoint.treeSize(),
                        e.reason(), e.getMessage(), retryAfter.toSeconds());
                break;
            }
        }
        return done;
    }

    private void stampContinuously() {
        try {
            while (stampPending() == ROUND && !stopping) {
                // a backlog: go on at once
            }
        } catch (RuntimeException e) {
            log.warn("time stamping the audit checkpoints failed; will try again: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        if (authority == null) {
            return;
        }
        stopping = false;
        executor = new ThreadPoolTaskScheduler();
        executor.setThreadNamePrefix("audit-timestamps-");
        executor.setDaemon(true);
        // the request in flight is let finish (bounded by the timeouts): an interrupt could break a JDBC round trip
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(longestRequest.toMillis() + 1000);
        executor.initialize();
        executor.scheduleWithFixedDelay(this::stampContinuously, Instant.now().plus(interval), interval);
    }

    /** The checkpoints left without a token are stamped after the next start. */
    @Override
    public void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stopped with the sealer's phase, before the database closes. */
    @Override
    public int getPhase() {
        return org.axonframework.spring.config.SpringAxonConfiguration.LIFECYCLE_PHASE - 1024;
    }
}
