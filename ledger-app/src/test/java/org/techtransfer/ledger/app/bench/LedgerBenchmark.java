package org.techtransfer.ledger.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.util.FileSystemUtils;
import org.techtransfer.ledger.app.admin.Projections;
import org.techtransfer.ledger.app.command.LedgerCommands;
import org.techtransfer.ledger.app.database.EmbeddedServer;
import org.techtransfer.ledger.app.projection.ProjectionConfiguration;
import org.techtransfer.ledger.app.projection.ProjectionProgress;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.contract.Buyer;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.RecordIncome;
import org.techtransfer.ledger.contract.RegisterContract;
import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.institution.RegisterInstitution;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.PolicyName;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code make bench}: what the ledger achieves next to what the same PostgreSQL on the same machine
 * does at best, so that every figure can be read as a ratio on a noisy machine. See docs/benchmarks.md.
 * <p>
 * In one run, on the embedded PostgreSQL in {@code BENCH_DATA_DIR} (or on {@code LEDGER_DB_URL}):
 * <ol>
 *   <li>once, with a ledger of its own: registers an institution and {@code BENCH_CONTRACTS} contracts and tops
 *       the log up to {@code BENCH_REPLAY_EVENTS} events; both are kept between runs (an embedded log that
 *       has grown past 1.5 times that is made anew);</li>
 *   <li>starts the ledger measured in this JVM, waits until every read model and the audit sealer are at the head
 *       of the log, and measures what the idle ledger does in the background;</li>
 *   <li>baseline: single-row insert transactions per second into a copy of the event table;</li>
 *   <li>one RecordIncome on every contract (each loaded from the log), then RecordIncome through the command
 *       gateway, then through HTTP, by {@code BENCH_CLIENTS} clients;</li>
 *   <li>replay: every read model rebuilt from the whole log, in events per second, {@code BENCH_REPLAYS} times
 *       (the median reported);</li>
 *   <li>queries: latencies of a contract, the obligations of an institution, the volume statistics and the contract
 *   list (a page, a search);</li>
 *   <li>heap and resident set of this JVM, and what holds the heap at the end.</li>
 * </ol>
 * For each phase it also prints the CPU per operation of this JVM (by thread group) and of PostgreSQL, and
 * thread samples of the threads doing the work. When the heap runs out it stops the run and says so.
 * The last line it prints is the one-line summary.
 */
public final class LedgerBenchmark {

    static final String INSTITUTION = "DEMO-A";
    static final String RECORDER = "recorder-a";
    /** The threads that decide commands (group commit, CommandLanes): the callers only wait for them. */
    private static final String LANE = "command-lane-";
    /** The kept log is made anew once it holds more than this many times {@code BENCH_REPLAY_EVENTS}. */
    private static final double KEPT_LOG_GROWTH = 1.5;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final HeapWatch HEAP = new HeapWatch();
    /** The summary's figures measured so far, for the line a failed run ends with. */
    private static final Map<String, String> SO_FAR = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static volatile String phase = "start";

    private LedgerBenchmark() {
    }

    static String contractId(int i) {
        return "BENCH-C-%04d".formatted(i);
    }

    /** Everything the environment can change, with its default. */
    record Settings(String dbUrl, String dbUser, String dbPassword, String dataDir, double seconds, double warmup,
                    int clients, int contracts, long replayEvents, int replays, int queries, int queryWarmup,
                    long timeoutSeconds) {

        static Settings fromEnvironment() {
            return new Settings(env("LEDGER_DB_URL", null), env("LEDGER_DB_USER", null), env("LEDGER_DB_PASSWORD", null),
                    env("BENCH_DATA_DIR", "./data-bench"),
                    Double.parseDouble(env("BENCH_SECONDS", "15")),
                    Double.parseDouble(env("BENCH_WARMUP_SECONDS", "5")),
                    Integer.parseInt(env("BENCH_CLIENTS", "32")),
                    Integer.parseInt(env("BENCH_CONTRACTS", "1000")),
                    Long.parseLong(env("BENCH_REPLAY_EVENTS", "1000000")),
                    Math.max(1, Integer.parseInt(env("BENCH_REPLAYS", "3"))),
                    Integer.parseInt(env("BENCH_QUERIES", "2000")),
                    Integer.parseInt(env("BENCH_QUERY_WARMUP", "200")),
                    Long.parseLong(env("BENCH_TIMEOUT_SECONDS", "3600")));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }
    }

    /** A query's figures. */
    record QueryResult(String name, int count, double p50, double p99, double max, long bytes, Probe.Delta delta,
                       Profile profile) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Settings settings = Settings.fromEnvironment();
        HeapWatch heap = HEAP;
        heap.onExhausted(() -> {
            say("THE HEAP IS EXHAUSTED: %d collections in a row left it more than 95%% full; stopping the run", 5);
            say("  %s", HEAP.now());
            say("  this JVM runs the ledger and the load generators; the load generators hold a few MiB");
            say("  what holds the heap (live objects by class):");
            HeapWatch.liveHistogram(15).forEach(l -> say("    %s", l));
            StringBuilder measured = new StringBuilder();
            SO_FAR.forEach((k, v) -> measured.append(' ').append(k).append('=').append(v));
            System.out.println("bench: FAILED heap exhausted (max heap " + (HEAP.maxBytes() >> 20) + " MiB) during the "
                    + phase + "; measured before:" + (measured.length() == 0 ? " nothing" : measured));
            System.out.flush();
            System.exit(3); // the embedded PostgreSQL is stopped by its watchdog once this JVM has ended
        });
        say("ledger benchmark: %d clients, %.0f s measured after %.0f s warm-up, %d contracts, log of at least %,d events",
                settings.clients(), settings.seconds(), settings.warmup(), settings.contracts(), settings.replayEvents());

