package org.techtransfer.ledger.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A poor man's profiler: thread dumps every 50 ms of the threads doing the measured work, each sample
 * put in a bucket (on CPU, waiting for PostgreSQL, for a pooled connection, for a lock) and attributed
 * to the library on top of its stack and to the innermost frame of the ledger's own code. Idle pool
 * threads are not counted. Enough to say where the time goes, with evidence, without an agent.
 */
final class Profile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long INTERVAL_MILLIS = 50;

    final Map<String, Integer> states = new HashMap<>();
    final Map<String, Integer> onCpu = new HashMap<>();
    final Map<String, Integer> ours = new HashMap<>();
    final Map<String, Integer> paths = new HashMap<>();
    int samples;

    /** A sampler running until {@link #stop()}. */
    static final class Sampler {
        private final Profile profile = new Profile();
        private final Thread thread;
        private volatile boolean running = true;

        private Sampler(Predicate<String> threadName) {
            thread = new Thread(() -> {
                while (running) {
                    for (ThreadInfo info : THREADS.dumpAllThreads(false, false)) {
                        if (info != null && threadName.test(info.getThreadName())) {
                            profile.add(info);
                        }
                    }
                    try {
                        Thread.sleep(INTERVAL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-profiler");
            thread.setDaemon(true);
            thread.start();
        }

        Profile stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return profile;
        }
    }

    static Sampler sample(Predicate<String> threadName) {
        return new Sampler(threadName);
    }

    private synchronized void add(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (isIdle(stack)) {
            return;
        }
        String state;
        if (contains(stack, "org.postgresql.core.PGStream") || contains(stack, "org.postgresql.core.VisibleBufferedInputStream")) {
            state = "waiting for PostgreSQL (JDBC round trip)";
        } else if (info.getThreadState() != Thread.State.RUNNABLE && contains(stack, "com.zaxxer.hikari.pool.HikariPool.getConnection")) {
            state = "waiting for a pooled connection";
        } else if (info.getThreadState() == Thread.State.BLOCKED
                || info.getThreadState() != Thread.State.RUNNABLE && contains(stack, "java.util.concurrent.locks")) {
            state = "waiting for a lock";
        } else if (info.getThreadState() != Thread.State.RUNNABLE) {
            state = "waiting (other)";
        } else if (contains(stack, "sun.nio.ch.") && stack.length > 0 && stack[0].isNativeMethod()) {
            state = "in socket I/O (HTTP)";
        } else {
            state = "on CPU";
            onCpu.merge(component(stack), 1, Integer::sum);
            paths.merge(path(stack, 10), 1, Integer::sum);
        }
        samples++;
        states.merge(state, 1, Integer::sum);
        ours.merge(ourFrame(stack) + "  [" + shortState(state) + "]", 1, Integer::sum);
    }

    private static String shortState(String state) {
        return state.startsWith("waiting for PostgreSQL") ? "db" : state.startsWith("on CPU") ? "cpu"
                : state.startsWith("waiting for a lock") ? "lock" : state.startsWith("waiting for a pooled") ? "pool"
                : state.startsWith("in socket") ? "io" : "wait";
    }

    private static boolean isIdle(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String where = frame.getClassName() + "." + frame.getMethodName();
            if (where.equals("java.util.concurrent.ThreadPoolExecutor.getTask")
                    || where.startsWith("org.apache.tomcat.util.threads.TaskQueue.")
                    || where.equals("sun.nio.ch.EPoll.wait")
                    // Tomcat's acceptor waiting for a connection: until session 10 it was counted as "socket I/O"
                    || where.equals("sun.nio.ch.ServerSocketChannelImpl.accept")) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(StackTraceElement[] stack, String prefix) {
        for (StackTraceElement frame : stack) {
            if ((frame.getClassName() + "." + frame.getMethodName()).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The library (or class of the ledger or Axon) at the top of a running stack. */
    private static String component(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.sun.")
                    || c.startsWith("javax.")) {
                continue;
            }
            if (c.startsWith("com.fasterxml.jackson")) {
                return "Jackson (JSON)";
            } else if (c.startsWith("org.postgresql")) {
                return "PostgreSQL JDBC driver";
            } else if (c.startsWith("com.zaxxer.hikari")) {
                return "HikariCP";
            } else if (c.startsWith("ch.qos.logback") || c.startsWith("org.slf4j")) {
                return "logging (logback)";
            } else if (c.startsWith("org.springframework.security.crypto.bcrypt")) {
                return "bcrypt (HTTP Basic password check)";
            } else if (c.startsWith("org.apache.catalina") || c.startsWith("org.apache.coyote") || c.startsWith("org.apache.tomcat")) {
                return "Tomcat";
            } else if (c.startsWith("io.micrometer")) {
                return "Micrometer";
            }
            return simple(frame);
        }
        return stack.length == 0 ? "(no stack)" : simple(stack[0]);
    }

    /** The {@code depth} innermost frames outside the JDK: a hot path. */
    private static String path(StackTraceElement[] stack, int depth) {
        StringBuilder path = new StringBuilder();
        int taken = 0;
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.contains("$$Lambda")) {
                continue;
            }
            path.append(taken == 0 ? "" : " < ").append(simple(frame));
            if (++taken == depth) {
                break;
            }
        }
        return path.length() == 0 ? (stack.length == 0 ? "(no stack)" : simple(stack[0])) : path.toString();
    }

    /** The innermost frame of the ledger's own code (or of the benchmark when none). */
    private static String ourFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("org.techtransfer.ledger") && !frame.getClassName().contains(".bench.")) {
                return simple(frame);
            }
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("org.axonframework")) {
                return simple(frame);
            }
        }
        return "(outside the ledger)";
    }

    private static String simple(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    /** The {@code limit} largest entries of {@code counts}, as lines "  NN.N%  key". */
    static List<String> top(Map<String, Integer> counts, int total, int limit) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(limit, entries.size()))) {
            lines.add(String.format(Locale.ROOT, "%6.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
        }
        return lines;
    }

    List<String> report(int limit) {
        List<String> lines = new ArrayList<>();
        lines.add("    where the working threads were (" + samples + " samples):");
        top(states, samples, 10).forEach(l -> lines.add("      " + l));
        int cpu = states.getOrDefault("on CPU", 0);
        if (cpu > 0) {
            lines.add("    on CPU, by what was on top of the stack:");
            top(onCpu, samples, limit).forEach(l -> lines.add("      " + l));
            lines.add("    hottest paths on CPU (innermost first):");
            top(paths, samples, 3).forEach(l -> lines.add("      " + l));
        }
        lines.add("    by the ledger's innermost method:");
        top(ours, samples, limit).forEach(l -> lines.add("      " + l));
        return lines;
    }
}
