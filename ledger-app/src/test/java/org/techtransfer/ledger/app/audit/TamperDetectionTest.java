package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;

/**
 * The hash chain, the Merkle tree and the signed checkpoints against someone who can write to the database as a
 * superuser: each kind of tampering with sealed events, tree nodes or checkpoints, done on a ledger of its own (the
 * append-only triggers switched off for the moment), is found by {@code GET /audit/verify}, at exactly the tampered
 * position where there is one, and by the proofs an auditor checks. A forger who also rewrites the chain and lets
 * the ledger build and sign a new tree is caught only by a digest or checkpoint kept outside the ledger.
 */
class TamperDetectionTest {

    private static final String R = "recorder-a";
    private static final String AUDITOR = "auditor";
    private static final String C = "/api/v1/contracts/C-AUD";
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    @Test
    void an_untampered_ledger_verifies_and_an_earlier_digest_still_matches_after_more_events() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            JsonNode early = ledger.digest;
            // more history after the digest was taken
            created(ledger.http.post(R, C + "/incomes", income("I-4", "50000.00", "2026-08-01")));
            created(ledger.http.post(R, C + "/costs", cost("K-2", "1000.00", "TRANSACTION")));
            created(ledger.http.post(R, C + "/payments", payment("PAY-3", "P-2", "1000.00", "2026-08-02")));
            long last = ledger.lastPosition();
            assertThat(last).isGreaterThan(early.get("position").asLong());
            JsonNode later = awaitDigest(ledger.http, last);
            assertThat(later.get("hash").asText()).isNotEqualTo(early.get("hash").asText());