        Path dataDir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        EmbeddedServer embedded = null;
        String url = settings.dbUrl();
        if (url == null) {
            say("starting the embedded PostgreSQL in %s", dataDir);
            embedded = EmbeddedServer.start(dataDir.toString());
            long kept = keptLogEvents(settings, embedded.jdbcUrl());
            if (kept > settings.replayEvents() * KEPT_LOG_GROWTH) {
                // every run appends its commands to the same 1,000 contracts; unchecked, their length (and the
                // memory and time each takes) would drift from run to run
                say("the kept log has grown to %,d events, more than %.1f times %,d with the commands of earlier runs: "
                        + "it is made anew", kept, KEPT_LOG_GROWTH, settings.replayEvents());
                embedded.close();
                FileSystemUtils.deleteRecursively(embedded.directory().resolve("pg"));
                embedded = EmbeddedServer.start(dataDir.toString());
            }
            url = embedded.jdbcUrl();
        }
        int exit = 0;
        try (HikariDataSource admin = pool(settings, url, 4, "bench-admin")) {
            exit = run(settings, url, embedded, dataDir, admin, heap);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        System.exit(exit);
    }

    /** Events in the embedded database's log, or 0 before its first run. */
    private static long keptLogEvents(Settings settings, String url) throws SQLException {
        try (HikariDataSource db = pool(settings, url, 1, "bench-kept-log")) {
            return exists(db, "SELECT 1 FROM pg_tables WHERE tablename = 'domain_event_entry'") ? ReplayLog.count(db) : 0;
        }
    }

