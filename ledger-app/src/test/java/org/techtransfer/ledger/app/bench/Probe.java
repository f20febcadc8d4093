package org.techtransfer.ledger.app.bench;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM, of the embedded PostgreSQL (the postmaster and its children, when its pid is
 * known) and of the whole machine, plus PostgreSQL's own counters for this database. The difference
 * of two snapshots says what one operation cost, on each side of the JDBC connection.
 */
final class Probe {

    /** Linux reports process times in clock ticks of 1/100 s on every platform the JDK supports. */
    private static final double TICK_MILLIS = 10.0;

    record Snapshot(long nanos, long jvmCpuNanos, double postgresCpuMillis, long machineBusy, long machineTotal,
                    long commits, long rollbacks, long returned, long fetched, long inserted, long updated,
                    Map<String, Long> threadCpuNanos, Map<String, Long> tableRowsRead) {
    }

    /**
     * In {@link Delta#threadCpuMillis()}: the rest of the JVM's CPU time, spent by threads the thread bean does not
     * show (garbage collector, JIT compilers, VM) or by threads that ended during the measurement.
     */
    static final String VM_THREADS = "(JVM's own threads: garbage collector, JIT compilers, VM)";

    /** What happened between two snapshots. */
    record Delta(double seconds, double jvmCpuMillis, double postgresCpuMillis, double machineBusyPercent,
                 long commits, long rollbacks, long rowsRead, long inserted, long updated,
                 Map<String, Double> threadCpuMillis, Map<String, Long> tableRowsRead) {

        static Delta between(Snapshot a, Snapshot b) {
            double seconds = (b.nanos() - a.nanos()) / 1e9;
            long total = b.machineTotal() - a.machineTotal();
            double jvm = (b.jvmCpuNanos() - a.jvmCpuNanos()) / 1e6;
            Map<String, Double> threads = new HashMap<>();
            double javaThreads = 0;
            for (Map.Entry<String, Long> e : b.threadCpuNanos().entrySet()) {
                double millis = (e.getValue() - a.threadCpuNanos().getOrDefault(e.getKey(), 0L)) / 1e6;
                if (millis > 0) {
                    threads.put(e.getKey(), millis);
                    javaThreads += millis;
                }
            }
            threads.put(VM_THREADS, Math.max(0, jvm - javaThreads));
            Map<String, Long> tables = new HashMap<>();
            b.tableRowsRead().forEach((table, rows) -> {
                long read = rows - a.tableRowsRead().getOrDefault(table, 0L);
                if (read > 0) {
                    tables.put(table, read);
                }
            });
            return new Delta(seconds, jvm,
                    b.postgresCpuMillis() < 0 || a.postgresCpuMillis() < 0 ? Double.NaN : b.postgresCpuMillis() - a.postgresCpuMillis(),
                    total == 0 ? Double.NaN : 100.0 * (b.machineBusy() - a.machineBusy()) / total,
                    b.commits() - a.commits(), b.rollbacks() - a.rollbacks(),
                    (b.returned() - a.returned()) + (b.fetched() - a.fetched()),
                    b.inserted() - a.inserted(), b.updated() - a.updated(), threads, tables);
        }

        /** The tables PostgreSQL read the most rows of (sequential scans and index fetches), per operation. */
        String tableReport(double operations, int limit) {
            List<Map.Entry<String, Long>> entries = new ArrayList<>(tableRowsRead.entrySet());
            entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, Long> e : entries.subList(0, Math.min(limit, entries.size()))) {
                line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", e.getKey(),
                        e.getValue() / operations));
            }
            return line.length() == 0 ? "(none)" : line.toString();
        }

        /** The CPU time of the thread groups that used the most, in milliseconds per operation, as lines. */
        List<String> threadReport(double operations, int limit) {
            List<Map.Entry<String, Double>> entries = new ArrayList<>(threadCpuMillis.entrySet());
            entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, Double> e : entries.subList(0, Math.min(limit, entries.size()))) {
                lines.add(String.format(Locale.ROOT, "%9.3f ms/op %5.1f%%  %s", e.getValue() / operations,
                        100 * e.getValue() / Math.max(1e-9, jvmCpuMillis), e.getKey()));
            }
            return lines;
        }
    }

    private final DataSource database;
    private final Path postmasterPid;

    /** @param postmasterPid the {@code postmaster.pid} of the embedded server, or null for an external one */
    Probe(DataSource database, Path postmasterPid) {
        this.database = database;
        this.postmasterPid = postmasterPid;
    }

    Snapshot take() {
        Map<String, Long> threadCpu = threadCpuNanos(); // first: the other figures take a while to read
        long jvmCpu = jvmCpuNanos();
        long[] machine = machine();
        long[] pg = new long[6];
        Map<String, Long> tables = new HashMap<>();
        try (Connection c = database == null ? null : database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, "
                     + "tup_updated FROM pg_stat_database WHERE datname = current_database()")) {
            if (rs.next()) {
                for (int i = 0; i < pg.length; i++) {
                    pg[i] = rs.getLong(i + 1);
                }
            }
            try (ResultSet t = s.executeQuery("SELECT relname, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) "
                    + "FROM pg_stat_user_tables")) {
                while (t.next()) {
                    tables.put(t.getString(1), t.getLong(2));
                }
            }
        } catch (SQLException | RuntimeException e) {
            // counters are evidence, not results: leave them at zero
        }
        return new Snapshot(System.nanoTime(), jvmCpu, postgresCpuMillis(), machine[0], machine[1],
                pg[0], pg[1], pg[2], pg[3], pg[4], pg[5], threadCpu, tables);
    }

    /** CPU time of the live threads, by group: the name with its numbers taken out ({@code http-nio-N-exec-N}). */
    private static Map<String, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(info.getThreadName().replaceAll("\\d+", "N"), cpu, Long::sum);
            }
        }
        return groups;
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Busy and total jiffies of all CPUs, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /** User + system time of the postmaster and of its children (backends, writers), or -1 when unknown. */
    private double postgresCpuMillis() {
        if (postmasterPid == null) {
            return -1;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    long[] stat = stat(p.resolve("stat"));
                    if (stat != null && (stat[0] == pid || stat[1] == pid)) {
                        ticks += stat[2];
                    }
                }
            }
            return ticks * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU milliseconds the JIT compiler threads of this JVM ("C1 CompilerThre...", "C2 CompilerThre...") have
     * used so far, from /proc/self/task; -1 where /proc is not there. They are not Java threads, so the thread
     * bean does not see them.
     */
    static long jitCpuMillis() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        long[] stat = stat(task.resolve("stat"));
                        ticks += stat == null ? 0 : stat[2];
                    }
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
            return Math.round(ticks * TICK_MILLIS);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** pid, parent pid, utime + stime of /proc/N/stat; null when the process is gone. */
    private static long[] stat(Path file) {
        try {
            String line = Files.readString(file);
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            return new long[]{pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** VmHWM (peak resident set) and VmRSS of this process, in KiB. */
    static long[] residentKib() {
        long hwm = -1;
        long rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new long[]{hwm, rss};
    }
}
