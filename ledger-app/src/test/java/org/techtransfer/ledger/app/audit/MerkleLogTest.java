package org.techtransfer.ledger.app.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The Merkle tree the sealer grows in PostgreSQL, against the tree computed from the log by {@link ReferenceMerkle}:
 * every stored node, every root, every proof of the stored tree; the signed checkpoint, its signature checked here
 * with the JDK alone, and the proofs the API gives against it; and a tree built afterwards for a chain sealed
 * without one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerkleLogTest {

    private static final String R = "recorder-a";
    private static final String AUDITOR = "auditor";
    private static final HexFormat HEX = HexFormat.of();

    private static String url;
    private static LedgerNode node;
    private static JdbcTemplate jdbc;
    private static Path dataDir;

    @BeforeAll
    static void record() throws IOException {
        url = TestDatabase.fresh();
        dataDir = Files.createTempDirectory("ledger-merkle");
        node = LedgerNode.start(url, "--ledger.audit.batch-size=3", "--ledger.db.data-dir=" + dataDir);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
        LedgerClient c = node.client();
        created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        created(c.post(R, "/api/v1/contracts", contract("C-TREE", "DEMO-A", "LICENSE")));
        for (int i = 1; i <= 9; i++) {
            created(c.post(R, "/api/v1/contracts/C-TREE/incomes", income("I-" + i, i + "0000.00", "2026-03-1" + i % 10)));
        }
        created(c.post(R, "/api/v1/contracts/C-TREE/costs", cost("K-1", "1000.00", "TAX")));
        awaitTree(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void the_stored_tree_is_the_tree_of_the_log_and_every_proof_of_it_holds() {
        List<byte[]> leaves = leavesOfTheLog();
        assertThat(leaves).hasSizeGreaterThanOrEqualTo(12);
        assertStoredTreeIs(leaves);
    }

    @Test
    @Order(2)
    void the_checkpoint_is_signed_by_the_public_key_and_the_proofs_against_it_hold() throws Exception {
        List<byte[]> leaves = leavesOfTheLog();
        LedgerClient c = node.client();
        JsonNode checkpoint = awaitCheckpoint(c, leaves.size());
        String publicKey = c.get(AUDITOR, "/api/v1/audit/public-key").body().strip();
        String note = checkpoint.get("note").asText();
        assertThat(note).startsWith("localhost/technology-transfer-ledger\n" + leaves.size() + "\n");
        // the signature, checked here without the production code: RFC 8032 Ed25519 over the note's text
        String[] key = publicKey.split("\\+", 3);
        assertThat(key[0]).isEqualTo("localhost/technology-transfer-ledger");
        byte[] typed = Base64.getDecoder().decode(key[2]);
        assertThat(typed[0]).isEqualTo((byte) 1);
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        assertThat(key[1]).isEqualTo(HEX.formatHex(Arrays.copyOf(ReferenceMerkle.sha256(
                (key[0] + "\n").getBytes(StandardCharsets.UTF_8), new byte[]{1}, raw), 4)));
        String text = note.substring(0, note.indexOf("\n\n") + 1);
        String[] signatureLine = note.substring(note.indexOf("\n\n") + 2).strip().split(" ");
        assertThat(signatureLine[0]).isEqualTo("\u2014");
        assertThat(signatureLine[1]).isEqualTo(key[0]);
        byte[] signed = Base64.getDecoder().decode(signatureLine[2]);
        assertThat(Arrays.copyOf(signed, 4)).isEqualTo(HEX.parseHex(key[1]));
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                concat(HEX.parseHex("302a300506032b6570032100"), raw))));
        ed.update(text.getBytes(StandardCharsets.UTF_8));
        assertThat(ed.verify(Arrays.copyOfRange(signed, 4, signed.length))).isTrue();

        int size = checkpoint.get("treeSize").asInt();
        byte[] root = ReferenceMerkle.mth(leaves.subList(0, size));
        assertThat(checkpoint.get("rootHash").asText()).isEqualTo(HEX.formatHex(root));
        assertThat(text.split("\n")[2]).isEqualTo(Base64.getEncoder().encodeToString(root));
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM audit_chain ORDER BY global_index", Long.class);
        assertThat(checkpoint.get("position").asLong()).isEqualTo(positions.get(size - 1));

        for (int m = 0; m < size; m++) {
            JsonNode proof = c.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=" + positions.get(m)).json();
            assertThat(proof.get("leafIndex").asInt()).isEqualTo(m);
            assertThat(proof.get("treeSize").asInt()).isEqualTo(size);
            assertThat(proof.get("leafHash").asText()).isEqualTo(HEX.formatHex(leaves.get(m)));
            assertThat(ReferenceMerkle.rootFromInclusion(m, size, leaves.get(m), hashes(proof.get("auditPath"))))
                    .as("leaf %d", m).isEqualTo(root);
            JsonNode smaller = c.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=" + positions.get(m)
                    + "&treeSize=" + (m + 1)).json();
            assertThat(ReferenceMerkle.rootFromInclusion(m, m + 1, leaves.get(m), hashes(smaller.get("auditPath"))))
                    .isEqualTo(ReferenceMerkle.mth(leaves.subList(0, m + 1)));
        }
        for (int m = 1; m <= size; m++) {
            JsonNode proof = c.get(AUDITOR, "/api/v1/audit/proof/consistency?from=" + m + "&to=" + size).json();
            assertThat(proof.get("from").asInt()).isEqualTo(m);
            assertThat(proof.get("to").asInt()).isEqualTo(size);
            assertThat(ReferenceMerkle.consistent(m, size, ReferenceMerkle.mth(leaves.subList(0, m)), root,
                    hashes(proof.get("path")))).as("from %d", m).isTrue();
        }

        assertThat(c.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=999999").status()).isEqualTo(404);
        assertThat(c.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=" + positions.get(3) + "&treeSize=3").status())
                .isEqualTo(400);
        assertThat(c.get(AUDITOR, "/api/v1/audit/proof/inclusion?position=" + positions.get(0) + "&treeSize=" + (size + 1000))
                .status()).isEqualTo(400);
        assertThat(c.get(AUDITOR, "/api/v1/audit/proof/consistency?from=0&to=" + size).status()).isEqualTo(400);
        assertThat(c.get(AUDITOR, "/api/v1/audit/proof/consistency?from=3&to=2").status()).isEqualTo(400);
        assertThat(c.get(R, "/api/v1/audit/checkpoint").status()).isEqualTo(403);

        // the default key: made in the data directory, for its owner only
        Path keyFile = dataDir.resolve(AuditKey.DEFAULT_FILE);
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    @Order(3)
    void a_chain_sealed_without_a_tree_gets_its_tree_built() throws SQLException {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_tree DISABLE TRIGGER USER");
            s.execute("DELETE FROM audit_tree");
            s.execute("ALTER TABLE audit_tree ENABLE TRIGGER USER");
        }
        created(node.client().post(R, "/api/v1/contracts/C-TREE/costs", cost("K-2", "500.00", "TAX")));
        awaitTree(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        assertStoredTreeIs(leavesOfTheLog());
    }

    private static void assertStoredTreeIs(List<byte[]> leaves) {
        int n = leaves.size();
        TreeStore tree = new TreeStore(jdbc);
        assertThat(tree.size()).isEqualTo(n);
        // exactly the complete subtrees, each as the definition computes it
        long stored = jdbc.queryForObject("SELECT count(*) FROM audit_tree", Long.class);
        long expected = 0;
        for (int level = 0; (1 << level) <= n; level++) {
            for (int index = 0; (index + 1) << level <= n; index++) {
                byte[] hash = jdbc.queryForObject("SELECT hash FROM audit_tree WHERE level = ? AND node_index = ?",
                        byte[].class, level, index);
                assertThat(hash).as("node %d/%d", level, index)
                        .isEqualTo(ReferenceMerkle.mth(leaves.subList(index << level, (index + 1) << level)));
                expected++;
            }
        }
        assertThat(stored).isEqualTo(expected);
        for (int size = 1; size <= n; size++) {
            byte[] root = ReferenceMerkle.mth(leaves.subList(0, size));
            assertThat(tree.root(size)).isEqualTo(root);
            for (int m = 0; m < size; m++) {
                assertThat(ReferenceMerkle.rootFromInclusion(m, size, leaves.get(m), tree.inclusion(m, size))).isEqualTo(root);
            }
            for (int m = 1; m <= size; m++) {
                assertThat(ReferenceMerkle.consistent(m, size, ReferenceMerkle.mth(leaves.subList(0, m)), root,
                        tree.consistency(m, size).path())).as("from %d to %d", m, size).isTrue();
            }
            assertThat(tree.consistency(1, n + 1).path()).as("beyond the stored tree").isNull();
        }
        // the one-query proof by position reads a superset of the nodes (the leaf's ancestors' siblings and the
        // size's complete subtrees): the same path for every leaf and size, and none beyond the tree
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM audit_tree WHERE level = 0 ORDER BY node_index", Long.class);
        for (int size = 1; size <= n; size++) {
            for (int m = 0; m < size; m++) {
                TreeStore.Inclusion proof = tree.inclusionAt(positions.get(m), (long) size);
                assertThat(proof.leaf().index()).isEqualTo(m);
                assertThat(proof.leaf().hash()).isEqualTo(leaves.get(m));
                assertThat(proof.storedSize()).isEqualTo(n);
                assertThat(proof.path()).as("leaf %d of %d", m, size).containsExactlyElementsOf(tree.inclusion(m, size));
            }
        }
        assertThat(tree.inclusionAt(positions.get(n - 1), (long) n - 1).path()).as("a size that leaves the leaf out").isNull();
        assertThat(tree.inclusionAt(positions.get(0), (long) n + 1).path()).as("beyond the stored tree").isNull();
        assertThat(tree.inclusionAt(-1, (long) n).leaf()).as("no event there").isNull();
    }

    /** The leaf hashes of the sealed events, computed from the log's rows. */
    static List<byte[]> leavesOfTheLog() {
        return jdbc.query("SELECT e.* FROM domain_event_entry e JOIN audit_chain c ON c.global_index = e.global_index "
                + "ORDER BY e.global_index", (rs, i) -> ReferenceMerkle.leaf(ChainHash.canonical(LoggedEvent.read(rs))));
    }

    /** Polls {@code GET /audit/checkpoint} until it covers {@code leaves}; at most 20 s. */
    static JsonNode awaitCheckpoint(LedgerClient c, long leaves) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            LedgerClient.Response response = c.get(AUDITOR, "/api/v1/audit/checkpoint");
            if (response.status() == 200 && response.json().get("treeSize").asLong() >= leaves) {
                return response.json();
            }
            assertThat(response.status()).as(response.toString()).isIn(200, 404);
            assertThat(System.currentTimeMillis()).as("a checkpoint of %d leaves in 20 s", leaves).isLessThan(deadline);
            sleep(100);
        }
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(HEX.parseHex(h.asText())));
        return hashes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTree(long leaves) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.queryForObject("SELECT count(*) FROM audit_tree WHERE level = 0", Long.class) < leaves) {
            assertThat(System.currentTimeMillis()).as("the tree reaches %d leaves in 20 s", leaves).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
