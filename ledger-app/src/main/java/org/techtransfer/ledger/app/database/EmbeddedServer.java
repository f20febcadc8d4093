package org.techtransfer.ledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded PostgreSQL of a local ledger, its files in a directory that survives restarts. */
public final class EmbeddedServer implements AutoCloseable {

    static final EmbeddedServer NONE = new EmbeddedServer(null, null);
    /** The role the service connects as; the superuser runs the migrations, which grant it what it needs (V6). */
    static final String SERVICE_ROLE = "ledger_app";

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /** Starts PostgreSQL on the data in {@code dataDir}/pg, creating it the first time. */
    public static EmbeddedServer start(String dataDir) {
        Path dir = Path.of(dataDir == null ? "./data" : dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    // zonky turns these off for tests; a ledger's acknowledged commits must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            createServiceRole(postgres);
            return new EmbeddedServer(postgres, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir
                    + " (is a ledger already running on it?)", e);
        }
    }

    private static void createServiceRole(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + SERVICE_ROLE + "') THEN "
                    + "CREATE ROLE " + SERVICE_ROLE + " LOGIN; END IF; END $$");
        } catch (SQLException e) {
            throw new IOException("cannot create the role " + SERVICE_ROLE, e);
        }
    }

    /** As the superuser, who owns the tables: for migrations and tools. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** As the service's own role, which owns nothing (the embedded server trusts local connections). */
    public String serviceJdbcUrl() {
        return postgres.getJdbcUrl(SERVICE_ROLE, "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
