package org.techtransfer.ledger.app.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The meters of a cache of folded contracts bounded by the events folded into them (the command cache, the contract
 * reader's, the read models'): Caffeine's own, and {@code ledger_cache_events}, the events it holds, to read against
 * its bound.
 */
public final class ContractCacheMeters {

    private ContractCacheMeters() {
    }

    public static void monitor(MeterRegistry meters, Cache<?, ?> cache, String name) {
        CaffeineCacheMetrics.monitor(meters, cache, name);
        Gauge.builder("ledger.cache.events", cache, ContractCacheMeters::eventsHeld).tag("cache", name)
                .description("Events folded into the contracts the cache holds: what its bound counts").register(meters);
    }

    /** The weight the cache holds, after its pending evictions: the events its bound counts. */
    public static long eventsHeld(Cache<?, ?> cache) {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
