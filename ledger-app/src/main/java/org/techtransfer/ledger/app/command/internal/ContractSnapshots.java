package org.techtransfer.ledger.app.command.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.contract.TechnologyContract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores a snapshot of a contract once it has {@code every} events more than its last snapshot, so that
 * loading it (after a restart, for a command, a query or a read model) reads the snapshot and the events
 * after it instead of its whole history. The snapshot is taken from the contract in the aggregate cache
 * just after its lane committed, where it is exactly what the log holds: Axon's own snapshotter would read
 * the events from the log again. Snapshots are a cache of the log: losing or deleting them loses nothing.
 */
final class ContractSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ContractSnapshots.class);
    private static final String TYPE = TechnologyContract.class.getSimpleName();

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final RecentAggregates cache;
    private final long every;
    /** The version of each contract's latest snapshot, looked up once per contract and then kept. */
    private final Map<String, Long> taken = new ConcurrentHashMap<>();
    private final Counter stored;
    private final Counter failed;

    ContractSnapshots(EventStore eventStore, JdbcTemplate jdbc, RecentAggregates cache, long every,
                      MeterRegistry meters) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.cache = cache;
        this.every = every;
        this.stored = Counter.builder("ledger.contracts.snapshots").tag("outcome", "stored")
                .description("Snapshots of contracts, by outcome").register(meters);
        this.failed = Counter.builder("ledger.contracts.snapshots").tag("outcome", "failed")
                .description("Snapshots of contracts, by outcome").register(meters);
    }

    /**
     * Called by the contract's lane after a commit, on the lane's thread: the only one that touches the
     * cached contract. A failure is logged and counted; the commands are recorded either way.
     */
    void afterCommit(String aggregateId) {
        if (!(cache.get(aggregateId) instanceof AggregateCacheEntry<?> entry)) {
            return; // not a contract, or evicted after a failure
        }
        long version = -1;
        try {
            // the cache holds its entries in memory, each with its live aggregate, which this hands back as it
            // is (the model and the store are needed only to rebuild an entry that was serialised)
            EventSourcedAggregate<?> contract = entry.recreateAggregate(null, eventStore,
                    NoSnapshotTriggerDefinition.INSTANCE);
            version = contract.version();
            if (version - taken.computeIfAbsent(aggregateId, this::latestStored) < every) {
                return;
            }
            eventStore.storeSnapshot(new GenericDomainEventMessage<>(TYPE, aggregateId, version,
                    contract.getAggregateRoot()));
            taken.put(aggregateId, version);
            stored.increment();
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("snapshot of contract {} at version {} not stored: {}", aggregateId, version, e.toString());
        }
    }

    /** The version of the contract's latest snapshot of the current form (by this node or another), or -1. */
    private long latestStored(String contractId) {
        Long latest = jdbc.queryForObject("""
                SELECT max(sequence_number) FROM snapshot_event_entry
                WHERE aggregate_identifier = ? AND payload_revision = ?""",
                Long.class, contractId, TechnologyContract.SNAPSHOT_REVISION);
        return latest == null ? -1 : latest;
    }
}
