package org.techtransfer.ledger.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Merkle tree as stored in {@code audit_tree}: the sealer appends leaves and the subtrees they complete; a
 * root or a proof of any size reads the few complete subtrees it needs in one query.
 */
public final class TreeStore {

    /** A leaf of the tree: its index, the event's position and its hash. */
    public record Leaf(long index, long position, byte[] hash) {
    }

    private final JdbcTemplate jdbc;

    public TreeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last leaf, or null while the tree is empty. */
    public Leaf last() {
        return jdbc.query("SELECT node_index, global_index, hash FROM audit_tree WHERE level = 0 "
                + "ORDER BY node_index DESC LIMIT 1", rs -> rs.next() ? new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)) : null);
    }

    public long size() {
        Leaf last = last();
        return last == null ? 0 : last.index() + 1;
    }

    /** The leaf of the event at {@code position}, or null when it is none (not sealed, or a hole). */
    public Leaf leafAt(long position) {
        return jdbc.query("SELECT node_index, global_index, hash FROM audit_tree WHERE level = 0 AND global_index = ?",
                rs -> rs.next() ? new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)) : null, position);
    }

    /** The frontier of the tree as stored now, to append to. */
    Merkle.Frontier frontier() {
        long size = size();
        List<Merkle.Frontier.Node> subtrees = new ArrayList<>();
        Map<Long, byte[]> stored = fetch(Merkle.Frontier.positions(size).stream().map(at -> key((int) at[0], at[1]))
                .collect(Collectors.toSet()));
        for (long[] at : Merkle.Frontier.positions(size)) {
            subtrees.add(new Merkle.Frontier.Node((int) at[0], at[1], require(stored, (int) at[0], at[1])));
        }
        return new Merkle.Frontier(size, subtrees);
    }

    /** Appends the leaves of events to the tree (in the caller's transaction). */
    void append(Merkle.Frontier frontier, List<Long> positions, List<byte[]> leafHashes) {
        List<Object[]> rows = new ArrayList<>(leafHashes.size() * 2);
        for (int i = 0; i < leafHashes.size(); i++) {
            long position = positions.get(i);
            for (Merkle.Frontier.Node node : frontier.append(leafHashes.get(i))) {
                rows.add(new Object[]{node.level(), node.index(), node.hash(), node.level() == 0 ? position : null});
            }
        }
        jdbc.batchUpdate("INSERT INTO audit_tree (level, node_index, hash, global_index) VALUES (?, ?, ?, ?)", rows,
                new int[]{java.sql.Types.SMALLINT, java.sql.Types.BIGINT, java.sql.Types.BINARY, java.sql.Types.BIGINT});
    }

    public byte[] root(long size) {
        return read(nodes -> Merkle.root(nodes, size));
    }

    public List<byte[]> inclusion(long index, long size) {
        return read(nodes -> Merkle.inclusion(nodes, index, size));
    }

    public List<byte[]> consistency(long from, long to) {
        return read(nodes -> Merkle.consistency(nodes, from, to));
    }

    /** Runs {@code proof} twice: once to learn which nodes it reads, then on those nodes fetched in one query. */
    private <T> T read(java.util.function.Function<Merkle.Nodes, T> proof) {
        Set<Long> wanted = new HashSet<>();
        byte[] placeholder = new byte[32];
        proof.apply((level, index) -> {
            wanted.add(key(level, index));
            return placeholder;
        });
        Map<Long, byte[]> stored = fetch(wanted);
        return proof.apply((level, index) -> require(stored, level, index));
    }

    private Map<Long, byte[]> fetch(Set<Long> wanted) {
        Map<Long, byte[]> stored = new HashMap<>();
        if (wanted.isEmpty()) {
            return stored;
        }
        String keys = wanted.stream().map(k -> "(" + (k >>> 56) + "," + (k & INDEX) + ")").collect(Collectors.joining(","));
        jdbc.query("SELECT level, node_index, hash FROM audit_tree WHERE (level, node_index) IN (" + keys + ")",
                rs -> {
                    stored.put(key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                });
        return stored;
    }

    private static byte[] require(Map<Long, byte[]> stored, int level, long index) {
        byte[] hash = stored.get(key(level, index));
        if (hash == null) {
            throw new MissingNode(level, index);
        }
        return hash;
    }

    private static final long INDEX = (1L << 56) - 1;

    /** Level and index in one long: an index below 2^56 leaves room for the level above it. */
    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    /** A node the tree should hold is not stored: the tree was cut, or is still being built. */
    public static final class MissingNode extends RuntimeException {
        MissingNode(int level, long index) {
            super("the Merkle tree has no node at level " + level + ", index " + index);
        }
    }
}
