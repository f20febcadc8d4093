package org.techtransfer.ledger.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger keeps its data. With {@code url} unset (the local default) it runs an embedded
 * PostgreSQL whose files live in {@code dataDir}; otherwise it uses that server.
 * Bound from {@code LEDGER_DB_URL}, {@code LEDGER_DB_USER}, {@code LEDGER_DB_PASSWORD}, {@code LEDGER_DATA_DIR}.
 */
@ConfigurationProperties("ledger.db")
public record DatabaseProperties(String url, String user, String password, String dataDir, Integer poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public int poolSizeOrDefault() {
        return poolSize == null ? 30 : poolSize;
    }
}