    private static int run(Settings settings, String url, EmbeddedServer embedded, Path dataDir, HikariDataSource admin,
                           HeapWatch heap) throws Exception {
        Probe probe = new Probe(admin, embedded == null ? null : embedded.directory().resolve("pg").resolve("postmaster.pid"));
        String postgres = queryString(admin, "SELECT version()").replaceAll(" on .*", "") + "; "
                + queryString(admin, "SELECT 'shared_buffers ' || current_setting('shared_buffers') || ', fsync '"
                + " || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit')"
                + " || ', max_connections ' || current_setting('max_connections')");

        List<String> ledgerArguments = new ArrayList<>(List.of(
                "--logging.file.name=" + dataDir.resolve("ledger-bench.log"),
                "--logging.threshold.console=WARN"));
        if (settings.dbUser() != null) {
            ledgerArguments.add("--ledger.db.user=" + settings.dbUser());
        }
        if (settings.dbPassword() != null) {
            ledgerArguments.add("--ledger.db.password=" + settings.dbPassword());
        }
        String[] arguments = ledgerArguments.toArray(String[]::new);

        // 1. the deals and the log, kept between runs; made by a ledger of its own, so that the ledger measured
        // starts with nothing cached that the log top-up made stale
        if (!prepared(settings, admin)) {
            say("preparing the deals and the log (once: they are kept in the database between runs)");
            phase = "preparation of the deals and the log";
            try (LedgerNode setUp = LedgerNode.start(url, arguments)) {
                setUp(settings, admin, setUp.bean(LedgerCommands.class));
                // the read models follow the log in the ledger measured, before anything is measured
                setUp.bean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
                long appended = new ReplayLog(admin).topUp(settings.replayEvents(), settings.contracts(),
                        LedgerBenchmark::contractId, (written, of) -> say("  log: %,d of %,d events appended", written, of));
                say("appended %,d events to the log", appended);
            }
        }
        say("starting the ledger (its log goes to %s)", dataDir.resolve("ledger-bench.log"));
        try (LedgerNode ledger = LedgerNode.start(url, arguments)) {
            LedgerCommands commands = ledger.bean(LedgerCommands.class);
            Projections projections = ledger.bean(Projections.class);
            ProjectionProgress progress = ledger.bean(ProjectionProgress.class);
            phase = "catching up with the log";
            long waited = quiesce(projections, progress, admin, settings);
            vacuum(admin);
            long logEvents = ReplayLog.count(admin);
            sayWithHeap("the log holds %,d events (%,.0f per contract); every read model and the audit chain are at its head%s",
                    logEvents, (double) logEvents / settings.contracts(),
                    waited > 5 ? " (after " + waited + " s of catching up)" : "");
            Probe.Delta idle = idle(probe);

            // 2. baseline, on the same database, while the ledger is idle
            phase = "baseline";
            Load.Result baseline;
            try (HikariDataSource baselinePool = pool(settings, url, settings.clients(), "bench-baseline")) {
                Baseline table = new Baseline(baselinePool, settings.contracts());
                table.recreate();
                awaitFull(baselinePool);
                say("baseline: single-row insert transactions into %s, %d clients", Baseline.TABLE, settings.clients());
                baseline = Load.run("baseline insert", "bench-baseline-", settings.clients(), settings.warmup(),
                        settings.seconds(), client -> table.insertOne(), probe::take, n -> n.startsWith("bench-baseline-"));
                table.drop(); // before autovacuum gets to it while the ledger is measured
            }
            sayWithHeap("  %,.0f transactions/s%s", baseline.perSecond(), warmedUp(baseline));
            SO_FAR.put("baseline/s", String.valueOf(Math.round(baseline.perSecond())));
            phase = "first command per contract";

            // 3. commands, first each contract once (its first load from the log), then the measured load
            String run = Long.toString(System.currentTimeMillis(), 36);
            Load.Result cold = coldPass(settings, commands, run);
            phase = "commands through the gateway";
            say("commands through the gateway: %d clients", settings.clients());
            long[] sent = new long[settings.clients()];
            DistributionSummary batches = ledger.bean(MeterRegistry.class).get("ledger.commands.batch.size").summary();
            double batchesBefore = batches.count();
            double batchedBefore = batches.totalAmount();
            Load.Result gateway = Load.run("commands via gateway", "bench-gateway-", settings.clients(), settings.warmup(),
                    settings.seconds(), client -> {
                        int contract = ThreadLocalRandom.current().nextInt(settings.contracts());
                        commands.send(income(contractId(contract), "G" + run + "-" + client + "-" + sent[client]++),
                                RECORDER, UUID.randomUUID().toString());
                    }, probe::take, n -> n.startsWith("bench-gateway-") || n.startsWith(LANE));
            sayWithHeap("  %,.0f commands/s%s", gateway.perSecond(), warmedUp(gateway));
            say("  group commit: %.1f commands per commit on average (warm-up and window)",
                    (batches.totalAmount() - batchedBefore) / Math.max(1, batches.count() - batchesBefore));
            SO_FAR.put("commands/s", String.valueOf(Math.round(gateway.perSecond())));
            SO_FAR.put("ratio", String.format(Locale.ROOT, "%.2f", gateway.perSecond() / baseline.perSecond()));
            phase = "commands through HTTP";

            say("commands through HTTP: %d clients", settings.clients());
            Http[] clients = new Http[settings.clients()];
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new Http(ledger.port());
            }
            // one request per client, one at a time: the first requests compile the web stack and make Spring Security
            // encode its timing-attack dummy password (bcrypt of cost 10), which is not what is measured
            for (int i = 0; i < clients.length; i++) {
                Http.expect(clients[i].post(RECORDER, "/api/v1/contracts/" + contractId(i % settings.contracts()) + "/incomes",
                        incomeJson("P" + run + "-" + i)), 201);
            }
            long[] posted = new long[settings.clients()];
            Load.Result http = Load.run("commands via HTTP", "bench-http-", settings.clients(), settings.warmup(),
                    settings.seconds(), client -> {
                        int contract = ThreadLocalRandom.current().nextInt(settings.contracts());
                        Http.expect(clients[client].post(RECORDER, "/api/v1/contracts/" + contractId(contract) + "/incomes",
                                incomeJson("H" + run + "-" + client + "-" + posted[client]++)), 201);
                    }, probe::take, n -> n.startsWith("http-nio-") || n.startsWith(LANE));
            sayWithHeap("  %,.0f commands/s%s", http.perSecond(), warmedUp(http));
            SO_FAR.put("http/s", String.valueOf(Math.round(http.perSecond())));
            sealingLagMillis = sealingLag(admin);
            sayWithHeap("  the audit chain sealed the head of the log %,d ms after the command phase ended", sealingLagMillis);
            SO_FAR.put("sealing lag ms", String.valueOf(sealingLagMillis));
            phase = "replay";

            // 4. replay, several times: the median is reported, as the machine's speed moves from minute to minute
            List<Replay> replays = new ArrayList<>();
            for (int i = 0; i < settings.replays(); i++) {
                quiesce(projections, progress, admin, settings);
                vacuum(admin); // the commands' 300,000 rows would start an autovacuum in the first replay
                replays.add(replay(settings, projections, progress, admin, probe));
            }
            Replay replay = median(replays);

            // 5. queries
            SO_FAR.put("replay events/s", String.valueOf(Math.round(replay.perSecond())));
            phase = "queries";
            vacuum(admin); // the replays rewrote every read model's rows: an autovacuum would start during the queries
            List<QueryResult> queries = queries(settings, ledger.port(), probe, admin);

            // 6. memory
            long[] rss = Probe.residentKib();
            List<String> histogram = HeapWatch.liveHistogram(12); // a full collection: after every measurement
            print(settings, postgres, embedded != null, logEvents, idle, baseline, cold, gateway, http, replay, queries, heap, rss,
                    histogram);
            return 0;
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // set-up

    private static void setUp(Settings settings, DataSource db, LedgerCommands commands) throws Exception {
        if (!exists(db, "SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = '" + INSTITUTION + "'")) {
            commands.send(new RegisterInstitution(INSTITUTION, "Huairou Benchmark Institute", OrganisationType.RESEARCH_INSTITUTE,
                    true, "110116", PolicyName.BEIJING, null, null, null), "admin", "bench-set-up");
        }
        Set<String> registered = new HashSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT aggregate_identifier FROM domain_event_entry "
                     + "WHERE sequence_number = 0 AND aggregate_identifier LIKE 'BENCH-C-%'")) {
            while (rs.next()) {
                registered.add(rs.getString(1));
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < settings.contracts(); i++) {
            if (!registered.contains(contractId(i))) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        say("registering %d contracts", missing.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < missing.size() && failure.get() == null) {
                    try {
                        commands.send(contract(contractId(missing.get(i))), RECORDER, "bench-set-up");
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-set-up-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not register the contracts", failure.get());
        }
    }

    private static RegisterContract contract(String id) {
        return new RegisterContract(id, "REG-" + id, ContractKind.LICENSE, INSTITUTION,
                new Buyer("Yanqi Lake Materials Co.", OrganisationType.ENTERPRISE, "110116"), "nanotechnology",
                // a total that the incomes of a long log stay below: income may not exceed the contract total
                Money.of("999999999999.99"), Money.of("1000000.00"), LocalDate.of(2026, 3, 1),
                List.of(new Contributor("P-1", "Researcher One", true, false, false),
                        new Contributor("P-2", "Researcher Two", false, false, false),
                        new Contributor("P-L", "Researcher Lead", false, true, false)), null, null, null);
    }

    private static RecordIncome income(String contractId, String incomeId) {
        return new RecordIncome(contractId, incomeId, Money.ofFen(100_000 + ThreadLocalRandom.current().nextLong(900_000)),
                LocalDate.of(2026, 3, 15), IncomeCategory.ROYALTY);
    }

    private static String incomeJson(String incomeId) {
        return "{\"incomeId\":\"" + incomeId + "\",\"amount\":\"" + Money.ofFen(100_000 + ThreadLocalRandom.current().nextLong(900_000))
                + "\",\"receivedOn\":\"2026-03-15\",\"category\":\"ROYALTY\"}";
    }

    /** One command on every contract: each is loaded from the log once, as after a restart. */
    private static Load.Result coldPass(Settings settings, LedgerCommands commands, String run) throws InterruptedException {
        say("first command on each of the %d contracts (aggregate loaded from the log): %d clients",
                settings.contracts(), settings.clients());
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[settings.contracts()];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < settings.clients(); t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < settings.contracts()) {
                    long begin = System.nanoTime();
                    try {
                        commands.send(income(contractId(i), "C" + run + "-" + i), RECORDER, UUID.randomUUID().toString());
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    latencies[i] = System.nanoTime() - begin;
                }
            }, "bench-cold-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        Load.Result result = new Load.Result("first command per contract", settings.clients(), settings.contracts() - errors.get(),
                errors.get(), seconds, (settings.contracts() - errors.get()) / seconds, Load.percentile(latencies, 0.5),
                Load.percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6, firstError.get(), null, null, 0, 0);
        sayWithHeap("  %,.0f commands/s, p50 %.1f ms", result.perSecond(), result.p50Millis());
        return result;
    }

