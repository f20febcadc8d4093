package org.techtransfer.ledger.app.command.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The aggregates used most recently, kept between commands so that a command does not read its
 * contract's whole history again: Axon's cache interface over a Caffeine cache (metrics tagged
 * {@code cache=command-contracts}). Axon evicts an entry when a command on it rolls back (a lost race
 * with another node included), so a stale entry costs one retry, never a wrong decision.
 */
class RecentAggregates implements Cache {

    private final Map<Object, Object> entries;

    RecentAggregates(int capacity, MeterRegistry meters) {
        com.github.benmanes.caffeine.cache.Cache<Object, Object> cache = Caffeine.newBuilder()
                .maximumSize(capacity).executor(Runnable::run).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, cache, "command-contracts");
        this.entries = cache.asMap();
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
