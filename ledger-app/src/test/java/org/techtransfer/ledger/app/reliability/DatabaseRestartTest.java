package org.techtransfer.ledger.app.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.IncomeLoad;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.RecordedIncomes;
import org.techtransfer.ledger.app.support.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, database faults: PostgreSQL is stopped in the middle of a load of commands and started again
 * on the same files and port. The service, never restarted, must report itself unhealthy while the
 * database is away, answer commands {@code 503} then (never a false {@code 201}), become healthy again
 * by itself, and have lost no acknowledged command. The database is a server of this test's own (it is
 * stopped, so it cannot be the shared one of {@code LEDGER_TEST_DB_URL}).
 */
@Tag("reliability")
class DatabaseRestartTest {

    private static final List<String> CONTRACTS = List.of("C-DB-1", "C-DB-2", "C-DB-3");
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void the_service_turns_unhealthy_while_the_database_is_away_and_recovers_alone() throws Exception {
        Path files = Files.createTempDirectory("ledger-restarted-pg");
        int port = freePort();
        EmbeddedPostgres postgres = database(files, port);
        try {
            try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres")); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE ledger");
            }
            String url = postgres.getJdbcUrl("postgres", "ledger");
            try (ServiceProcess service = ServiceProcess.start(url)) {
                LedgerClient client = service.client();
                assertThat(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
                CONTRACTS.forEach(id -> assertThat(client.post("recorder-a", "/api/v1/contracts",
                        Deals.contract(id, "DEMO-A", "LICENSE")).status()).isEqualTo(201));

                // given clients recording incomes
                IncomeLoad load = new IncomeLoad(CONTRACTS, "I");
                IncomeLoad.Running clients = load.start(6, n -> client);
                ServiceProcess.sleep(2_000);
                int beforeOutage = load.acknowledged().size();

                // when PostgreSQL stops
                postgres.close();
                long stoppedAt = System.nanoTime();
                Duration untilUnhealthy = awaitHealth(client, status -> status == 503);
                ServiceProcess.sleep(OUTAGE.toMillis());
                assertThat(client.get(null, "/actuator/health").status()).as("health while the database is away").isEqualTo(503);
                int duringOutage = load.acknowledged().size();

                // and starts again on the same files and port
                postgres = database(files, port);
                long startedAt = System.nanoTime();
                Duration untilHealthy = awaitHealth(client, status -> status == 200);
                ServiceProcess.sleep(3_000);
                clients.stop();
                int afterOutage = load.acknowledged().size();

                // then nothing answered during the outage was a false success, and all that was refused goes in on retry
                assertThat(load.unexpected()).as("answers other than 200, 201, 503").isEmpty();
                assertThat(load.answeredUnavailable()).as("commands refused with 503 during the outage").isNotEmpty();
                Map<IncomeLoad.Income, Integer> retried = load.retryUncertain(client);
                load.answeredUnavailable().forEach(income -> assertThat(load.acknowledged().get(income.incomeId()).status())
                        .as("answer to %s sent again after a 503", income).isEqualTo(201));

                // and every acknowledged income is recorded once, and the read models equal a rebuild
                Map<String, IncomeLoad.Acknowledged> acknowledged = load.acknowledged();
                RecordedIncomes recorded = RecordedIncomes.read(url);
                AcknowledgedIncomes.recordedOnce(acknowledged, recorded);
                long lastPosition = acknowledged.values().stream().mapToLong(IncomeLoad.Acknowledged::position).max().orElseThrow();
                Map<String, String> live = AcknowledgedIncomes.agreeWithContractsAndObligations(client, acknowledged, lastPosition);
                assertThat(ReadModels.rebuild(client, service::log, lastPosition)).isEqualTo(live);

                System.out.printf("reliability database restart: outage=%dms unhealthy after %dms healthy again %dms after the start "
                                + "(service not restarted); acknowledged before the stop / while it stopped / after %d/%d/%d; answered 503=%d, "
                                + "retried=%d (all 201); acknowledged=%d recorded=%d commandLog=%d%n",
                        Duration.ofNanos(startedAt - stoppedAt).toMillis(), untilUnhealthy.toMillis(), untilHealthy.toMillis(),
                        beforeOutage, duringOutage - beforeOutage, afterOutage - duringOutage, load.answeredUnavailable().size(),
                        retried.size(), acknowledged.size(), recorded.incomeEvents(), recorded.commandLogRows());
            }
        } finally {
            postgres.close();
            try (Stream<Path> all = Files.walk(files)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** PostgreSQL on {@code files} and {@code port}, committing durably like the ledger's own embedded server. */
    private static EmbeddedPostgres database(Path files, int port) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(files).setCleanDataDirectory(false).setPort(port)
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration awaitHealth(LedgerClient client, IntPredicate status) {
        long started = System.nanoTime();
        while (!status.test(client.get(null, "/actuator/health").status())) {
            assertThat(System.nanoTime() - started).as("health did not change within " + LIMIT).isLessThan(LIMIT.toNanos());
            ServiceProcess.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
