package org.techtransfer.ledger.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The heap this JVM needed. Each collection reports the heap's occupancy just before it (the highest
 * it got) and just after it (what was still live); the highest of each over the run is kept. Summing
 * the pools' own peak figures would add up peaks reached at different moments and overstate it.
 */
final class HeapWatch {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peakBeforeGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong lastAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong pauseMillis = new AtomicLong();
    private final AtomicLong longestPauseMillis = new AtomicLong();

    /** Collections in a row that left the heap nearly full: the JVM is thrashing, about to fail with OutOfMemoryError. */
    private static final int EXHAUSTED_AFTER = 5;
    private final AtomicLong nearlyFull = new AtomicLong();
    private volatile Runnable onExhausted = () -> { };

    /**
     * What to do when the heap is exhausted: the bench stops the run itself (and with it the embedded PostgreSQL),
     * rather than let the JVM collect for ever or die with the database still running.
     */
    void onExhausted(Runnable action) {
        this.onExhausted = action;
    }

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            emitter.addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                peakBeforeGc.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                long after = heap(info.getGcInfo().getMemoryUsageAfterGc());
                peakAfterGc.accumulateAndGet(after, Math::max);
                lastAfterGc.set(after);
                if (after > 0.95 * maxBytes()) {
                    if (nearlyFull.incrementAndGet() == EXHAUSTED_AFTER) {
                        Thread exit = new Thread(onExhausted, "bench-heap-exhausted");
                        exit.setDaemon(true);
                        exit.start();
                    }
                } else {
                    nearlyFull.set(0);
                }
                // concurrent cycles (G1's "Concurrent GC") report their whole duration, not a pause
                if (!info.getGcName().contains("Concurrent")) {
                    collections.incrementAndGet();
                    pauseMillis.addAndGet(info.getGcInfo().getDuration());
                    longestPauseMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                }
            }, null, null);
        }
    }

    private long heap(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }

    /** The most the heap held: the highest occupancy before a collection, or now if higher. */
    long peakUsedBytes() {
        return Math.max(peakBeforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The most that survived a collection: an upper bound of the live set the service needs. */
    long peakLiveBytes() {
        return peakAfterGc.get();
    }

    /** For progress lines: what the last collection left, the most any left, and the most the heap held. */
    String now() {
        return String.format(java.util.Locale.ROOT, "heap: %d MiB after the last collection, at most %d MiB after one, "
                        + "peak %d MiB of %d MiB; %d collections, %.1f s paused",
                lastAfterGc.get() >> 20, peakAfterGc.get() >> 20, peakUsedBytes() >> 20, maxBytes() >> 20,
                collections.get(), pauseMillis.get() / 1000.0);
    }

    long maxBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    long collections() {
        return collections.get();
    }

    long pauseMillis() {
        return pauseMillis.get();
    }

    long longestPauseMillis() {
        return longestPauseMillis.get();
    }

    /**
     * The classes holding the most of the heap once a full collection has run (what {@code jcmd GC.class_histogram}
     * prints), as lines: the header, the {@code top} largest and the total. Empty when the JVM cannot tell.
     */
    static List<String> liveHistogram(int top) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            List<String> lines = histogram.lines().toList();
            List<String> kept = new ArrayList<>(lines.subList(0, Math.min(lines.size(), top + 2)));
            lines.stream().filter(l -> l.startsWith("Total")).findFirst().ifPresent(kept::add);
            return kept;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Collections of every collector so far (a pause of G1's young or mixed collections, or a full one). */
    static long collectionsSoFar() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    static String collectorNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }
}
