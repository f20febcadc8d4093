package org.techtransfer.ledger.app.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 section 2.1 written again from its definitions, for the tests only: the tree head MTH, and a check of
 * an inclusion or consistency proof by rebuilding the roots the proof's recursive definition implies. Shares no
 * code with {@link Merkle}, whose proofs it judges.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] leaf(byte[] data) {
        return sha256(new byte[]{0}, data);
    }

    static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[]{1}, left, right);
    }

    /** MTH(D[n]) over leaf hashes. */
    static byte[] mth(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** The root that an audit path for leaf m of n implies, consuming the path from its end; null if it does not fit. */
    static byte[] rootFromInclusion(int m, int n, byte[] leafHash, List<byte[]> path) {
        List<byte[]> rest = new ArrayList<>(path);
        byte[] root = inclusionRoot(m, n, leafHash, rest);
        return rest.isEmpty() ? root : null;
    }

    private static byte[] inclusionRoot(int m, int n, byte[] leafHash, List<byte[]> path) {
        if (n == 1) {
            return leafHash;
        }
        if (path.isEmpty()) {
            return null;
        }
        byte[] sibling = path.remove(path.size() - 1);
        int k = largestPowerOfTwoBelow(n);
        byte[] below = m < k ? inclusionRoot(m, k, leafHash, path) : inclusionRoot(m - k, n - k, leafHash, path);
        if (below == null) {
            return null;
        }
        return m < k ? node(below, sibling) : node(sibling, below);
    }

    /**
     * Whether {@code path} proves the tree of m leaves with root {@code oldRoot} a prefix of the tree of n leaves with
     * {@code newRoot}: the roots of both are rebuilt from the proof by the recursion of SUBPROOF.
     */
    static boolean consistent(int m, int n, byte[] oldRoot, byte[] newRoot, List<byte[]> path) {
        if (m == n) {
            return path.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        List<byte[]> rest = new ArrayList<>(path);
        byte[][] roots = subproof(m, n, true, oldRoot, rest);
        return roots != null && rest.isEmpty() && Arrays.equals(roots[0], oldRoot) && Arrays.equals(roots[1], newRoot);
    }

    /** {old subtree root, new subtree root} of SUBPROOF(m, D[n], b), reading the path from its end. */
    private static byte[][] subproof(int m, int n, boolean whole, byte[] oldRoot, List<byte[]> path) {
        if (m == n) {
            if (whole) {
                return new byte[][]{oldRoot, oldRoot}; // the old tree itself, known to the verifier
            }
            if (path.isEmpty()) {
                return null;
            }
            byte[] same = path.remove(path.size() - 1);
            return new byte[][]{same, same};
        }
        if (path.isEmpty()) {
            return null;
        }
        byte[] last = path.remove(path.size() - 1);
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            byte[][] left = subproof(m, k, whole, oldRoot, path);
            return left == null ? null : new byte[][]{left[0], node(left[1], last)};
        }
        byte[][] right = subproof(m - k, n - k, false, oldRoot, path);
        return right == null ? null : new byte[][]{node(last, right[0]), node(last, right[1])};
    }
}
