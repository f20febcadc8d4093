package org.techtransfer.ledger.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * One verdict on the sealed log: recomputes the hash chain and the Merkle tree from the event log alone and
 * compares them with the stored chain, the stored tree, every kept checkpoint (its signature and its root) and,
 * when given, a digest or a checkpoint the auditor kept outside the ledger. Streams the log (a cursor, constant
 * memory), so it also runs from the command line against a database without the service ({@code VerifyCommand}).
 * The reasons are the same words for the API, the console and the command line.
 */
public class ChainVerifier {

    /** A digest: the chain's head at some time, kept by the auditor. */
    public record Digest(long position, String hash, Instant at) {
    }

    /**
     * @param valid                the one verdict: false when anything below fails, the digest or checkpoint given included
     * @param firstInvalidPosition the first global position where the log no longer matches its chain or its tree
     * @param reason               why not valid: the first finding
     * @param digestMatches        with a digest: whether the log up to it hashes to it; otherwise null
     * @param chainValid           the log hashes to the stored chain, link by link
     * @param treeValid            the stored tree's leaves are the log's events and its nodes hash their children
     * @param checkpointsValid     every kept checkpoint is signed by the ledger's key and its root is the log's tree of
     *                             its size; null when no key was at hand to check signatures with
     * @param checkpointMatches    with a checkpoint: whether it is signed by the ledger's key and its root is the log's
     *                             tree of its size; otherwise null
     * @param treeSize             the leaves of the tree recomputed from the log
     * @param findings             every finding, the first one being {@code reason}
     */
    public record Report(boolean valid, long checkedEvents, Long firstInvalidPosition, String reason,
                         Boolean digestMatches, Digest head, boolean chainValid, boolean treeValid,
                         Boolean checkpointsValid, Boolean checkpointMatches, long treeSize, List<String> findings) {
    }

    private final JdbcTemplate cursor;
    private final TransactionTemplate transactions;
    private final String verifierKey;

    /** A verifier that does not check the kept checkpoints' signatures (no key at hand). */
    public ChainVerifier(DataSource dataSource) {
        this(dataSource, null);
    }

