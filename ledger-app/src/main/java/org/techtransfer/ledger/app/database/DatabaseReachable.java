package org.techtransfer.ledger.app.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Waits at start-up until the configured database takes a connection, so that a wrong setting ends the start
 * with one sentence naming it, instead of the pool's stack trace. Only a connection failure (SQLSTATE class 08:
 * the server not up yet) is waited out; a refused sign-in or a missing database is not going to change.
 */
final class DatabaseReachable {

    private DatabaseReachable() {
    }

    static void await(String url, String user, String password, Duration timeout) {
        Properties credentials = new Properties();
        if (user != null && !user.isBlank()) {
            credentials.setProperty("user", user);
            credentials.setProperty("password", password == null ? "" : password);
        }
        String shown = url.replaceFirst("\\?.*", ""); // the parameters may hold a password
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url, credentials)) {
                return;
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.startsWith("28")) {
                    throw new DatabaseUnreachable("the database at " + shown + " refused the sign-in of user '"
                            + credentials.getProperty("user", "") + "' (" + e.getMessage() + ")",
                            "set LEDGER_DB_USER and LEDGER_DB_PASSWORD to a role of that server", e);
                }
                if (!state.startsWith("08") || System.nanoTime() > deadline) {
                    throw new DatabaseUnreachable("cannot connect to the database at " + shown
                            + (state.startsWith("08") ? " within " + timeout.toSeconds() + " s" : "") + " (" + e.getMessage() + ")",
                            "set LEDGER_DB_URL to a PostgreSQL that runs and holds that database, or unset it to use the embedded one",
                            e);
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", e);
            }
        }
    }
}
