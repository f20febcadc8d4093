package org.techtransfer.ledger.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServer embedded) {
        return pool(properties, embedded, properties.poolSizeOrDefault());
    }

    /** A pool on the configured database, or on {@code embedded} when none is configured. */
    public static HikariDataSource pool(DatabaseProperties properties, EmbeddedServer embedded, int size) {
        HikariConfig config = new HikariConfig();
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.jdbcUrl());
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        config.setPoolName("ledger");
        config.setMaximumPoolSize(size);
        // fail fast while the server is away, so health turns DOWN instead of hanging
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }
}
