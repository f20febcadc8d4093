package org.techtransfer.ledger.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for each test that asks: on the server named by
 * {@code LEDGER_TEST_DB_URL} when it is set, otherwise on one embedded server per test JVM.
 */
public final class TestDatabase {

    private static String serverUrl;

    private TestDatabase() {
    }

    /** The JDBC URL of a new database nobody else uses. */
    public static synchronized String fresh() {
        String server = serverUrl();
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server, e);
        }
        return withDatabase(server, name);
    }

    /** A connection to the database, for tests that look at tables directly. */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static String serverUrl() {
        if (serverUrl == null) {
            String external = System.getenv("LEDGER_TEST_DB_URL");
            serverUrl = external != null && !external.isBlank() ? external : startEmbedded();
        }
        return serverUrl;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("ledger-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
        }
    }

    /** The URL without {@code user} and {@code password} parameters, for connecting as another role. */
    public static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String params = java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password=")).collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, query) + (params.isEmpty() ? "" : "?" + params);
    }

    /** The server URL with its database part replaced by {@code name}, parameters kept. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String host = slash < 0 ? base : base.substring(0, slash);
        return host + "/" + name + params;
    }
}
