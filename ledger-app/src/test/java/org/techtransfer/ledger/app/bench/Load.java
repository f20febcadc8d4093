package org.techtransfer.ledger.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code clients} threads each send one operation, wait for it, and send the next,
 * first for a warm-up whose operations are not counted, then for the measured window. The warm-up lasts
 * at least its seconds and goes on while the JIT compiler threads are still busy (at most
 * {@link #MAX_WARMUP_SECONDS}): on two cores C2 took 0.5 to 3.6 s of CPU per method of the command path
 * for the first minute, which a window right after a short warm-up charged to the operations measured.
 * An operation counts when it started and ended inside the window; its latency goes into a plain array
 * (sorted at the end) rather than a histogram, so there is no extra dependency and no bucketing error.
 */
final class Load {

    /** One operation of client number {@code client}; throwing counts it as an error. */
    @FunctionalInterface
    interface Operation {
        void call(int client) throws Exception;
    }

    /** Warmed up once the JIT compiler threads used less CPU than this over the last {@link #JIT_QUIET_SECONDS}. */
    static final long JIT_QUIET_MILLIS = 100;
    static final int JIT_QUIET_SECONDS = 3;
    static final double MAX_WARMUP_SECONDS = 90;

    /**
     * What one load achieved in its measured window, and what the machine did meanwhile; how long it warmed
     * up and how many milliseconds the JIT compilers spent in the window.
     */
    record Result(String name, int clients, long operations, long errors, double seconds, double perSecond,
                  double p50Millis, double p99Millis, double maxMillis, String firstError,
                  Probe.Delta delta, Profile profile, double warmupSeconds, long jitCpuMillisInWindow) {

        double perOperation(double total) {
            return operations == 0 ? Double.NaN : total / operations;
        }
    }

    private Load() {
    }

    static Result run(String name, String threadPrefix, int clients, double warmupSeconds, double seconds,
                      Operation operation, Supplier<Probe.Snapshot> probe, Predicate<String> profiled) {
        long begin = System.nanoTime();
        // the window opens once warmed up; until then it starts and ends "never"
        AtomicLong window = new AtomicLong(Long.MAX_VALUE);
        AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(clients);
        // the clients stay alive until the last snapshot is taken, so that their CPU time is in it
        CountDownLatch measured = new CountDownLatch(1);
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[4096];
            Thread thread = new Thread(() -> {
                while (true) {
                    long started = System.nanoTime();
                    long from = window.get();
                    if (started >= windowEnd.get()) {
                        try {
                            measured.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return;
                    }
                    boolean ok = true;
                    try {
                        operation.call(client);
                    } catch (Throwable e) {
                        ok = false;
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    long ended = System.nanoTime();
                    if (started >= from && ended <= windowEnd.get()) {
                        if (ok) {
                            if (counts[client] == latencies[client].length) {
                                latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                            }
                            latencies[client][counts[client]++] = ended - started;
                        } else {
                            errors.incrementAndGet();
                        }
                    } else if (!ok && started < from) {
                        errors.incrementAndGet(); // a failing warm-up is worth knowing about too
                    }
                }
            }, threadPrefix + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        sleepUntil(begin + (long) (warmupSeconds * 1e9));
        long[] jitCpu = new long[JIT_QUIET_SECONDS + 1]; // the compilers' CPU at each of the last seconds
        for (int second = 0; System.nanoTime() - begin < MAX_WARMUP_SECONDS * 1e9; second++) {
            jitCpu[second % jitCpu.length] = Probe.jitCpuMillis();
            if (second >= JIT_QUIET_SECONDS
                    && jitCpu[second % jitCpu.length] - jitCpu[(second + 1) % jitCpu.length] < JIT_QUIET_MILLIS) {
                break;
            }
            sleepUntil(System.nanoTime() + 1_000_000_000L);
        }
        long from = System.nanoTime();
        long to = from + (long) (seconds * 1e9);
        windowEnd.set(to);
        window.set(from);
        long jitAtStart = Probe.jitCpuMillis();
        Probe.Snapshot first = probe.get();
        Profile.Sampler sampler = Profile.sample(profiled);
        sleepUntil(to);
        long jitInWindow = Probe.jitCpuMillis() - jitAtStart;
        Probe.Snapshot last = probe.get();
        measured.countDown();
        Profile profile = sampler.stop();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, clients, total, errors.get(), seconds, total / seconds,
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
                firstError.get(), Probe.Delta.between(first, last), profile, (from - begin) / 1e9, jitInWindow);
    }

    /** The latency below which {@code q} of the sorted latencies lie (nearest rank), in milliseconds. */
    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
