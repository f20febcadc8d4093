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

    /**
     * The inclusion proof of the event at {@code position} in the tree of {@code size} leaves (the newest
     * checkpoint's when null), in one round trip: the leaf, the stored tree's size, the newest checkpoint's and
     * every node the path can take, which are the siblings of the leaf's ancestors and the complete subtrees the
     * size splits into (a part of the tree that is not a power of two ends at its last leaf: RFC 9162 2.1.3.1).
     */
    public Inclusion inclusionAt(long position, Long size) {
        Map<Long, byte[]> stored = new HashMap<>();
        Inclusion[] found = new Inclusion[1];
        jdbc.query("""
                SELECT s.leaves, n.size, l.node_index AS leaf_index, l.hash AS leaf_hash, w.level, w.node_index,
                       (SELECT t.hash FROM audit_tree t WHERE t.level = w.level AND t.node_index = w.node_index) AS hash
                  FROM (SELECT coalesce(max(node_index) + 1, 0) AS leaves FROM audit_tree WHERE level = 0) s
                 CROSS JOIN (SELECT coalesce(CAST(? AS bigint), (SELECT max(tree_size) FROM audit_checkpoint)) AS size) n
                  LEFT JOIN (SELECT node_index, hash FROM audit_tree WHERE level = 0 AND global_index = ?) l ON true
                  LEFT JOIN LATERAL (
                       SELECT j AS level, (l.node_index >> j) # 1 AS node_index FROM generate_series(0, 62) j
                        WHERE (1::bigint << j) < n.size
                       UNION
                       SELECT j, (n.size >> j) - 1 FROM generate_series(0, 62) j WHERE (n.size >> j) & 1 = 1
                  ) w ON l.node_index < n.size AND n.size <= s.leaves
                """, rs -> {
            if (found[0] == null) {
                long leafIndex = rs.getLong("leaf_index");
                Leaf leaf = rs.wasNull() ? null : new Leaf(leafIndex, position, rs.getBytes("leaf_hash"));
                long treeSize = rs.getLong("size");
                found[0] = new Inclusion(leaf, rs.wasNull() ? null : treeSize, rs.getLong("leaves"), null);
            }
            byte[] hash = rs.getBytes("hash");
            if (hash != null) {
                stored.put(key(rs.getInt("level"), rs.getLong("node_index")), hash);
            }
        }, size, position);
        Inclusion answer = found[0];
        if (answer.leaf() == null || answer.size() == null || answer.size() <= answer.leaf().index()
                || answer.size() > answer.storedSize()) {
            return answer;
        }
        return new Inclusion(answer.leaf(), answer.size(), answer.storedSize(),
                Merkle.inclusion((level, index) -> require(stored, level, index), answer.leaf().index(), answer.size()));
    }

    /**
     * What {@link #inclusionAt} found.
     *
     * @param leaf       the event's leaf, or null when it has none (not sealed, or no event)
     * @param size       the tree's size the proof is for, or null when none was given and no checkpoint is kept
     * @param storedSize the stored tree's size
     * @param path       the audit path, or null when the leaf or the size does not allow one
     */
    public record Inclusion(Leaf leaf, Long size, long storedSize, List<byte[]> path) {
    }

    /**
     * The consistency proof from {@code from} to {@code to} leaves, in one round trip with the stored tree's size;
     * null when {@code to} is beyond the stored tree.
     */
    public Consistency consistency(long from, long to) {
        Set<Long> wanted = new HashSet<>();
        byte[] placeholder = new byte[32];
        Merkle.consistency((level, index) -> {
            wanted.add(key(level, index));
            return placeholder;
        }, from, to);
        Map<Long, byte[]> stored = new HashMap<>();
        long[] leaves = {-1};
        jdbc.query("""
                SELECT s.leaves, w.level, w.node_index,
                       (SELECT t.hash FROM audit_tree t WHERE t.level = w.level AND t.node_index = w.node_index) AS hash
                  FROM (SELECT coalesce(max(node_index) + 1, 0) AS leaves FROM audit_tree WHERE level = 0) s
                  LEFT JOIN unnest(CAST(? AS smallint[]), CAST(? AS bigint[])) AS w(level, node_index) ON true
                """, rs -> {
            leaves[0] = rs.getLong("leaves");
            byte[] hash = rs.getBytes("hash");
            if (hash != null) {
                stored.put(key(rs.getInt("level"), rs.getLong("node_index")), hash);
            }
        }, keyArrays(wanted));
        if (to > leaves[0]) {
            return new Consistency(leaves[0], null);
        }
        return new Consistency(leaves[0], Merkle.consistency((level, index) -> require(stored, level, index), from, to));
    }

    /** What {@link #consistency} found: the stored tree's size, and the path when the stored tree reaches the size. */
    public record Consistency(long storedSize, List<byte[]> path) {
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

    /**
     * The stored nodes of {@code wanted}: one statement of constant text (so that the driver and PostgreSQL keep its
     * plan), each node looked up by the primary key.
     */
    private Map<Long, byte[]> fetch(Set<Long> wanted) {
        Map<Long, byte[]> stored = new HashMap<>();
        if (wanted.isEmpty()) {
            return stored;
        }
        jdbc.query("SELECT t.level, t.node_index, t.hash FROM unnest(CAST(? AS smallint[]), CAST(? AS bigint[])) "
                + "AS w(level, node_index) JOIN audit_tree t ON t.level = w.level AND t.node_index = w.node_index",
                rs -> {
                    stored.put(key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }, keyArrays(wanted));
        return stored;
    }

    /** The nodes' levels and indexes as the two arrays the queries take, in one order. */
    private static Object[] keyArrays(Set<Long> keys) {
        List<Long> ordered = List.copyOf(keys);
        return new Object[]{ordered.stream().map(k -> (short) (k >>> 56)).toArray(Short[]::new),
                ordered.stream().map(k -> k & INDEX).toArray(Long[]::new)};
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
