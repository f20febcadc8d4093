package org.techtransfer.ledger.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The signed checkpoints kept in {@code audit_checkpoint}, newest last, with their time stamps when they have one. */
public final class CheckpointStore {

    /**
     * A kept checkpoint, as {@code GET /audit/checkpoint} answers it.
     *
     * @param position       the global position of the tree's last leaf
     * @param note           the whole signed note
     * @param timestampToken the RFC 3161 token (DER, base64) over SHA-256 of {@code note}, or null when it has none
     * @param timestampedAt  the time the token names, or null
     */
    public record AuditCheckpoint(long treeSize, String rootHash, long position, Instant at, String note,
                                  String timestampToken, Instant timestampedAt) {
    }

    /** A checkpoint waiting for its time stamp. */
    record Unstamped(long treeSize, String note) {
    }

    private static final String COLUMNS = "c.tree_size, c.root_hash, c.position, c.signed_at, c.note, t.token, t.stamped_at "
            + "FROM audit_checkpoint c LEFT JOIN audit_checkpoint_timestamp t ON t.tree_size = c.tree_size";

    private final JdbcTemplate jdbc;

    public CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest kept checkpoint, or null when there is none yet. */
    public AuditCheckpoint latest() {
        return jdbc.query("SELECT " + COLUMNS + " ORDER BY c.tree_size DESC LIMIT 1", rs -> rs.next() ? read(rs) : null);
    }

    /**
     * A kept checkpoint of at least {@code size} leaves, or null: the newest with a time stamp when one has it,
     * else the newest.
     */
    public AuditCheckpoint covering(long size) {
        return jdbc.query("SELECT " + COLUMNS + " WHERE c.tree_size = coalesce("
                        + "(SELECT max(tree_size) FROM audit_checkpoint_timestamp WHERE tree_size >= ?), "
                        + "(SELECT max(tree_size) FROM audit_checkpoint WHERE tree_size >= ?))",
                rs -> rs.next() ? read(rs) : null, size, size);
    }

    void keep(long treeSize, byte[] root, long position, Instant at, String note) {
        jdbc.update("INSERT INTO audit_checkpoint (tree_size, root_hash, position, signed_at, note) VALUES (?, ?, ?, ?, ?)",
                treeSize, root, position, Timestamp.from(at), note);
    }

    /**
     * The checkpoints kept after the newest one with a time stamp, oldest first; when none has one yet, the newest
     * checkpoint alone.
     */
    List<Unstamped> unstamped(int limit) {
        return jdbc.query("SELECT tree_size, note FROM audit_checkpoint WHERE tree_size > coalesce("
                        + "(SELECT max(tree_size) FROM audit_checkpoint_timestamp), "
                        + "(SELECT max(tree_size) FROM audit_checkpoint) - 1) ORDER BY tree_size LIMIT ?",
                (rs, i) -> new Unstamped(rs.getLong(1), rs.getString(2)), limit);
    }

    /** Keeps a checkpoint's time stamp; another node's, kept first, stays. */
    void keepTimestamp(long treeSize, Timestamps.Stamp stamp, String authority) {
        jdbc.update("INSERT INTO audit_checkpoint_timestamp (tree_size, token, stamped_at, authority) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (tree_size) DO NOTHING", treeSize, stamp.token(), Timestamp.from(stamp.stampedAt()), authority);
    }

    static AuditCheckpoint read(java.sql.ResultSet rs) throws java.sql.SQLException {
        byte[] token = rs.getBytes("token");
        Timestamp stampedAt = rs.getTimestamp("stamped_at");
        return new AuditCheckpoint(rs.getLong("tree_size"), HexFormat.of().formatHex(rs.getBytes("root_hash")),
                rs.getLong("position"), rs.getTimestamp("signed_at").toInstant(), rs.getString("note"),
                token == null ? null : Base64.getEncoder().encodeToString(token),
                stampedAt == null ? null : stampedAt.toInstant());
    }
}
