package org.techtransfer.ledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded PostgreSQL of a local ledger, its files in a directory that survives restarts. */
public final class EmbeddedServer implements AutoCloseable {

    static final EmbeddedServer NONE = new EmbeddedServer(null, null);

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
            return new EmbeddedServer(postgres, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir
                    + " (is a ledger already running on it?)", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
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
