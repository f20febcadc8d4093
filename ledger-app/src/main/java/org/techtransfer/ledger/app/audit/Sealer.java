package org.techtransfer.ledger.app.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals the committed event log into the hash chain, in global order, behind the command path: it
 * polls the log and never takes part in a command's transaction. A missing global index (a
 * transaction still committing, or one that rolled back and left a hole) stops sealing until it is
 * filled or older than the gap timeout, after which it is taken as a permanent hole. Each sealed event is also
 * a leaf of the Merkle tree ({@link TreeStore}), appended in the same transaction. One node seals
 * at a time (a PostgreSQL advisory lock per batch).
 */
@Component
class Sealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    /** Arbitrary, fixed: "LEDGERSL". */
    private static final long SEALING_LOCK = 0x4C45444745525354L;

    private final JdbcTemplate jdbc;
    private final TreeStore tree;
    private final CheckpointStore checkpoints;
    private final AuditKey key;
    private final Duration checkpointInterval;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration gapTimeout;
    private final int batchSize;
    private final long intervalMillis;
    private ThreadPoolTaskScheduler executor;
    private volatile boolean stopping;
    private volatile long sealedPosition;

    Sealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, MeterRegistry meters, AuditKey key,
           @Value("${ledger.audit.checkpoint-interval:1s}") Duration checkpointInterval,
           @Value("${ledger.audit.gap-timeout:10s}") Duration gapTimeout,
           @Value("${ledger.audit.batch-size:2000}") int batchSize,
           @Value("${ledger.audit.interval-ms:200}") long intervalMillis) {
        this.jdbc = jdbc;
        this.tree = new TreeStore(jdbc);
        this.checkpoints = new CheckpointStore(jdbc);
        this.key = key;
        this.checkpointInterval = checkpointInterval;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.batchSize = batchSize;
        this.intervalMillis = intervalMillis;
        Gauge.builder("ledger.audit.sealed.position", () -> sealedPosition)
                .description("Global position of the last event sealed into the hash chain").register(meters);
    }

    int sealOnce() {
        return sealOnce(false);
    }

    /**
     * Seals what can be sealed now and keeps a checkpoint of the tree when it grew and the last one is older than
     * the checkpoint interval (at once with {@code finalCheckpoint}); returns how many events it sealed.
     */
    int sealOnce(boolean finalCheckpoint) {
        Integer sealed = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, SEALING_LOCK))) {
                return 0; // another node is sealing
            }
            List<Object[]> head = jdbc.query("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)});
            long last = head.isEmpty() ? 0 : (long) head.get(0)[0];
            String previous = head.isEmpty() ? ChainHash.GENESIS : (String) head.get(0)[1];
            TreeStore.Leaf lastLeaf = tree.last();
            if ((lastLeaf == null ? 0 : lastLeaf.position()) < last) {
                return catchUpTree(lastLeaf == null ? 0 : lastLeaf.position());
            }
            List<LoggedEvent> events = jdbc.query("SELECT " + LoggedEvent.COLUMNS + " FROM domain_event_entry "
                    + "WHERE global_index > ? ORDER BY global_index LIMIT ?", (rs, i) -> LoggedEvent.read(rs), last, batchSize);
            List<Object[]> links = new ArrayList<>(events.size());
            List<Long> positions = new ArrayList<>(events.size());
            List<byte[]> leaves = new ArrayList<>(events.size());
            long expected = last + 1;
            Instant now = clock.instant();
            for (LoggedEvent event : events) {
                if (event.globalIndex() != expected && !isPermanentHole(event, now)) {
                    break;
                }
                byte[] canonical = ChainHash.canonical(event);
                previous = ChainHash.link(previous, canonical);
                links.add(new Object[]{event.globalIndex(), previous});
                positions.add(event.globalIndex());
                leaves.add(Merkle.leafHash(canonical));
                expected = event.globalIndex() + 1;
            }
            Merkle.Frontier grown = null;
            if (!links.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO audit_chain (global_index, hash) VALUES (?, ?)", links);
                grown = tree.frontier();
                tree.append(grown, positions, leaves);
                sealedPosition = (long) links.get(links.size() - 1)[0];
            } else if (!head.isEmpty()) {
                sealedPosition = last;
            }
            keepCheckpoint(grown, sealedPosition, finalCheckpoint);
            return links.size();
        });
        return sealed == null ? 0 : sealed;
    }

    /**
     * A signed checkpoint of the tree as this batch left it ({@code grown}, or as stored when the batch sealed
     * nothing), when it has grown since the last one kept and that one is older than the interval: at most one a
     * batch, and the head is in one within the interval.
     */
    private void keepCheckpoint(Merkle.Frontier grown, long grownTo, boolean now) {
        CheckpointStore.AuditCheckpoint latest = checkpoints.latest();
        TreeStore.Leaf lastLeaf = grown != null ? null : tree.last();
        long size = grown != null ? grown.size() : lastLeaf == null ? 0 : lastLeaf.index() + 1;
        long lastPosition = grown != null ? grownTo : lastLeaf == null ? 0 : lastLeaf.position();
        Instant at = clock.instant();
        if (size == 0 || latest != null && (latest.treeSize() >= size
                || !now && latest.at().plus(checkpointInterval).isAfter(at))) {
            return;
        }
        byte[] root = grown != null ? grown.root() : tree.root(size);
        String note = key.sign(new SignedNote.Checkpoint(key.name(), size, root));
        checkpoints.keep(size, root, lastPosition, at, note);
    }

    /**
     * Builds the tree over events the chain sealed before there was a tree (a ledger from before it, or one
     * restored from a backup), a batch at a time, before anything new is sealed.
     */
    private int catchUpTree(long after) {
        List<LoggedEvent> sealed = jdbc.query("SELECT " + LoggedEvent.COLUMNS.replaceAll("(\\w+)", "e.$1")
                + " FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.global_index "
                + "WHERE c.global_index > ? ORDER BY c.global_index LIMIT ?", (rs, i) -> LoggedEvent.read(rs), after, batchSize);
        List<Long> positions = new ArrayList<>(sealed.size());
        List<byte[]> leaves = new ArrayList<>(sealed.size());
        for (LoggedEvent event : sealed) {
            positions.add(event.globalIndex());
            leaves.add(Merkle.leafHash(ChainHash.canonical(event)));
        }
        tree.append(tree.frontier(), positions, leaves);
        return sealed.size();
    }

    /** The hole before {@code event} is permanent once the event after it is older than the gap timeout. */
    private boolean isPermanentHole(LoggedEvent event, Instant now) {
        return Instant.parse(event.timeStamp()).plus(gapTimeout).isBefore(now);
    }

    private void sealContinuously() {
        try {
            while (!stopping && sealOnce() > 0) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            log.warn("sealing the audit chain failed; will try again: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        stopping = false;
        executor = new ThreadPoolTaskScheduler();
        executor.setThreadNamePrefix("audit-sealer-");
        executor.setDaemon(true);
        // the batch in flight is let finish: an interrupt in the middle of a JDBC round trip breaks the connection
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        executor.scheduleWithFixedDelay(this::sealContinuously, Instant.now().plusMillis(intervalMillis),
                Duration.ofMillis(intervalMillis));
    }

    @Override
    public void stop() {
        stopping = true;
        executor.shutdown(); // waits for the batch in flight
        executor = null;
        // no command is taken any more (the web server and Axon stopped in earlier phases): seal the last ones
        try {
            while (sealOnce() > 0) {
                // the whole backlog, up to a hole still within its gap timeout
            }
            sealOnce(true);
        } catch (RuntimeException e) {
            log.warn("sealing the audit chain at shutdown failed; the next start seals the rest: {}", e.getMessage());
        }
    }

    /** Stopped after the web server and Axon's processors (higher phases stop first), before the database closes. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1024;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