    private static String warmedUp(Load.Result load) {
        return String.format(Locale.ROOT, " (measured after %.0f s of warm-up; JIT compilers' CPU in the window: %d ms)",
                load.warmupSeconds(), load.jitCpuMillisInWindow());
    }

    // ----------------------------------------------------------------------------------------------------------
    // waiting for the background work

    /** Whether the contracts are registered and the log is long enough (nothing to prepare). */
    private static boolean prepared(Settings settings, DataSource db) throws SQLException {
        if (queryString(db, "SELECT to_regclass('domain_event_entry')::text") == null) {
            return false;
        }
        long contracts = queryLong(db, "SELECT count(*) FROM domain_event_entry "
                + "WHERE sequence_number = 0 AND aggregate_identifier LIKE 'BENCH-C-%'");
        return contracts >= settings.contracts() && ReplayLog.count(db) >= settings.replayEvents();
    }

    /** What the idle ledger does by itself (processors and the audit sealer polling), for reading the per-operation costs. */
    private static Probe.Delta idle(Probe probe) throws InterruptedException {
        Probe.Snapshot first = probe.take();
        Thread.sleep(3_000);
        Probe.Delta idle = Probe.Delta.between(first, probe.take());
        say("idle ledger: %.0f ms JVM CPU and %.0f ms PostgreSQL CPU per second, %.0f transactions/s; machine %.0f%% busy",
                idle.jvmCpuMillis() / idle.seconds(), idle.postgresCpuMillis() / idle.seconds(), idle.commits() / idle.seconds(),
                idle.machineBusyPercent());
        say("  rows read per second by table: %s", idle.tableReport(idle.seconds(), 5));
        return idle;
    }

