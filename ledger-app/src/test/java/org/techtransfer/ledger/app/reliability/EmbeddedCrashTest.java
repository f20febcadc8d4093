package org.techtransfer.ledger.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.IncomeLoad;
import org.techtransfer.ledger.app.support.IncomeLoad.Income;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.RecordedIncomes;
import org.techtransfer.ledger.app.support.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, crash of the local default: a ledger on its embedded PostgreSQL, started as {@code make run}
 * starts it (a JVM under a shell, one process group), is killed with SIGKILL under load, again and again on
 * the same data directory: the JVM alone, the whole process group, or the JVM and the watchdog of its
 * postmaster (which leaves the postmaster running, as a ledger from before the watchdog did). Each time the
 * next start must come up by itself; at the end every acknowledged income is recorded exactly once, the read
 * models built across the crashes equal a rebuild, and the audit chain verifies.
 */
class EmbeddedCrashTest {

    private static final int CLIENTS = 6;
    private static final List<String> CONTRACTS = List.of("C-EMB-1", "C-EMB-2", "C-EMB-3");

    enum Kill { JVM, PROCESS_GROUP, JVM_AND_WATCHDOG }

    @Test
    void a_killed_local_ledger_starts_again_on_its_data_directory(@TempDir Path dataDir) {
        run(dataDir, List.of(Kill.PROCESS_GROUP, Kill.JVM_AND_WATCHDOG));
    }

    @Test
    @Tag("reliability")
    void a_local_ledger_killed_again_and_again_under_load_loses_nothing(@TempDir Path dataDir) {
        int kills = Integer.getInteger("ledger.reliability.kills", 4);
        List<Kill> order = new ArrayList<>();
        for (int k = 0; k < Math.max(3, kills); k++) {
            order.add(Kill.values()[k % Kill.values().length]);
        }
        run(dataDir, order);
    }

    private static void run(Path dataDir, List<Kill> kills) {
        long seed = Long.getLong("ledger.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        try (ServiceProcess service = ServiceProcess.startEmbedded(dataDir)) {
            LedgerClient client = service.client();
            created(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")));
            CONTRACTS.forEach(id -> created(client.post("recorder-a", "/api/v1/contracts", Deals.contract(id, "DEMO-A", "LICENSE"))));
            IncomeLoad load = new IncomeLoad(CONTRACTS, "E");
            List<Duration> restarts = new ArrayList<>();
            int inFlight = 0;
            int inFlightPresent = 0;

            for (Kill kill : kills) {
                IncomeLoad.Running clients = load.start(CLIENTS, n -> client);
                ServiceProcess.sleep(1_500 + random.nextInt(2_000));
                long postmaster = postmasterPid(dataDir);
                switch (kill) {
                    case JVM -> service.killJvm();
                    case PROCESS_GROUP -> service.killProcessGroup();
                    case JVM_AND_WATCHDOG -> {
                        service.jvm().children().filter(p -> p.info().commandLine().orElse("").contains("kill -INT"))
                                .forEach(ProcessHandle::destroyForcibly);
                        service.killJvm();
                    }
                }
                clients.stop();
                if (kill == Kill.JVM_AND_WATCHDOG) {
                    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("postmaster left running").contains(true);
                } else {
                    // the watchdog stops the postmaster of a dead ledger without waiting for the next start
                    assertThat(stopsWithin(postmaster, Duration.ofSeconds(15))).as("postmaster " + postmaster + " stopped by the watchdog").isTrue();
                }

                int logBefore = service.log().length();
                restarts.add(service.restart());
                String restartLog = service.log().substring(logBefore);
                assertThat(restartLog).as("the start after " + kill).doesNotContain("in use by a running ledger");
                if (kill == Kill.JVM_AND_WATCHDOG) {
                    assertThat(restartLog).contains("(pid " + postmaster + ") was left running on");
                }
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).as("old postmaster").isFalse();

                // each income in flight is whole or absent, as the database holds it before the client sends it again
                Set<Income> uncertain = load.uncertain();
                RecordedIncomes afterCrash = RecordedIncomes.read(service.embeddedDatabaseUrl());
                for (Income income : uncertain) {
                    List<RecordedIncomes.Event> events = afterCrash.events(income.incomeId());
                    assertThat(events).as("events of in-flight " + income).hasSizeLessThanOrEqualTo(1);
                    assertThat(afterCrash.inCommandLog(income)).as("command-log row of in-flight " + income).isEqualTo(events.size() == 1);
                }
                Set<Income> present = uncertain.stream().filter(i -> afterCrash.events(i.incomeId()).size() == 1)
                        .collect(Collectors.toSet());
                inFlight += uncertain.size();
                inFlightPresent += present.size();
                Map<Income, Integer> answers = load.retryUncertain(client);
                for (Income income : uncertain) {
                    assertThat(answers.get(income)).as("answer to the retried " + income).isEqualTo(present.contains(income) ? 200 : 201);
                }
            }

            assertThat(load.unexpected()).as("answers other than 200, 201, 503").isEmpty();
            assertThat(load.uncertain()).isEmpty();
            Map<String, IncomeLoad.Acknowledged> acknowledged = load.acknowledged();
            RecordedIncomes recorded = RecordedIncomes.read(service.embeddedDatabaseUrl());
            AcknowledgedIncomes.recordedOnce(acknowledged, recorded);
            long lastPosition = acknowledged.values().stream().mapToLong(IncomeLoad.Acknowledged::position).max().orElseThrow();
            Map<String, String> live = AcknowledgedIncomes.agreeWithContractsAndObligations(client, acknowledged, lastPosition);
            assertThat(ReadModels.rebuild(client, service::log, lastPosition))
                    .as("read models built live across the crashes versus rebuilt from the log").isEqualTo(live);
            JsonNode verify = client.get("auditor", "/api/v1/audit/verify").json();
            assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();

            System.out.printf("reliability embedded crash: seed=%d kills=%s acknowledged=%d recorded=%d commandLog=%d inFlight=%d "
                            + "(recorded before the kill %d, absent %d) restart=%s%n", seed, kills, acknowledged.size(),
                    recorded.incomeEvents(), recorded.commandLogRows(), inFlight, inFlightPresent, inFlight - inFlightPresent,
                    restarts.stream().map(d -> d.toMillis() + "ms").toList());
        }
    }

    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no postmaster.pid while the ledger runs", e);
        }
    }

    private static boolean stopsWithin(long pid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            ServiceProcess.sleep(100);
        }
        return true;
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
