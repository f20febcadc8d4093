package org.techtransfer.ledger.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ledger's one data source: a HikariCP pool on the configured PostgreSQL, or on an embedded one. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedServer.NONE;
        }
        Path dir = Path.of(properties.dataDir() == null ? "./data" : properties.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .start();
            log.info("embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), dir);
            return new EmbeddedServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServer embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", "postgres"));
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        config.setPoolName("ledger");
        config.setMaximumPoolSize(properties.poolSizeOrDefault());
        // fail fast while the server is away, so health turns DOWN instead of hanging
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }

    /** The embedded server, or none when an external database is configured. */
    public record EmbeddedServer(EmbeddedPostgres postgres) implements AutoCloseable {

        static final EmbeddedServer NONE = new EmbeddedServer(null);

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
