package org.techtransfer.ledger.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The JVM's stalls while the queries run: a thread that asks to wake every millisecond notes each time it woke
 * {@link #STALL_MILLIS} or more late. On JDK 17 the collector's beans count G1's young, mixed and full collections
 * but not its remark pauses (JFR, session 9: 15-45 ms every two or three seconds while the heap is mostly the
 * contract caches), and a thread dump stops every thread too; a stall shows any of them.
 */
final class Stalls implements AutoCloseable {

    static final long STALL_MILLIS = 5;
    private static final long PERIOD_NANOS = 1_000_000;

    private final List<long[]> stalls = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean stopped;

    private Stalls() {
        watcher = new Thread(this::run, "bench-stalls");
        watcher.setDaemon(true);
        watcher.start();
    }

    static Stalls watch() {
        return new Stalls();
    }

    private void run() {
        while (!stopped) {
            long asleep = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            long woke = System.nanoTime();
            if (woke - asleep - PERIOD_NANOS >= STALL_MILLIS * 1_000_000) {
                synchronized (stalls) {
                    stalls.add(new long[]{asleep + PERIOD_NANOS, woke});
                }
            }
        }
    }

    /** Whether a stall overlapped the time from {@code startNanos} to {@code endNanos} (of {@link System#nanoTime}). */
    boolean during(long startNanos, long endNanos) {
        synchronized (stalls) {
            for (long[] stall : stalls) {
                if (stall[0] < endNanos && stall[1] > startNanos) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        watcher.join();
    }
}