    /**
     * Waits until every read model is at the head of the log and the audit chain has sealed it.
     *
     * @return the seconds it waited
     */
    private static long quiesce(Projections projections, ProjectionProgress progress, DataSource db, Settings settings)
            throws Exception {
        List<String> names = List.of(ProjectionConfiguration.PROCESSOR);
        long started = System.nanoTime();
        long lastSaid = started;
        while (true) {
            long head = queryLong(db, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            long sealed = queryLong(db, "SELECT coalesce(max(global_index), 0) FROM audit_chain");
            Map<String, Long> positions = positions(progress, names);
            if (positions.values().stream().allMatch(p -> p >= head) && sealed >= head) {
                return Math.round((System.nanoTime() - started) / 1e9);
            }
            if (System.nanoTime() - lastSaid > 15e9) {
                lastSaid = System.nanoTime();
                say("  waiting for the read models and the audit chain to reach position %,d:%s audit-chain=%,d",
                        head, describe(positions), sealed);
            }
            if (System.nanoTime() - started > settings.timeoutSeconds() * 1e9) {
                throw new IllegalStateException("the read models or the audit chain did not catch up in "
                        + settings.timeoutSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    /**
     * The lowest position of any segment of each processor (-1 before its first event), read from the token store
     * like {@link Projections#status()} but without its checksums, which read every row of every read model and
     * would weigh on what is measured when polled.
     */
    private static Map<String, Long> positions(ProjectionProgress progress, List<String> names) {
        Map<String, Long> positions = new LinkedHashMap<>();
        for (String name : names) {
            List<TrackingToken> tokens = progress.tokens(name);
            positions.put(name, tokens.isEmpty() ? -1 : tokens.stream()
                    .mapToLong(t -> t == null ? -1 : t.position().orElse(-1)).min().orElse(-1));
        }
        return positions;
    }

    private static String describe(Map<String, Long> positions) {
        StringBuilder where = new StringBuilder();
        positions.forEach((name, position) -> where.append(String.format(Locale.ROOT, " %s=%,d", name, position)));
        return where.toString();
    }

    /** Fresh statistics and no autovacuum owed, so that no maintenance starts in the middle of a measurement. */
    private static void vacuum(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) domain_event_entry, command_log, audit_chain, token_entry, registration_number, "
                    + "reward_obligation, payout_item, payout_person, contract_volume, contract_catalog");
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // replay

    record Replay(long events, double seconds, double perSecond, Probe.Delta delta, Profile profile,
                  Map<String, String> checksumsBefore, Map<String, String> checksumsAfter, long deadLetters) {
    }

    private static Replay replay(Settings settings, Projections projections, ProjectionProgress progress, DataSource db,
                                 Probe probe) throws Exception {
        long events = ReplayLog.count(db);
        long head = queryLong(db, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        Map<String, String> before = new LinkedHashMap<>();
        projections.status().forEach(s -> before.put(s.name(), s.checksum()));
        say("replay: rebuilding %s from %,d events", before.keySet(), events);
        List<String> names = List.of(ProjectionConfiguration.PROCESSOR);
        Probe.Snapshot first = probe.take();
        Profile.Sampler sampler = Profile.sample(n -> names.stream().anyMatch(n::contains));
        long started = System.nanoTime();
        projections.replayAll();
        Set<String> reset = new HashSet<>();
        long lastSaid = started;
        while (true) {
            for (String name : names) {
                List<TrackingToken> tokens = progress.tokens(name);
                // not ReplayToken.isReplay: the tokens of the previous replay still are replay tokens at the head
                if (tokens.stream().anyMatch(t -> t == null || t.position().orElse(-1) < head)) {
                    reset.add(name);
                }
            }
            Map<String, Long> positions = positions(progress, names);
            // every read model reset and back at the head it started from; not Status.caughtUp(), which (as
            // Axon's replay token) may wait for the next event after the replay
            boolean done = positions.values().stream().allMatch(p -> p >= head);
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (done && (reset.containsAll(names) || elapsed > 60)) {
                break;
            }
            if (System.nanoTime() - lastSaid > 15e9) {
                lastSaid = System.nanoTime();
                say("  replaying, %.0f s:%s of %,d", elapsed, describe(positions), head);
            }
            if (elapsed > settings.timeoutSeconds()) {
                throw new IllegalStateException("the replay did not finish in " + settings.timeoutSeconds() + " s");
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Probe.Snapshot last = probe.take();
        Profile profile = sampler.stop();
        Map<String, String> after = new LinkedHashMap<>();
        long deadLetters = 0;
        for (Projections.Status s : projections.status()) {
            after.put(s.name(), s.checksum());
            deadLetters += s.deadLetters();
        }
        sayWithHeap("  %,.0f events/s (%.1f s); read model checksums %s", events / seconds, seconds,
                before.equals(after) ? "unchanged" : "CHANGED");
        return new Replay(events, seconds, events / seconds, Probe.Delta.between(first, last), profile, before, after, deadLetters);
    }

    /** The replay of median speed, with the rates of all of them. */
    private static Replay median(List<Replay> replays) {
        List<Replay> bySpeed = new ArrayList<>(replays);
        bySpeed.sort(Comparator.comparingDouble(Replay::perSecond));
        Replay median = bySpeed.get(bySpeed.size() / 2);
        say("replays: %s events/s; the median, %,.0f, is reported", replays.stream()
                .map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond())).collect(Collectors.joining(", ")), median.perSecond());
        return median;
    }

    // ----------------------------------------------------------------------------------------------------------
    // queries

    private static List<QueryResult> queries(Settings settings, int port, Probe probe, DataSource db) throws Exception {
        Http http = new Http(port);
        List<QueryResult> results = new ArrayList<>();
        // the audit tree's proofs on the whole log: a leaf anywhere in it, and the consistency of any earlier size
        long leaves = queryLong(db, "SELECT coalesce(max(node_index), -1) + 1 FROM audit_tree WHERE level = 0");
        treeBytesPerEvent = queryLong(db, "SELECT pg_total_relation_size('audit_tree')") / (double) Math.max(1, leaves);
        say("the audit tree: %,d leaves, %.0f bytes per event (table and indexes)", leaves, treeBytesPerEvent);
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            positions.add(queryLong(db, "SELECT global_index FROM audit_tree WHERE level = 0 AND node_index = "
                    + ThreadLocalRandom.current().nextLong(leaves)));
        }
        results.add(query(settings, probe, PROOF + "inclusion", () -> http.getLength("auditor",
                "/api/v1/audit/proof/inclusion?position=" + positions.get(ThreadLocalRandom.current().nextInt(positions.size()))
                        + "&treeSize=" + leaves)));
        results.add(query(settings, probe, PROOF + "consistency", () -> http.getLength("auditor",
                "/api/v1/audit/proof/consistency?from=" + (1 + ThreadLocalRandom.current().nextLong(leaves)) + "&to=" + leaves)));
        results.add(query(settings, probe, "GET /contracts/{id}", () -> http.getLength(RECORDER,
                "/api/v1/contracts/" + contractId(ThreadLocalRandom.current().nextInt(settings.contracts())))));
        results.add(query(settings, probe, "GET /rewards/obligations?institutionId=", () -> http.getLength("finance",
                "/api/v1/rewards/obligations?institutionId=" + INSTITUTION)));
        results.add(query(settings, probe, "GET /statistics/volume?groupBy=kind", () -> http.getLength("finance",
                "/api/v1/statistics/volume?groupBy=kind")));
        // the console's list: a page of the newest, and a search that reads every row of the catalogue
        results.add(query(settings, probe, "GET /contracts?size=20", () -> http.getLength("finance",
                "/api/v1/contracts?size=20")));
        results.add(query(settings, probe, "GET /contracts?q=&status=OUTSTANDING", () -> http.getLength("finance",
                "/api/v1/contracts?q=" + contractId(ThreadLocalRandom.current().nextInt(settings.contracts()))
                        + "&status=OUTSTANDING")));
        // the console's pages, server-rendered in Chinese, as a signed-in finance officer and recorder read them
        String finance = http.signIn("finance");
        String recorder = http.signIn(RECORDER);
        results.add(query(settings, probe, PAGE + "/contracts", () -> http.getPage(finance, "/contracts")));
        results.add(query(settings, probe, PAGE + "/contracts/{id}", () -> http.getPage(recorder,
                "/contracts/" + contractId(ThreadLocalRandom.current().nextInt(settings.contracts())))));
        results.add(query(settings, probe, PAGE + "/obligations", () -> http.getPage(finance, "/obligations")));
        return results;
    }

    /** The name of a console page's query: pages have a goal of their own (200 ms), the API's queries 20 ms. */
    private static final String PAGE = "page ";
    /** The audit tree's proofs: a goal of their own (10 ms). */
    private static final String PROOF = "GET /audit/proof/";
    private static long sealingLagMillis = -1;
    private static double treeBytesPerEvent = Double.NaN;

    /** How long after the end of the command phase the audit chain reaches the head of the log; at most 60 s. */
    private static long sealingLag(DataSource db) throws Exception {
        long head = queryLong(db, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        long started = System.nanoTime();
        while (queryLong(db, "SELECT coalesce(max(global_index), 0) FROM audit_chain") < head
                && System.nanoTime() - started < 60_000_000_000L) {
            Thread.sleep(10);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** One request, answering the length of its 200's body. */
    @FunctionalInterface
    private interface Get {
        long call() throws Exception;
    }

    private static QueryResult query(Settings settings, Probe probe, String name, Get get) throws Exception {
        say("query %s: %d after %d to warm up, one at a time", name, settings.queries(), settings.queryWarmup());
        for (int i = 0; i < settings.queryWarmup(); i++) {
            get.call();
        }
        long[] latencies = new long[settings.queries()];
        long[] starts = new long[latencies.length];
        boolean[] collected = new boolean[latencies.length];
        boolean[] connected = new boolean[latencies.length];
        long bytes = 0;
        Probe.Snapshot first = probe.take();
        Profile.Sampler sampler = Profile.sample(n -> n.startsWith("http-nio-"));
        Stalls stalls = Stalls.watch();
        for (int i = 0; i < latencies.length; i++) {
            long collections = HeapWatch.collectionsSoFar();
            long connections = Http.connectionsOpened();
            starts[i] = System.nanoTime();
            bytes += get.call();
            latencies[i] = System.nanoTime() - starts[i];
            collected[i] = HeapWatch.collectionsSoFar() != collections;
            connected[i] = Http.connectionsOpened() != connections;
        }
        stalls.close();
        Probe.Snapshot last = probe.take();
        Profile profile = sampler.stop();
        // what the slowest hundredth shares: a collection, a stall of the JVM (a remark pause too), a new connection
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double p99 = Load.percentile(sorted, 0.99);
        int slow = 0;
        int slowCollected = 0;
        int slowStalled = 0;
        int slowConnected = 0;
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] / 1e6 >= p99) {
                slow++;
                slowCollected += collected[i] ? 1 : 0;
                slowStalled += stalls.during(starts[i], starts[i] + latencies[i]) ? 1 : 0;
                slowConnected += connected[i] ? 1 : 0;
            }
        }
        QueryResult result = new QueryResult(name, latencies.length, Load.percentile(sorted, 0.5), p99,
                sorted[sorted.length - 1] / 1e6, latencies.length == 0 ? 0 : bytes / latencies.length,
                Probe.Delta.between(first, last), profile);
        sayWithHeap("  p50 %.2f ms, p99 %.2f ms; of the %d requests at or above p99, %d had a collection during them, "
                + "%d a stall of the JVM of %d ms or more, %d a new connection", result.p50(), result.p99(), slow,
                slowCollected, slowStalled, Stalls.STALL_MILLIS, slowConnected);
        return result;
    }

    // ----------------------------------------------------------------------------------------------------------
    // the report

    private static void print(Settings settings, String postgres, boolean embedded, long logEvents, Probe.Delta idle,
                              Load.Result baseline,
                              Load.Result cold, Load.Result gateway, Load.Result http, Replay replay,
                              List<QueryResult> queries, HeapWatch heap, long[] rss, List<String> histogram) throws Exception {
        StringBuilder out = new StringBuilder();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        line(out, "");
        line(out, "== ledger benchmark ==");
        line(out, "machine   %d CPUs (%s), %.1f GiB memory, load average now %.2f", Runtime.getRuntime().availableProcessors(),
                cpu, memory / 1024.0 / 1024 / 1024, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line(out, "JVM       %s %s, max heap %d MiB, %s, args %s", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), heap.maxBytes() >> 20, HeapWatch.collectorNames(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        line(out, "database  %s (%s)", postgres, embedded ? "embedded, " + settings.dataDir() : "LEDGER_DB_URL");
        line(out, "load      %d clients, %.0f s measured after %.0f s warm-up; %d contracts; log %,d events (%,.0f per contract)",
                settings.clients(), settings.seconds(), settings.warmup(), settings.contracts(), logEvents,
                (double) logEvents / settings.contracts());
        line(out, "");
        line(out, "%-42s %10s %8s %8s %8s %6s | %9s %9s %6s %9s %6s", "", "per s", "p50 ms", "p99 ms", "max ms", "errors",
                "JVM cpu", "PG cpu", "tx", "rows read", "busy");
        line(out, "%-42s %10s %8s %8s %8s %6s | %9s %9s %6s %9s %6s", "", "", "", "", "", "",
                "ms/op", "ms/op", "/op", "/op", "CPUs%");
        line(out, "%-42s %10s %8s %8s %8s %6s | %9.1f %9.1f %6.1f %9.0f %5.0f%%", "idle ledger, per second (background work)",
                "", "", "", "", "", idle.jvmCpuMillis() / idle.seconds(), idle.postgresCpuMillis() / idle.seconds(),
                idle.commits() / idle.seconds(), idle.rowsRead() / idle.seconds(), idle.machineBusyPercent());
        row(out, "baseline: single-row insert transactions", baseline);
        row(out, "first command per contract (cold cache)", cold);
        row(out, "RecordIncome via command gateway", gateway);
        row(out, "RecordIncome via HTTP", http);
        Probe.Delta r = replay.delta();
        line(out, "%-42s %10.0f %8s %8s %8s %6d | %9.4f %9.4f %6.4f %9.1f %5.0f%%", "replay, events (every read model)",
                replay.perSecond(), "", "", "", replay.deadLetters(), r.jvmCpuMillis() / replay.events(),
                r.postgresCpuMillis() / replay.events(), (double) r.commits() / replay.events(),
                (double) r.rowsRead() / replay.events(), r.machineBusyPercent());
        for (QueryResult q : queries) {
            Probe.Delta d = q.delta();
            line(out, "%-42s %10.0f %8.2f %8.2f %8.2f %6s | %9.3f %9.3f %6.1f %9.0f %5.0f%%", q.name(),
                    q.count() / d.seconds(), q.p50(), q.p99(), q.max(), "0",
                    d.jvmCpuMillis() / q.count(), d.postgresCpuMillis() / q.count(), (double) d.commits() / q.count(),
                    (double) d.rowsRead() / q.count(), d.machineBusyPercent());
        }
        line(out, "");
        line(out, "replay took %.1f s; read model checksums %s after the replay; %d dead letters",
                replay.seconds(), replay.checksumsBefore().equals(replay.checksumsAfter()) ? "unchanged" : "CHANGED "
                        + replay.checksumsBefore() + " -> " + replay.checksumsAfter(), replay.deadLetters());
        for (QueryResult q : queries) {
            line(out, "%s answers %,d bytes", q.name(), q.bytes());
        }
        for (Load.Result result : List.of(baseline, cold, gateway, http)) {
            if (result.firstError() != null) {
                line(out, "%s: %d errors, the first: %s", result.name(), result.errors(), result.firstError());
            }
        }
        line(out, "heap      peak used %d MiB, peak live after a collection %d MiB, of %d MiB; %d collections, %d ms paused, longest %d ms",
                heap.peakUsedBytes() >> 20, heap.peakLiveBytes() >> 20, heap.maxBytes() >> 20, heap.collections(),
                heap.pauseMillis(), heap.longestPauseMillis());
        line(out, "process   peak resident set (VmHWM) %d MiB, now %d MiB (this JVM: ledger and load generators; "
                + "PostgreSQL runs in its own processes)", rss[0] >> 10, rss[1] >> 10);
        if (!histogram.isEmpty()) {
            line(out, "live heap at the end, after a full collection (the ledger's caches included), largest classes:");
            histogram.forEach(l -> line(out, "  %s", l));
        }
        line(out, "");
        line(out, "where the time went, phase by phase: CPU time of this JVM's threads per operation (exact), then thread");
        line(out, "samples every 50 ms of the threads doing the work (where they were, what ran on CPU, under which method)");
        for (Load.Result result : List.of(baseline, gateway, http)) {
            evidence(out, result.name(), result.delta(), result.operations(), result.profile());
        }
        evidence(out, "replay (per event)", replay.delta(), replay.events(), replay.profile());
        for (QueryResult q : queries) {
            evidence(out, q.name(), q.delta(), q.count(), q.profile());
        }
        line(out, "");
        double ratio = gateway.perSecond() / baseline.perSecond();
        double worstP99 = queries.stream().filter(q -> !q.name().startsWith(PAGE)).mapToDouble(QueryResult::p99)
                .max().orElse(Double.NaN);
        double worstPageP99 = queries.stream().filter(q -> q.name().startsWith(PAGE)).mapToDouble(QueryResult::p99)
                .max().orElse(Double.NaN);
        double worstProofP99 = queries.stream().filter(q -> q.name().startsWith(PROOF)).mapToDouble(QueryResult::p99)
                .max().orElse(Double.NaN);
        line(out, "audit     proofs p99 %.1f ms (goal <= 10) %s; sealing lag after the command phase %d ms (goal <= 1000) %s; "
                        + "the tree takes %.0f bytes per event", worstProofP99, mark(worstProofP99 <= 10), sealingLagMillis,
                mark(sealingLagMillis >= 0 && sealingLagMillis <= 1000), treeBytesPerEvent);
        // issue 19's goals (docs/benchmarks.md); pages and heap from session 6 and session 4
        double httpRatio = http.perSecond() / gateway.perSecond();
        line(out, "goals     commands/baseline %.2f (goal >= 1.0) %s; http/commands %.2f (goal >= 0.6) %s; "
                        + "replay %,.0f events/s (goal >= 100,000) %s; query p99 %.1f ms (goal <= 5) %s; "
                        + "page p99 %.1f ms (goal <= 200) %s; ran in a %d MiB heap (goal 512) %s",
                ratio, mark(ratio >= 1.0), httpRatio, mark(httpRatio >= 0.6), replay.perSecond(),
                mark(replay.perSecond() >= 100_000), worstP99, mark(worstP99 <= 5), worstPageP99,
                mark(worstPageP99 <= 200), heap.maxBytes() >> 20, mark(heap.maxBytes() <= 512L << 20));
        System.out.print(out);
        System.out.printf(Locale.ROOT, "bench: commands/s=%d baseline/s=%d ratio=%.2f http/s=%d replay events/s=%d query p99 ms=%d page p99 ms=%d proof p99 ms=%.1f sealing lag ms=%d heap MiB=%d%n",
                Math.round(gateway.perSecond()), Math.round(baseline.perSecond()), ratio, Math.round(http.perSecond()),
                Math.round(replay.perSecond()), Math.round(Math.ceil(worstP99)), Math.round(Math.ceil(worstPageP99)),
                worstProofP99, sealingLagMillis, heap.peakUsedBytes() >> 20);
        System.out.flush();
    }

    private static void evidence(StringBuilder out, String name, Probe.Delta delta, double operations, Profile profile) {
        line(out, "  %s:", name);
        line(out, "    CPU per operation: this JVM %.3f ms, PostgreSQL %.3f ms; by thread group:",
                delta.jvmCpuMillis() / operations, delta.postgresCpuMillis() / operations);
        delta.threadReport(operations, 7).forEach(l -> line(out, "      %s", l));
        line(out, "    PostgreSQL: %.2f transactions and %.1f rows read per operation; rows read by table: %s",
                delta.commits() / operations, delta.rowsRead() / operations, delta.tableReport(operations, 5));
        profile.report(6).forEach(l -> line(out, "%s", l));
    }

    private static String mark(boolean met) {
        return met ? "met" : "NOT MET";
    }

    private static void row(StringBuilder out, String name, Load.Result r) {
        Probe.Delta d = r.delta();
        if (d == null) {
            line(out, "%-42s %10.0f %8.2f %8.2f %8.2f %6d |", name, r.perSecond(), r.p50Millis(), r.p99Millis(),
                    r.maxMillis(), r.errors());
            return;
        }
        line(out, "%-42s %10.0f %8.2f %8.2f %8.2f %6d | %9.3f %9.3f %6.2f %9.1f %5.0f%%", name, r.perSecond(),
                r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(), r.perOperation(d.jvmCpuMillis()),
                r.perOperation(d.postgresCpuMillis()), r.perOperation(d.commits()), r.perOperation(d.rowsRead()),
                d.machineBusyPercent());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** A progress line, then the state of the heap: if the run dies of it, the last lines tell how it got there. */
    static void sayWithHeap(String format, Object... args) {
        say(format, args);
        say("  %s", HEAP.now());
    }

    static void say(String format, Object... args) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    // ----------------------------------------------------------------------------------------------------------
    // JDBC

    static HikariDataSource pool(Settings settings, String url, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (settings.dbUser() != null) {
            config.setUsername(settings.dbUser());
        }
        if (settings.dbPassword() != null) {
            config.setPassword(settings.dbPassword());
        }
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Waits until the pool has opened all its connections, so that the load does not wait for them. */
    private static void awaitFull(HikariDataSource pool) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMaximumPoolSize() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static boolean exists(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static long queryLong(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String queryString(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
