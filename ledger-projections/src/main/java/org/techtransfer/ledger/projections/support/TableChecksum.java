package org.techtransfer.ledger.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** A digest of a read model's rows in key order: equal checksums mean equal tables, row for row. */
public final class TableChecksum {

    private TableChecksum() {
    }

    /** {@code table} and {@code orderBy} are constants of the read models, never input. */
    public static String of(JdbcTemplate jdbc, String table, String orderBy) {
        return jdbc.queryForObject("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY " + orderBy + "), '')) FROM "
                + table + " t", String.class);
    }
}
