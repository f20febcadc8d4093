package org.techtransfer.ledger.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HexFormat;

/** The signed checkpoints kept in {@code audit_checkpoint}, newest last. */
public final class CheckpointStore {

    /**
     * A kept checkpoint, as {@code GET /audit/checkpoint} answers it.
     *
     * @param position the global position of the tree's last leaf
     * @param note     the whole signed note
     */
    public record AuditCheckpoint(long treeSize, String rootHash, long position, Instant at, String note) {
    }

    private static final String COLUMNS = "tree_size, root_hash, position, signed_at, note";

    private final JdbcTemplate jdbc;

    public CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest kept checkpoint, or null when there is none yet. */
    public AuditCheckpoint latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1",
                rs -> rs.next() ? read(rs) : null);
    }

    /** The newest kept checkpoint of at least {@code size} leaves, or null. */
    public AuditCheckpoint covering(long size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE tree_size >= ? ORDER BY tree_size DESC LIMIT 1",
                rs -> rs.next() ? read(rs) : null, size);
    }

    void keep(long treeSize, byte[] root, long position, Instant at, String note) {
        jdbc.update("INSERT INTO audit_checkpoint (tree_size, root_hash, position, signed_at, note) VALUES (?, ?, ?, ?, ?)",
                treeSize, root, position, java.sql.Timestamp.from(at), note);
    }

    static AuditCheckpoint read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditCheckpoint(rs.getLong("tree_size"), HexFormat.of().formatHex(rs.getBytes("root_hash")),
                rs.getLong("position"), rs.getTimestamp("signed_at").toInstant(), rs.getString("note"));
    }
}
