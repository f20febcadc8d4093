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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The Merkle tree the sealer grows in PostgreSQL, against the tree computed from the log by {@link ReferenceMerkle}:
 * every stored node, every root, every proof of the stored tree; and a tree built afterwards for a chain sealed
 * without one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerkleLogTest {

    private static final String R = "recorder-a";

    private static String url;
    private static LedgerNode node;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void record() {
        url = TestDatabase.fresh();
        node = LedgerNode.start(url, "--ledger.audit.batch-size=3");
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
                        tree.consistency(m, size))).as("from %d to %d", m, size).isTrue();
            }
        }
    }

    /** The leaf hashes of the sealed events, computed from the log's rows. */
    static List<byte[]> leavesOfTheLog() {
        return jdbc.query("SELECT e.* FROM domain_event_entry e JOIN audit_chain c ON c.global_index = e.global_index "
                + "ORDER BY e.global_index", (rs, i) -> ReferenceMerkle.leaf(ChainHash.canonical(LoggedEvent.read(rs))));
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