    /** @param verifierKey the signed-note key that verifies the checkpoints ({@code GET /audit/public-key}) */
    public ChainVerifier(DataSource dataSource, String verifierKey) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setReadOnly(true);
        this.verifierKey = verifierKey;
    }

    /** The head of the chain, or null when nothing has been sealed yet. */
    public Digest head() {
        return cursor.query("SELECT global_index, hash, sealed_at FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                rs -> rs.next() ? new Digest(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()) : null);
    }

    public Report verify(Digest digest) {
        return verify(digest, null);
    }

    /** Verifies the whole sealed log; {@code digest} and {@code checkpointNote} (a signed note) may be null. */
    public Report verify(Digest digest, String checkpointNote) {
        return transactions.execute(status -> {
            Digest head = head();
            Walk walk = new Walk(digest, keptCheckpoints(), given(checkpointNote));
            // every sealed position, and every logged event up to the head: a hole on either side is a finding
            cursor.query("SELECT c.global_index AS sealed_index, c.hash AS sealed_hash, t.node_index AS leaf_index, "
                    + "t.hash AS leaf_hash, e.* "
                    + "FROM audit_chain c FULL OUTER JOIN domain_event_entry e ON e.global_index = c.global_index "
                    + "LEFT JOIN audit_tree t ON t.level = 0 AND t.global_index = c.global_index "
                    + "WHERE coalesce(c.global_index, e.global_index) <= (SELECT coalesce(max(global_index), 0) FROM audit_chain) "
                    + "ORDER BY coalesce(c.global_index, e.global_index)", rs -> {
                String sealed = rs.getString("sealed_hash");
                long position = sealed != null ? rs.getLong("sealed_index") : rs.getLong("global_index");
                LoggedEvent event = rs.getString("event_identifier") == null ? null : LoggedEvent.read(rs);
                long leafIndex = rs.getLong("leaf_index");
                walk.row(position, sealed, event, rs.wasNull() ? null : leafIndex, rs.getBytes("leaf_hash"));
            });
            walk.end(head, interiorNodeFinding(), treeSizeFinding());
            return walk.report(head);
        });
    }

    private List<Kept> keptCheckpoints() {
        return cursor.query("SELECT tree_size, root_hash, note FROM audit_checkpoint ORDER BY tree_size",
                (rs, i) -> new Kept(rs.getLong(1), rs.getBytes(2), rs.getString(3)));
    }

    private record Kept(long treeSize, byte[] root, String note) {
    }

    /** A checkpoint the auditor gave: opened with the ledger's key, or the reason it cannot be. */
    private record Given(SignedNote.Checkpoint checkpoint, String unopened) {
    }

    private Given given(String note) {
        if (note == null) {
            return null;
        }
        if (verifierKey == null) {
            return new Given(null, "no public key to check the checkpoint's signature with");
        }
        try {
            return new Given(SignedNote.open(note, verifierKey), null);
        } catch (SignedNote.Invalid e) {
            return new Given(null, e.getMessage());
        }
    }

    /** The first stored node above the leaves that is not the hash of its two children, or null. */
    private String interiorNodeFinding() {
        return cursor.query("SELECT p.level, p.node_index FROM audit_tree p "
                + "LEFT JOIN audit_tree l ON l.level = p.level - 1 AND l.node_index = 2 * p.node_index "
                + "LEFT JOIN audit_tree r ON r.level = p.level - 1 AND r.node_index = 2 * p.node_index + 1 "
                + "WHERE p.level > 0 AND p.hash IS DISTINCT FROM sha256('\\x01'::bytea || l.hash || r.hash) "
                + "ORDER BY p.level, p.node_index LIMIT 1", rs -> {
            if (!rs.next()) {
                return null;
            }
            int level = rs.getInt(1);
            long index = rs.getLong(2);
            return "a stored tree node is not the hash of its children: level " + level + ", index " + index
                    + " (leaves " + (index << level) + " to " + (((index + 1) << level) - 1) + ")";
        });
    }

    /** A level of the stored tree that does not have the nodes its stored leaves complete, or null. */
    private String treeSizeFinding() {
        java.util.Map<Integer, Long> counts = new java.util.HashMap<>();
        cursor.query("SELECT level, count(*) FROM audit_tree GROUP BY level", rs -> {
            counts.put(rs.getInt(1), rs.getLong(2));
        });
        long stored = counts.getOrDefault(0, 0L);
        for (int level = 1; level < 63; level++) {
            long count = counts.getOrDefault(level, 0L);
            if (count != stored >> level) {
                return "the stored tree has " + count + " nodes at level " + level + ", its " + stored
                        + " leaves make " + (stored >> level);
            }
        }
        return null;
    }

    /** The walk along the log in global order, with what it has found so far. */
    private final class Walk {
        final Digest digest;
        final Deque<Kept> kept;
        final Given given;
        final List<String> findings = new ArrayList<>();
        final Merkle.Frontier frontier = new Merkle.Frontier(0, List.of());
        String previous = ChainHash.GENESIS;
        long checked;
        long leaves;
        Long chainInvalidAt;
        Long treeInvalidAt;
        boolean treeValid = true;
        boolean checkpointsValid = true;
        Boolean digestMatches;
        Boolean checkpointMatches;
        Long storedLeavesEnd;

        Walk(Digest digest, List<Kept> kept, Given given) {
            this.digest = digest;
            this.kept = new ArrayDeque<>(kept);
            this.given = given;
            if (given != null && given.checkpoint() == null) {
                fail(null, given.unopened());
                checkpointMatches = false;
            }
            checkKeptAt(0);
        }

        void row(long position, String sealed, LoggedEvent event, Long leafIndex, byte[] leafHash) {
            byte[] canonical = event == null ? null : ChainHash.canonical(event);
            if (chainInvalidAt == null) {
                if (sealed == null) {
                    chainFails(position, "an event is in the log that was not there when the chain was sealed");
                } else if (event == null) {
                    chainFails(position, "a sealed event is missing from the log");
                } else {
                    String computed = ChainHash.link(previous, canonical);
                    if (!computed.equals(sealed)) {
                        chainFails(position, "the event differs from the one that was sealed");
                    } else {
                        previous = computed;
                        checked++;
                        if (digest != null && position == digest.position()) {
                            digestMatches = computed.equals(digest.hash());
                        }
                    }
                }
            }
            if (sealed == null) {
                return; // not in the tree either: the chain's finding says it
            }
            byte[] leaf = canonical == null ? null : Merkle.leafHash(canonical);
            if (leafIndex == null) {
                // the tree ends here (not built yet, as after a restore) unless a later leaf shows a hole
                storedLeavesEnd = storedLeavesEnd == null ? leaves : storedLeavesEnd;
            } else if (storedLeavesEnd != null || leafIndex != leaves) {
                treeFails(position, "the stored tree's leaf for this event is not at its place (leaf " + leafIndex
                        + ", expected " + leaves + ")");
            } else if (leaf == null || !Arrays.equals(leaf, leafHash)) {
                treeFails(position, "the stored tree's leaf differs from the event in the log");
            }
            frontier.append(leaf != null ? leaf : leafHash != null ? leafHash : new byte[32]);
            leaves++;
            checkKeptAt(leaves);
            if (given != null && given.checkpoint() != null && given.checkpoint().treeSize() == leaves) {
                checkpointMatches = Arrays.equals(frontier.root(), given.checkpoint().rootHash());
                if (!checkpointMatches) {
                    fail(null, "the checkpoint's root hash differs from the log's tree of " + leaves + " leaves");
                }
            }
        }

        /** The kept checkpoints of {@code size} leaves: signed by the ledger's key, and the root of the log's tree. */
        private void checkKeptAt(long size) {
            while (!kept.isEmpty() && kept.peekFirst().treeSize() <= size) {
                Kept checkpoint = kept.removeFirst();
                String hex = HexFormat.of().formatHex(checkpoint.root());
                String finding = null;
                if (verifierKey != null) {
                    try {
                        SignedNote.Checkpoint signed = SignedNote.open(checkpoint.note(), verifierKey);
                        if (signed.treeSize() != checkpoint.treeSize() || !Arrays.equals(signed.rootHash(), checkpoint.root())) {
                            finding = "a kept checkpoint's note says other than its row";
                        }
                    } catch (SignedNote.Invalid e) {
                        finding = "a kept checkpoint: " + e.getMessage();
                    }
                }
                if (finding == null && !Arrays.equals(size == 0 ? Merkle.emptyRoot() : frontier.root(), checkpoint.root())) {
                    finding = "a kept checkpoint's root hash is not the log's tree of its size";
                }
                if (finding != null) {
                    checkpointsValid = false;
                    fail(null, finding + " (tree size " + checkpoint.treeSize() + ", root " + hex + ")");
                }
            }
        }

        void end(Digest head, String interiorNode, String treeSize) {
            for (Kept beyond : kept) {
                checkpointsValid = false;
                fail(null, "a kept checkpoint's tree size is beyond the log's tree (tree size " + beyond.treeSize()
                        + ", the log's tree " + leaves + ")");
            }
            if (interiorNode != null || treeSize != null) {
                treeValid = false;
                fail(null, interiorNode != null ? interiorNode : treeSize);
            }
            if (digest != null && digestMatches == null) {
                digestMatches = false;
                long reached = head == null ? 0 : head.position();
                fail(null, chainInvalidAt != null && digest.position() >= chainInvalidAt
                        ? "the digest's position " + digest.position() + " is after the log departs from the chain"
                        : digest.position() > reached
                        ? "the digest's position " + digest.position() + " is beyond the chain's head " + reached
                        : "the digest's position " + digest.position() + " is not a sealed position");
            } else if (Boolean.FALSE.equals(digestMatches)) {
                fail(null, "the digest's hash differs from the chain's link at its position " + digest.position());
            }
            if (given != null && given.checkpoint() != null && checkpointMatches == null) {
                checkpointMatches = false;
                fail(null, given.checkpoint().treeSize() == 0
                        ? "the checkpoint is of an empty tree"
                        : "the checkpoint's tree size " + given.checkpoint().treeSize() + " is beyond the log's tree of "
                        + leaves + " leaves");
            }
        }

        private void chainFails(long position, String why) {
            chainInvalidAt = position;
            fail(position, why);
        }

        private void treeFails(long position, String why) {
            if (treeInvalidAt == null) {
                treeInvalidAt = position;
                treeValid = false;
                fail(position, why);
            }
        }

        private void fail(Long position, String why) {
            findings.add(position == null ? why : why + " (position " + position + ")");
        }

        Report report(Digest head) {
            Long first = chainInvalidAt;
            if (first == null || treeInvalidAt != null && treeInvalidAt < first) {
                first = treeInvalidAt;
            }
            String reason = findings.isEmpty() ? null : findings.get(0);
            return new Report(findings.isEmpty(), checked, first, reason, digestMatches, head, chainInvalidAt == null,
                    treeValid, verifierKey == null ? null : checkpointsValid, checkpointMatches, leaves, List.copyOf(findings));
        }
    }
}
