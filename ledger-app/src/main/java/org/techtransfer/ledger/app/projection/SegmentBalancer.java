package org.techtransfer.ledger.app.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Shares the segments of the read models' processor out between the nodes on one database. Axon lets the first
 * node claim every segment; each node announces itself in {@code ledger_node} and gives back what it
 * holds beyond its fair share so that the others can claim them. A node that dies stops its heartbeat
 * and its claims; once they time out the remaining nodes claim its segments, their fair share having grown.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration liveness;
    private final long intervalMillis;
    private ThreadPoolTaskScheduler executor;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock,
                    @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration liveness,
                    @Value("${ledger.projections.balance-interval-ms:5000}") long intervalMillis) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.liveness = liveness;
        this.intervalMillis = intervalMillis;
    }

    private final String nodeId = UUID.randomUUID() + "@" + ProcessHandle.current().pid();

    void balance() {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO ledger_node (node_id, heartbeat_at) VALUES (?, ?) "
                + "ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at", nodeId, Timestamp.from(now));
        jdbc.update("DELETE FROM ledger_node WHERE heartbeat_at < ?", Timestamp.from(now.minus(liveness.multipliedBy(6))));
        List<String> live = jdbc.queryForList("SELECT node_id FROM ledger_node WHERE heartbeat_at >= ? ORDER BY node_id",
                String.class, Timestamp.from(now.minus(liveness)));
        int nodes = Math.max(1, live.size());
        int rank = Math.max(0, live.indexOf(nodeId));
        processing.eventProcessor(ProjectionConfiguration.PROCESSOR, StreamingEventProcessor.class).ifPresent(processor -> {
            Set<Integer> mine = processor.processingStatus().keySet();
            if (mine.size() <= 1) {
                return;
            }
            Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                    Integer.class, ProjectionConfiguration.PROCESSOR);
            int fairShare = fairShare(segments == null ? 0 : segments, nodes, rank);
            List<Integer> surplus = new ArrayList<>(mine);
            for (int i = 0; i < mine.size() - fairShare; i++) {
                int segment = surplus.get(i);
                log.info("read models: releasing segment {} ({} held, fair share {} of {} segments among {} nodes)",
                        segment, mine.size(), fairShare, segments, nodes);
                processor.releaseSegment(segment, 2 * intervalMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * The segments that the node of {@code rank} (its place among the live nodes by id) should hold: every
     * node {@code segments / nodes}, and the remainder one each to the first nodes, so that the shares add up
     * to the segments and no node is left without work (4 segments on 3 nodes: 2, 1, 1, not 2, 2, 0).
     */
    static int fairShare(int segments, int nodes, int rank) {
        return segments / nodes + (rank < segments % nodes ? 1 : 0);
    }

    @Override
    public void start() {
        executor = new ThreadPoolTaskScheduler();
        executor.setThreadNamePrefix("segment-balancer-");
        executor.setDaemon(true);
        executor.initialize();
        executor.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.warn("balancing read-model segments failed; will try again: {}", e.getMessage());
            }
        }, Instant.now().plusMillis(intervalMillis), Duration.ofMillis(intervalMillis));
    }

    @Override
    public void stop() {
        executor.shutdown();
        executor = null;
        try {
            jdbc.update("DELETE FROM ledger_node WHERE node_id = ?", nodeId); // leaving: the others need not wait
        } catch (RuntimeException e) {
            log.debug("could not sign off node {}: {}", nodeId, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
