package org.techtransfer.ledger.app.command.internal;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The aggregates used most recently, kept between commands so that a command does not read its
 * contract's whole history again. Axon evicts an entry when a command on it rolls back (a lost race
 * with another node included), so a stale entry costs one retry, never a wrong decision.
 */
class RecentAggregates implements Cache {

    private final Map<Object, Object> entries;

    RecentAggregates(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object current = entries.get(key);
        if (current != null) {
            Object updated = update.apply((V) current);
            if (updated == null) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true; // nobody listens: the ledger only needs get, put and eviction
    }
}