            JsonNode report = ledger.verify();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("checkedEvents").asLong()).isEqualTo(ledger.eventCount());
            assertThat(report.path("firstInvalidPosition").isMissingNode() || report.get("firstInvalidPosition").isNull()).isTrue();
            assertThat(report.path("digestMatches").isMissingNode() || report.get("digestMatches").isNull())
                    .as("no digest given, nothing to match").isTrue();

            JsonNode withEarly = ledger.verify(early);
            assertThat(withEarly.get("valid").asBoolean()).isTrue();
            assertThat(withEarly.get("digestMatches").asBoolean()).as(withEarly.toString()).isTrue();
            JsonNode withLater = ledger.verify(later);
            assertThat(withLater.get("digestMatches").asBoolean()).isTrue();

            // a digest that was never the chain's: the log is intact, but it is not the history the digest describes
            JsonNode wrong = ledger.verify(early.get("position").asLong(), later.get("hash").asText());
            assertThat(wrong.get("valid").asBoolean()).as("one verdict").isFalse();
            assertThat(wrong.get("chainValid").asBoolean()).isTrue();
            assertThat(wrong.get("treeValid").asBoolean()).isTrue();
            assertThat(wrong.get("checkpointsValid").asBoolean()).isTrue();
            assertThat(wrong.get("digestMatches").asBoolean()).isFalse();
        }
    }

    @Test
    void a_changed_payload_is_found_at_its_position() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            long position = ledger.positionOf("\"incomeId\":\"I-2\"");
            ledger.tamper(s -> assertThat(s.executeUpdate("UPDATE domain_event_entry SET payload = replace(payload, "
                    + "'\"300000.00\"', '\"3000.00\"') WHERE global_index = " + position)).isEqualTo(1));

            JsonNode report = ledger.verify();
            assertInvalidAt(ledger, position, report);
            assertThat(report.get("treeValid").asBoolean()).isFalse();
            assertThat(report.get("findings").toString()).contains("the stored tree's leaf differs from the event in the "
                    + "log (position " + position + ")");
            JsonNode withDigest = ledger.verify(ledger.digest);
            assertInvalidAt(ledger, position, withDigest);
            assertThat(withDigest.get("digestMatches").asBoolean()).isFalse();

            // the contract's statement, checked offline, names the changed event
            JsonNode statement = ledger.http.get(AUDITOR, C + "/statement").json();
            String publicKey = ledger.http.get(AUDITOR, "/api/v1/audit/public-key").body();
            assertThat(StatementCheck.check(statement, publicKey)).anySatisfy(finding -> assertThat(finding)
                    .startsWith("the event at position " + position + " (sequence ").endsWith("): its fields do not hash to its leaf hash"));
        }
    }

    @Test
    void a_deleted_event_is_found_at_its_position() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            long position = ledger.positionOf("\"costId\":\"K-1\"");
            ledger.tamper(s -> assertThat(s.executeUpdate("DELETE FROM domain_event_entry WHERE global_index = "
                    + position)).isEqualTo(1));

            JsonNode report = ledger.verify();
            assertInvalidAt(ledger, position, report);
            assertThat(report.get("reason").asText()).contains("missing");
        }
    }

    @Test
    void an_event_inserted_into_a_permanent_gap_between_sealed_events_is_found_at_its_position() throws SQLException {
        // a short gap timeout, so that the hole left below is sealed over quickly
        try (Ledger ledger = Ledger.recorded(true, "--ledger.audit.gap-timeout=1s")) {
            long gap = ledger.gap;
            assertThat(gap).isBetween(2L, ledger.digest.get("position").asLong() - 1);
            try (Connection c = TestDatabase.connect(ledger.url); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT count(*) FROM domain_event_entry WHERE global_index = " + gap)).isZero();
                assertThat(count(s, "SELECT count(*) FROM audit_chain WHERE global_index = " + gap)).isZero();
                assertThat(count(s, "SELECT count(*) FROM audit_chain WHERE global_index > " + gap)).isPositive();
            }
            long original = ledger.positionOf("\"incomeId\":\"I-1\"");
            // a forged income: a copy of a recorded one, slipped into the hole as the contract's 100th event.
            // INSERT is not refused by the triggers at all; they are switched off anyway as a real forger would.
            ledger.tamper(s -> assertThat(s.executeUpdate("INSERT INTO domain_event_entry (global_index, event_identifier, "
                    + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                    + "meta_data) SELECT " + gap + ", 'forged-' || event_identifier, aggregate_identifier, 100, type, "
                    + "time_stamp, payload_type, payload_revision, replace(payload, '\"I-1\"', '\"I-FORGED\"'), meta_data "
                    + "FROM domain_event_entry WHERE global_index = " + original)).isEqualTo(1));

            JsonNode report = ledger.verify();
            assertInvalidAt(ledger, gap, report);
            assertThat(report.get("reason").asText()).contains("not there when the chain was sealed");
        }
    }

    @Test
    void two_swapped_events_are_found_at_the_first_of_them() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            long first = ledger.positionOf("\"incomeId\":\"I-1\"");
            long second = ledger.positionOf("\"incomeId\":\"I-2\"");
            assertThat(first).isLessThan(second);
            // reorder history: every column of the two rows but the global position trades places
            ledger.tamper(s -> {
                String columns = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data";
                s.execute("CREATE TEMPORARY TABLE swap AS SELECT global_index, " + columns
                        + " FROM domain_event_entry WHERE global_index IN (" + first + ", " + second + ")");
                // out of the way of the unique constraints first
                s.executeUpdate("UPDATE domain_event_entry SET event_identifier = 'swap-' || global_index, "
                        + "sequence_number = -global_index WHERE global_index IN (" + first + ", " + second + ")");
                assertThat(s.executeUpdate("UPDATE domain_event_entry e SET (" + columns + ") = (SELECT " + columns
                        + " FROM swap o WHERE o.global_index = CASE e.global_index WHEN " + first + " THEN " + second
                        + " ELSE " + first + " END) WHERE e.global_index IN (" + first + ", " + second + ")")).isEqualTo(2);
                s.execute("DROP TABLE swap");
            });
            try (Connection c = TestDatabase.connect(ledger.url); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT count(*) FROM domain_event_entry WHERE global_index = " + first
                        + " AND payload LIKE '%\"incomeId\":\"I-2\"%'")).isOne();
            }

            assertInvalidAt(ledger, first, ledger.verify());
        }
    }

    @Test
    void a_consistent_forgery_of_log_and_chain_passes_the_chain_but_not_a_digest_kept_outside() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            long position = ledger.positionOf("\"incomeId\":\"I-2\"");
            long head = ledger.digest.get("position").asLong();
            ledger.tamper(s -> {
                assertThat(s.executeUpdate("UPDATE domain_event_entry SET payload = replace(payload, "
                        + "'\"300000.00\"', '\"3000.00\"') WHERE global_index = " + position)).isEqualTo(1);
                s.execute("ALTER TABLE audit_chain DISABLE TRIGGER USER");
                String previous = ChainHash.GENESIS;
                try (ResultSet r = s.executeQuery("SELECT hash FROM audit_chain WHERE global_index = " + (position - 1))) {
                    if (r.next()) {
                        previous = r.getString(1);
                    }
                }
                List<LoggedEvent> rewritten = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT " + LoggedEvent.COLUMNS + " FROM domain_event_entry WHERE "
                        + "global_index >= " + position + " AND global_index <= " + head + " ORDER BY global_index")) {
                    while (r.next()) {
                        rewritten.add(LoggedEvent.read(r));
                    }
                }
                try (PreparedStatement update = s.getConnection().prepareStatement(
                        "UPDATE audit_chain SET hash = ? WHERE global_index = ?")) {
                    for (LoggedEvent event : rewritten) {
                        previous = ChainHash.link(previous, event);
                        update.setString(1, previous);
                        update.setLong(2, event.globalIndex());
                        assertThat(update.executeUpdate()).isEqualTo(1);
                    }
                }
                s.execute("ALTER TABLE audit_chain ENABLE TRIGGER USER");
                forgetTreeAndCheckpoints(s);
            });
            // the sealer builds the tree again over the forged log and signs it: the forger needs no key
            JsonNode forgedCheckpoint = MerkleLogTest.awaitCheckpoint(ledger.http, ledger.eventCount());

            // the chain in the database agrees with the forged log: on its own, verification cannot tell
            JsonNode alone = ledger.verify();
            assertThat(alone.get("valid").asBoolean()).as(alone.toString()).isTrue();
            assertThat(alone.get("checkedEvents").asLong()).isEqualTo(ledger.eventCount());
            assertThat(alone.get("head").get("hash").asText()).isNotEqualTo(ledger.digest.get("hash").asText());
            JsonNode digestNow = ledger.http.get(AUDITOR, "/api/v1/audit/digest").json();
            assertThat(digestNow.get("position").asLong()).isEqualTo(head);
            assertThat(digestNow.get("hash").asText()).isNotEqualTo(ledger.digest.get("hash").asText());

            // the digest the auditor kept from before does not match the history now in the ledger
            JsonNode withDigest = ledger.verify(ledger.digest);
            assertThat(withDigest.get("valid").asBoolean()).isFalse();
            assertThat(withDigest.get("chainValid").asBoolean()).isTrue();
            assertThat(withDigest.get("digestMatches").asBoolean()).as(withDigest.toString()).isFalse();
            // nor does the checkpoint kept from before, nor does the consistency proof to the new one hold for it
            JsonNode withCheckpoint = ledger.verifyCheckpoint(ledger.checkpoint.get("note").asText());
            assertThat(withCheckpoint.get("valid").asBoolean()).isFalse();
            assertThat(withCheckpoint.get("checkpointMatches").asBoolean()).isFalse();
            assertThat(withCheckpoint.get("reason").asText()).startsWith("the checkpoint's root hash differs from the log's tree");
            int from = ledger.checkpoint.get("treeSize").asInt();
            int to = forgedCheckpoint.get("treeSize").asInt();
            JsonNode consistency = ledger.http.get(AUDITOR, "/api/v1/audit/proof/consistency?from=" + from + "&to=" + to).json();
            assertThat(ReferenceMerkle.consistent(from, to, HEX.parseHex(ledger.checkpoint.get("rootHash").asText()),
                    HEX.parseHex(forgedCheckpoint.get("rootHash").asText()), MerkleLogTest.hashes(consistency.get("path"))))
                    .isFalse();
        }
    }

    @Test
    void the_last_events_cut_off_from_log_and_chain_together_are_caught_only_by_a_digest() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            long head = ledger.digest.get("position").asLong();
            ledger.tamper(s -> {
                s.execute("ALTER TABLE audit_chain DISABLE TRIGGER USER");
                assertThat(s.executeUpdate("DELETE FROM domain_event_entry WHERE global_index > " + (head - 2))).isEqualTo(2);
                assertThat(s.executeUpdate("DELETE FROM audit_chain WHERE global_index > " + (head - 2))).isEqualTo(2);
                s.execute("ALTER TABLE audit_chain ENABLE TRIGGER USER");
                forgetTreeAndCheckpoints(s);
            });
            MerkleLogTest.awaitCheckpoint(ledger.http, head - 2);

            // a shorter history is still a consistent one
            JsonNode alone = ledger.verify();
            assertThat(alone.get("valid").asBoolean()).as(alone.toString()).isTrue();
            assertThat(alone.get("checkedEvents").asLong()).isEqualTo(head - 2);
            assertThat(alone.get("head").get("position").asLong()).isEqualTo(head - 2);
            // but the ledger no longer reaches the digest kept from before
            JsonNode withDigest = ledger.verify(ledger.digest);
            assertThat(withDigest.get("valid").asBoolean()).isFalse();
            assertThat(withDigest.get("digestMatches").asBoolean()).as(withDigest.toString()).isFalse();
            assertThat(withDigest.get("reason").asText()).isEqualTo("the digest's position " + head
                    + " is beyond the chain's head " + (head - 2));
            JsonNode withCheckpoint = ledger.verifyCheckpoint(ledger.checkpoint.get("note").asText());
            assertThat(withCheckpoint.get("valid").asBoolean()).isFalse();
            assertThat(withCheckpoint.get("reason").asText()).isEqualTo("the checkpoint's tree size " + head
                    + " is beyond the log's tree of " + (head - 2) + " leaves");
        }
    }

    @Test
    void a_changed_leaf_of_the_tree_is_found_at_its_position_and_its_proof_does_not_reach_the_signed_root() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            long position = ledger.positionOf("\"costId\":\"K-1\"");
            ledger.tamper(s -> {
                s.execute("ALTER TABLE audit_tree DISABLE TRIGGER USER");
                assertThat(s.executeUpdate("UPDATE audit_tree SET hash = sha256('forged'::bytea) WHERE level = 0 "
                        + "AND global_index = " + position)).isEqualTo(1);
                s.execute("ALTER TABLE audit_tree ENABLE TRIGGER USER");
            });

            JsonNode report = ledger.verify();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("chainValid").asBoolean()).isTrue();
            assertThat(report.get("treeValid").asBoolean()).isFalse();
            assertThat(report.get("firstInvalidPosition").asLong()).isEqualTo(position);
            assertThat(report.get("reason").asText()).isEqualTo("the stored tree's leaf differs from the event in the log "
                    + "(position " + position + ")");

            // the auditor's own check of the proof: the leaf it names is not the event's and does not reach the signed
            // root; the event itself, hashed by the auditor, still does (it was signed before the change)
            JsonNode proof = ledger.http.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=" + position).json();
            byte[] eventLeaf = ledger.leafOfEvent(position);
            byte[] root = HEX.parseHex(ledger.checkpoint.get("rootHash").asText());
            assertThat(proof.get("leafHash").asText()).isNotEqualTo(HEX.formatHex(eventLeaf));
            assertThat(ReferenceMerkle.rootFromInclusion(proof.get("leafIndex").asInt(), proof.get("treeSize").asInt(),
                    HEX.parseHex(proof.get("leafHash").asText()), MerkleLogTest.hashes(proof.get("auditPath")))).isNotEqualTo(root);
            assertThat(ReferenceMerkle.rootFromInclusion(proof.get("leafIndex").asInt(), proof.get("treeSize").asInt(),
                    eventLeaf, MerkleLogTest.hashes(proof.get("auditPath")))).isEqualTo(root);
        }
    }

    @Test
    void a_changed_node_of_the_tree_is_found_and_the_proofs_through_it_fail() throws SQLException {
        try (Ledger ledger = Ledger.recorded()) {
            ledger.tamper(s -> {
                s.execute("ALTER TABLE audit_tree DISABLE TRIGGER USER");
                assertThat(s.executeUpdate("UPDATE audit_tree SET hash = sha256('forged'::bytea) WHERE level = 1 "
                        + "AND node_index = 1")).isEqualTo(1);
                s.execute("ALTER TABLE audit_tree ENABLE TRIGGER USER");
            });

            JsonNode report = ledger.verify();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("chainValid").asBoolean()).isTrue();
            assertThat(report.get("treeValid").asBoolean()).isFalse();
            assertThat(report.get("reason").asText())
                    .isEqualTo("a stored tree node is not the hash of its children: level 1, index 1 (leaves 2 to 3)");

            // leaf 0's path takes the node: its proof no longer reaches the signed root; leaf 2's path does not take it
            long size = ledger.checkpoint.get("treeSize").asLong();
            byte[] root = HEX.parseHex(ledger.checkpoint.get("rootHash").asText());
            JsonNode through = ledger.http.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=" + ledger.positionOfLeaf(0)
                    + "&treeSize=" + size).json();
            assertThat(ReferenceMerkle.rootFromInclusion(0, (int) size, ledger.leafOfEvent(ledger.positionOfLeaf(0)),
                    MerkleLogTest.hashes(through.get("auditPath")))).isNotEqualTo(root);
            JsonNode beside = ledger.http.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=" + ledger.positionOfLeaf(2)
                    + "&treeSize=" + size).json();
            assertThat(ReferenceMerkle.rootFromInclusion(2, (int) size, ledger.leafOfEvent(ledger.positionOfLeaf(2)),
                    MerkleLogTest.hashes(beside.get("auditPath")))).isEqualTo(root);
        }
    }

    @Test
    void a_forged_checkpoint_signature_is_found() throws Exception {
        try (Ledger ledger = Ledger.recorded()) {
            String note = ledger.checkpoint.get("note").asText();
            String signature = note.substring(note.lastIndexOf(' ') + 1, note.length() - 1);
            byte[] forged = java.util.Base64.getDecoder().decode(signature);
            forged[30] ^= 1;
            String forgedNote = note.replace(signature, java.util.Base64.getEncoder().encodeToString(forged));
            long size = ledger.checkpoint.get("treeSize").asLong();
            ledger.tamper(s -> {
                s.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
                try (PreparedStatement update = s.getConnection().prepareStatement(
                        "UPDATE audit_checkpoint SET note = ? WHERE tree_size = ?")) {
                    update.setString(1, forgedNote);
                    update.setLong(2, size);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                s.execute("ALTER TABLE audit_checkpoint ENABLE TRIGGER USER");
            });

            JsonNode report = ledger.verify();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("chainValid").asBoolean()).isTrue();
            assertThat(report.get("treeValid").asBoolean()).isTrue();
            assertThat(report.get("checkpointsValid").asBoolean()).isFalse();
            assertThat(report.get("reason").asText()).isEqualTo("a kept checkpoint: the checkpoint's signature does not "
                    + "verify with the ledger's key (tree size " + size + ", root " + ledger.checkpoint.get("rootHash").asText() + ")");
            // and an auditor given the forged note finds it with the public key alone
            String publicKey = ledger.http.get(AUDITOR, "/api/v1/audit/public-key").body();
            JsonNode served = ledger.http.get(AUDITOR, "/api/v1/audit/checkpoint").json();
            assertThat(served.get("note").asText()).isEqualTo(forgedNote);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignedNote.open(forgedNote, publicKey))
                    .hasMessage("the checkpoint's signature does not verify with the ledger's key");
        }
    }

    /** What a forger who cannot sign does: drops the tree and the checkpoints, which the sealer makes again. */
    private static void forgetTreeAndCheckpoints(Statement s) throws SQLException {
        s.execute("ALTER TABLE audit_tree DISABLE TRIGGER USER");
        s.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER");
        s.execute("DELETE FROM audit_tree");
        s.execute("DELETE FROM audit_checkpoint");
        s.execute("ALTER TABLE audit_tree ENABLE TRIGGER USER");
        s.execute("ALTER TABLE audit_checkpoint ENABLE TRIGGER USER");
    }

    private static void assertInvalidAt(Ledger ledger, long position, JsonNode report) {
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("chainValid").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("firstInvalidPosition").asLong()).as(report.toString()).isEqualTo(position);
        assertThat(report.get("reason").asText()).isNotBlank();
        // everything before the tampered event was checked, and found as sealed
        assertThat(report.get("checkedEvents").asLong()).isEqualTo(ledger.sealedBefore(position));
    }

    /** Polls {@code GET /audit/digest} until the chain's head is {@code position}; at most 20 s. */
    static JsonNode awaitDigest(LedgerClient http, long position) {
        long deadline = System.currentTimeMillis() + 20_000;
        LedgerClient.Response last = null;
        while (System.currentTimeMillis() < deadline) {
            last = http.get(AUDITOR, "/api/v1/audit/digest");
            if (last.status() == 200 && last.json().get("position").asLong() == position) {
                JsonNode digest = last.json();
                assertThat(digest.get("hash").asText()).matches("[0-9a-f]{64}");
                assertThat(digest.hasNonNull("at")).isTrue();
                return digest;
            }
            assertThat(last.status()).as(last.toString()).isIn(200, 404);
            sleep(100);
        }
        throw new AssertionError("the chain did not reach position " + position + " in 20 s; last digest: " + last);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface Tampering {
        void on(Statement superuser) throws SQLException;
    }

    /** A ledger of its own: a fresh database, a node on it, ten or so events recorded and sealed, and the digest then. */
    private static final class Ledger implements AutoCloseable {

        final String url;
        final LedgerNode node;
        final LedgerClient http;
        JsonNode digest;
        JsonNode checkpoint;
        long gap = -1;

        private Ledger(String url, LedgerNode node) {
            this.url = url;
            this.node = node;
            this.http = node.client();
        }

        static Ledger recorded() throws SQLException {
            return recorded(false);
        }

        /** With {@code leaveGap}, a global position is used up between two commands and never filled (as by a rollback). */
        static Ledger recorded(boolean leaveGap, String... nodeArguments) throws SQLException {
            String url = TestDatabase.fresh();
            Ledger ledger = new Ledger(url, LedgerNode.start(url, nodeArguments));
            try {
                LedgerClient c = ledger.http;
                created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
                created(c.post(R, "/api/v1/contracts", contract("C-AUD", "DEMO-A", "LICENSE")));
                created(c.post(R, C + "/incomes", income("I-1", "500000.00", "2026-03-15")));
                if (leaveGap) {
                    try (Connection db = TestDatabase.connect(url); Statement s = db.createStatement();
                         ResultSet r = s.executeQuery("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")) {
                        r.next();
                        ledger.gap = r.getLong(1);
                    }
                }
                created(c.post(R, C + "/incomes", income("I-2", "300000.00", "2026-06-15")));
                created(c.post(R, C + "/costs", cost("K-1", "100000.00", "TAX")));
                // net 700000.00 at 70% → 490000.00
                created(c.post(R, C + "/reward-decisions", decision("D-1", "245000.00", "245000.00", "490000.00")));
                created(c.post(R, C + "/payments", payment("PAY-1", "P-1", "245000.00", "2026-04-20")));
                created(c.post(R, C + "/payments", payment("PAY-2", "P-2", "100000.00", "2026-04-21")));
                created(c.post(R, C + "/incomes", income("I-3", "20000.00", "2026-07-01")));
                created(c.post(R, C + "/amendments", body("amendmentId", "A-1", "totalAmount", "1300000.00",
                        "technologyAmount", "1100000.00", "reason", "supplement signed")));
                long last = ledger.lastPosition();
                assertThat(ledger.eventCount()).isGreaterThanOrEqualTo(10);
                ledger.digest = awaitDigest(c, last);
                ledger.checkpoint = MerkleLogTest.awaitCheckpoint(c, ledger.eventCount());
                JsonNode report = ledger.verify();
                assertThat(report.get("valid").asBoolean()).as("before tampering: " + report).isTrue();
                return ledger;
            } catch (RuntimeException | SQLException | Error e) {
                ledger.close();
                throw e;
            }
        }

        /** Does {@code tampering} as the database superuser, in one transaction, with the log's triggers off. */
        void tamper(Tampering tampering) throws SQLException {
            try (Connection c = TestDatabase.connect(url)) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
                    tampering.on(s);
                    s.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
                }
                c.commit();
            }
            try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid IN "
                         + "('domain_event_entry'::regclass, 'audit_chain'::regclass) AND NOT tgisinternal")) {
                Set<String> enabled = new HashSet<>();
                while (r.next()) {
                    assertThat(r.getString(2)).as("trigger %s enabled again", r.getString(1)).isEqualTo("O");
                    enabled.add(r.getString(1));
                }
                assertThat(enabled).contains("domain_event_entry_append_only", "domain_event_entry_no_truncate",
                        "audit_chain_append_only", "audit_chain_no_truncate");
            }
        }

        JsonNode verify() {
            LedgerClient.Response response = http.get(AUDITOR, "/api/v1/audit/verify");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }

        JsonNode verify(JsonNode digest) {
            return verify(digest.get("position").asLong(), digest.get("hash").asText());
        }

        JsonNode verify(long position, String hash) {
            LedgerClient.Response response = http.get(AUDITOR, "/api/v1/audit/verify?digestPosition=" + position
                    + "&digestHash=" + hash);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }

        JsonNode verifyCheckpoint(String note) {
            LedgerClient.Response response = http.get(AUDITOR, "/api/v1/audit/verify?checkpoint="
                    + java.net.URLEncoder.encode(note, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }

        /** The leaf hash of the event at {@code position} as the log holds it now. */
        byte[] leafOfEvent(long position) throws SQLException {
            try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT * FROM domain_event_entry WHERE global_index = " + position)) {
                assertThat(r.next()).isTrue();
                return ReferenceMerkle.leaf(ChainHash.canonical(LoggedEvent.read(r)));
            }
        }

        /** The position of the {@code index}th sealed event. */
        long positionOfLeaf(long index) throws SQLException {
            return query("SELECT global_index FROM audit_chain ORDER BY global_index OFFSET " + index + " LIMIT 1");
        }

        long positionOf(String payloadFragment) throws SQLException {
            try (Connection c = TestDatabase.connect(url);
                 PreparedStatement s = c.prepareStatement("SELECT global_index FROM domain_event_entry WHERE payload LIKE ?")) {
                s.setString(1, "%" + payloadFragment + "%");
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).as("an event with " + payloadFragment).isTrue();
                    long position = r.getLong(1);
                    assertThat(r.next()).as("only one event with " + payloadFragment).isFalse();
                    return position;
                }
            }
        }

        long lastPosition() throws SQLException {
            return query("SELECT max(global_index) FROM domain_event_entry");
        }

        long eventCount() throws SQLException {
            return query("SELECT count(*) FROM domain_event_entry");
        }

        /** How many sealed positions come before {@code position}. */
        long sealedBefore(long position) {
            try {
                return query("SELECT count(*) FROM audit_chain WHERE global_index < " + position);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private long query(String sql) throws SQLException {
            try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
                return count(s, sql);
            }
        }

        @Override
        public void close() {
            node.close();
        }
    }
}
