package org.techtransfer.ledger.app.startup;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techtransfer.ledger.app.LedgerApplication;
import org.techtransfer.ledger.app.database.EmbeddedServer;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, clear start-up errors: each setting an operator gets wrong ends the start with a non-zero exit
 * status and exactly one line at ERROR that names what to set, and no stack trace at the default log level.
 */
class StartupFailuresTest {

    @Test
    void an_external_database_without_users() {
        String log = failedStart(List.of("--ledger.db.url=" + TestDatabase.fresh(), "--server.port=" + freePort()));
        assertThat(errorLine(log)).contains("no ADMIN user is configured").contains("LEDGER_SECURITY_USERS_0_USERNAME");
    }

    @Test
    void an_unreachable_database() {
        String log = failedStart(List.of(TestUsers.arguments("jdbc:postgresql://127.0.0.1:1/ledger", freePort())),
                "--ledger.db.start-timeout=1s");
        assertThat(errorLine(log)).contains("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/ledger")
                .contains("set LEDGER_DB_URL");
    }

    @Test
    void a_port_in_use() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            String log = failedStart(List.of(TestUsers.arguments(TestDatabase.fresh(), taken.getLocalPort())));
            assertThat(errorLine(log)).contains("port " + taken.getLocalPort() + " is in use").contains("set SERVER_PORT");
        }
    }

    @Test
    void a_database_migrated_by_a_newer_ledger() throws Exception {
        String url = TestDatabase.fresh();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("serviceRole", "")).load().migrate();
        int migrated;
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            rows.next();
            migrated = rows.getInt(1);
        }
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES (100, '99', 'from a newer ledger', 'SQL', "
                    + "'V99__from_a_newer_ledger.sql', 0, 'test', 0, true)");
        }
        String log = failedStart(List.of(TestUsers.arguments(url, freePort())));
        // whatever the newest migration this ledger knows
        assertThat(errorLine(log)).containsPattern("schema version V99, newer than the V\\d+ this ledger knows")
                .contains("LEDGER_DB_URL");
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            rows.next();
            assertThat(rows.getInt(1)).as("nothing migrated").isEqualTo(migrated + 1);
        }
    }

    @Test
    void a_data_directory_held_by_a_running_ledger(@TempDir Path dataDir) throws IOException {
        try (EmbeddedServer running = EmbeddedServer.start(dataDir.toString())) {
            String log = failedStart(List.of(TestUsers.embeddedArguments(dataDir, freePort())));
            assertThat(errorLine(log)).contains("the data directory " + dataDir + " is in use by a running ledger (pid "
                    + ProcessHandle.current().pid() + ")").contains("LEDGER_DATA_DIR");
        }
    }

    /** Starts the service as a process until it ends; asserts that it failed without a stack trace, returns its output. */
    private static String failedStart(List<String> arguments, String... more) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                LedgerApplication.class.getName()));
        command.addAll(arguments);
        command.addAll(List.of(more));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_"));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            Process process = builder.start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit status:\n" + log).isNotZero();
            assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")).toList())
                    .as("stack traces in:\n" + log).isEmpty();
            return log;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The one line at ERROR. */
    private static String errorLine(String log) {
        List<String> errors = log.lines().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(errors).as("lines at ERROR in:\n" + log).hasSize(1);
        return errors.get(0);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
