package org.techtransfer.ledger.app.command.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.techtransfer.ledger.app.monitoring.ContractCacheMeters;
import org.techtransfer.ledger.projections.support.ContractStates;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The aggregates used most recently, kept between commands so that a command does not read its
 * contract's whole history again: Axon's cache interface over a Caffeine cache (metrics tagged
 * {@code cache=command-contracts}), bounded by the events of the contracts it holds. Axon evicts an entry
 * when a command on it rolls back (a lost race with another node included), so a stale entry costs one
 * retry, never a wrong decision.
 */
class RecentAggregates implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
    private final Map<Object, Object> entries;

    RecentAggregates(long maxEvents, MeterRegistry meters) {
        // by weight, not count: a contract's memory grows with its events, so a count would not bound the heap
        this.cache = Caffeine.newBuilder().maximumWeight(maxEvents).weigher(RecentAggregates::weight)
                .executor(Runnable::run).recordStats().build();
        ContractCacheMeters.monitor(meters, cache, "command-contracts");
        this.entries = cache.asMap();
    }

    /**
     * An entry weighs the events of its aggregate, read when Axon puts it (after every command that recorded
     * something); an entry of another kind weighs 1. The entries are never serialised, so each holds its live
     * aggregate, which this hands back as it is (as {@link ContractSnapshots} reads it).
     */
    private static int weight(Object key, Object value) {
        if (value instanceof AggregateCacheEntry<?> entry) {
            Long version = entry.recreateAggregate(null, null, NoSnapshotTriggerDefinition.INSTANCE).version();
            return version == null ? 1 : ContractStates.weightOf(version);
        }
        return 1;
    }

    /** The events folded into the contracts held: what the bound counts. */
    long eventsHeld() {
        return ContractCacheMeters.eventsHeld(cache);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, current) -> update.apply((V) current));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true; // nobody listens: the ledger only needs get, put and eviction
    }
}
