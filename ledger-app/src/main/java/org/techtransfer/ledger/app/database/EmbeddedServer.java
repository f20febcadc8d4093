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

    static final EmbeddedServer NONE = new EmbeddedServer(null, null, null, null);
    /** The role the service connects as; the superuser runs the migrations, which grant it what it needs (V6). */
    static final String SERVICE_ROLE = "ledger_app";

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final DataDirectoryLock lock;
    private final PostmasterWatchdog watchdog;

    private EmbeddedServer(EmbeddedPostgres postgres, Path directory, DataDirectoryLock lock, PostmasterWatchdog watchdog) {
        this.postgres = postgres;
        this.directory = directory;
        this.lock = lock;
        this.watchdog = watchdog;
    }

    /**
     * Starts PostgreSQL on the data in {@code dataDir}/pg, creating it the first time; stops a postmaster that a
     * dead ledger left running there first. Throws {@link DataDirectoryInUse} when a live ledger holds the directory.
     */
    public static EmbeddedServer start(String dataDir) {
        Path dir = Path.of(dataDir == null ? "./data" : dataDir).toAbsolutePath().normalize();
        DataDirectoryLock lock = null;
        try {
            Files.createDirectories(dir);
            lock = DataDirectoryLock.acquire(dir);
            LeftoverPostmaster.stopIfRunning(dir.resolve("pg"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("pg"))
                    .setCleanDataDirectory(false)
                    // not at the JVM's exit, where it would race the ledger's own shutdown: the ledger stops it
                    // last (close()), and the watchdog when the JVM ends without doing so
                    .setRegisterShutdownHook(false)
                    // zonky turns these off for tests; a ledger's acknowledged commits must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            PostmasterWatchdog watchdog = PostmasterWatchdog.watch(postmasterPid(dir.resolve("pg")));
            createServiceRole(postgres);
            return new EmbeddedServer(postgres, dir, lock, watchdog);
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    private static long postmasterPid(Path pgDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(pgDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    private static void release(DataDirectoryLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException ignored) {
                // the JVM's end frees it anyway
            }
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
            try {
                watchdog.close();
                postgres.close();
            } finally {
                lock.close();
            }
        }
    }
}
