package org.techtransfer.ledger.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/** The ledger's one data source: a HikariCP pool on the configured PostgreSQL, or on an embedded one. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedServer.NONE;
        }
        EmbeddedServer server = EmbeddedServer.start(properties.dataDir());
        log.info("embedded PostgreSQL started on port {} with its data in {}", server.port(), server.directory());
        return server;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServer embedded,
                                @Value("${ledger.db.start-timeout:30s}") Duration startTimeout) {
        if (!properties.embedded()) {
            DatabaseReachable.await(properties.url(), properties.user(), properties.password(), startTimeout);
        }
        int size = properties.poolSizeOrDefault();
        // on the embedded server the service connects as its own role, which owns no table (V6)
        return properties.embedded() ? pool(embedded.serviceJdbcUrl(), null, null, size)
                : pool(properties.url(), properties.user(), properties.password(), size);
    }

    /**
     * Migrations run as the owner of the tables: the embedded server's superuser, or
     * {@code ledger.db.migration-user} when set, the service's role ({@code ledger.db.user}) then getting
     * only the grants of V6. Without a migration user the service migrates, and owns the tables, itself.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(DatabaseProperties properties, EmbeddedServer embedded,
                                                    @Value("${ledger.db.migration-user:}") String migrationUser,
                                                    @Value("${ledger.db.migration-password:}") String migrationPassword) {
        return flyway -> asOwner(flyway, properties, embedded, migrationUser, migrationPassword);
    }

    /** The migrations as the service runs them, for tools that run without it (restore). */
    public static Flyway migrations(DatabaseProperties properties, EmbeddedServer embedded, String migrationUser,
                                    String migrationPassword) {
        FluentConfiguration flyway = Flyway.configure().locations("classpath:db/migration");
        if (!properties.embedded()) {
            flyway.dataSource(properties.url(), blankToNull(properties.user()), properties.password());
        }
        asOwner(flyway, properties, embedded, migrationUser == null ? "" : migrationUser, migrationPassword);
        return flyway.load();
    }

    private static void asOwner(FluentConfiguration flyway, DatabaseProperties properties, EmbeddedServer embedded,
                                String migrationUser, String migrationPassword) {
        if (properties.embedded()) {
            flyway.dataSource(embedded.jdbcUrl(), null, null);
            flyway.placeholders(Map.of("serviceRole", EmbeddedServer.SERVICE_ROLE));
        } else if (!migrationUser.isBlank()) {
            flyway.dataSource(properties.url(), migrationUser, migrationPassword);
            flyway.placeholders(Map.of("serviceRole", properties.user() == null ? "" : properties.user()));
        } else {
            flyway.placeholders(Map.of("serviceRole", ""));
        }
    }

    private static String blankToNull(String user) {
        return user == null || user.isBlank() ? null : user;
    }

    /**
     * Migrates, unless the database holds migrations newer than this ledger's: Flyway would pass over them (its
     * default ignores "future" migrations) and the ledger would write to tables whose meaning it does not know.
     */
    @Bean
    FlywayMigrationStrategy refuseNewerSchema() {
        return flyway -> {
            MigrationInfoService info = flyway.info();
            Arrays.stream(info.all())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .reduce((first, last) -> last)
                    .ifPresent(newest -> {
                        MigrationInfo[] known = info.all();
                        String latestKnown = Arrays.stream(known).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                                        && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                                .map(m -> "V" + m.getVersion()).reduce((a, b) -> b).orElse("no migration");
                        throw new SchemaNewerThanLedger("V" + newest.getVersion(), latestKnown);
                    });
            flyway.migrate();
        };
    }

    /** A pool on the configured database, or on {@code embedded} (as its superuser) when none is configured. */
    public static HikariDataSource pool(DatabaseProperties properties, EmbeddedServer embedded, int size) {
        return properties.embedded() ? pool(embedded.jdbcUrl(), null, null, size)
                : pool(properties.url(), properties.user(), properties.password(), size);
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        // LEDGER_DB_USER unset binds as "", which the driver would send as an empty user name
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setPoolName("ledger");
        config.setMaximumPoolSize(size);
        // a JDBC batch of inserts (a batch's events, the read models' upserts) goes as one multi-row INSERT,
        // which PostgreSQL executes once instead of once per row
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // fail fast while the server is away, so health turns DOWN instead of hanging
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }
}
