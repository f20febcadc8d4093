package org.techtransfer.ledger.app.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1 over the sealed log: a leaf is {@code SHA-256(0x00 || data)}, an interior
 * node {@code SHA-256(0x01 || left || right)}, the tree of {@code n} leaves splits at the largest power of two below
 * {@code n}. Proofs are built from the complete subtrees a {@link Nodes} source holds; they are checked by the
 * algorithms of sections 2.1.3.2 and 2.1.4.2, which need only the proof and the roots.
 */
public final class Merkle {

    /** The hash of the complete subtree at {@code level} (2^level leaves) whose first leaf is {@code index << level}. */
    public interface Nodes {
        byte[] node(int level, long index);
    }

    private Merkle() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        return sha.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root of the first {@code size} leaves. */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? emptyRoot() : subtree(nodes, 0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 2.1.3.1). */
    public static List<byte[]> inclusion(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        inclusion(nodes, index, 0, size, path);
        return path;
    }

    private static void inclusion(Nodes nodes, long m, long start, long size, List<byte[]> path) {
        if (size == 1) {
            return;
        }
        long k = split(size);
        if (m < k) {
            inclusion(nodes, m, start, k, path);
            path.add(subtree(nodes, start + k, size - k));
        } else {
            inclusion(nodes, m - k, start + k, size - k, path);
            path.add(subtree(nodes, start, k));
        }
    }

    /** The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} (RFC 9162 2.1.4.1). */
    public static List<byte[]> consistency(Nodes nodes, long from, long to) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> path = new ArrayList<>();
        if (from < to) {
            subproof(nodes, from, 0, to, true, path);
        }
        return path;
    }

    private static void subproof(Nodes nodes, long m, long start, long n, boolean whole, List<byte[]> path) {
        if (m == n) {
            if (!whole) {
                path.add(subtree(nodes, start, n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(nodes, m, start, k, whole, path);
            path.add(subtree(nodes, start + k, n - k));
        } else {
            subproof(nodes, m - k, start + k, n - k, false, path);
            path.add(subtree(nodes, start, k));
        }
    }

    /** The hash of leaves [start, start + size); {@code start} is a multiple of the largest power of two in it. */
    private static byte[] subtree(Nodes nodes, long start, long size) {
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.node(level, start >>> level);
        }
        long k = split(size);
        return nodeHash(subtree(nodes, start, k), subtree(nodes, start + k, size - k));
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** Whether {@code path} proves leaf {@code index} with {@code leafHash} in the tree of {@code size} with {@code root} (2.1.3.2). */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * The complete subtrees of a tree, left to right and largest first (one per bit of its size): what the tree
     * of the next size is built from. Appending a leaf merges the last subtrees of equal size.
     */
    public static final class Frontier {

        /** A node just completed, to be stored. */
        public record Node(int level, long index, byte[] hash) {
        }

        private final List<Node> subtrees;
        private long size;

        /** The frontier of a tree of {@code size} leaves from its complete subtrees, largest first. */
        public Frontier(long size, List<Node> subtrees) {
            this.size = size;
            this.subtrees = new ArrayList<>(subtrees);
        }

        public long size() {
            return size;
        }

        /** Appends a leaf by its hash; returns the nodes it completes, the leaf first. */
        public List<Node> append(byte[] leafHash) {
            List<Node> completed = new ArrayList<>(2);
            Node node = new Node(0, size, leafHash);
            completed.add(node);
            while (!subtrees.isEmpty() && subtrees.get(subtrees.size() - 1).level() == node.level()) {
                Node left = subtrees.remove(subtrees.size() - 1);
                node = new Node(node.level() + 1, left.index() >>> 1, nodeHash(left.hash(), node.hash()));
                completed.add(node);
            }
            subtrees.add(node);
            size++;
            return completed;
        }

        public byte[] root() {
            if (subtrees.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = subtrees.get(subtrees.size() - 1).hash();
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                root = nodeHash(subtrees.get(i).hash(), root);
            }
            return root;
        }

        /** Where the complete subtrees of a tree of {@code size} leaves are: (level, index), largest first. */
        public static List<long[]> positions(long size) {
            List<long[]> at = new ArrayList<>();
            long start = 0;
            for (int level = 63; level >= 0; level--) {
                if ((size & (1L << level)) != 0) {
                    at.add(new long[]{level, start >>> level});
                    start += 1L << level;
                }
            }
            return at;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
