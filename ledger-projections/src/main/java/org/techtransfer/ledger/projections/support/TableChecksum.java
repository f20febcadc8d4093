package org.techtransfer.ledger.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A digest of a read model's rows in key order: equal checksums mean equal tables, row for row. */
public final class TableChecksum {

    private TableChecksum() {
    }

    /** {@code table} and {@code orderBy} are constants of the read models, never input. */
    public static String of(JdbcTemplate jdbc, String table, String orderBy) {
        return jdbc.queryForObject("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY " + orderBy + "), '')) FROM "
                + table + " t", String.class);
    }

    /** One digest of a read model kept in several tables: equal only when every table is. */
    public static String combined(String... checksums) {
        try {
            byte[] all = String.join("|", checksums).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(all));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
