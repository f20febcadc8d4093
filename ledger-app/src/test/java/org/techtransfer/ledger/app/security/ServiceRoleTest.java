package org.techtransfer.ledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 7, security: with the migrations run by the owner of the tables ({@code ledger.db.migration-user})
 * and the service connected as a role of its own, the service records, projects and seals as usual,
 * but its role cannot rewrite the event log or the audit chain, nor switch off their triggers.
 */
class ServiceRoleTest {

    private static final String SERVICE_ROLE = "ledger_test_service";
    private static final List<String> FORBIDDEN = List.of(
            "UPDATE domain_event_entry SET payload = payload",
            "DELETE FROM domain_event_entry",
            "TRUNCATE domain_event_entry",
            "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL",
            "DROP TRIGGER domain_event_entry_append_only ON domain_event_entry",
            "ALTER TABLE domain_event_entry OWNER TO " + SERVICE_ROLE,
            "DROP TABLE domain_event_entry",
            "UPDATE audit_chain SET hash = hash",
            "DELETE FROM audit_chain",
            "TRUNCATE audit_chain",
            "ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_append_only",
            "UPDATE command_log SET version = version",
            "DELETE FROM command_log",
            "DROP FUNCTION refuse_event_change() CASCADE");

    @Test
    void the_service_role_appends_to_the_log_but_cannot_change_it() throws Exception {
        String url = TestDatabase.fresh();
        String owner;
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            owner = c.getMetaData().getUserName();
            // roles belong to the server, not to the test's database: made once, kept
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + SERVICE_ROLE + "') THEN "
                    + "CREATE ROLE " + SERVICE_ROLE + " LOGIN; END IF; END $$");
        }
        String bare = TestDatabase.withoutCredentials(url);

        // given the service on its own role, the owner running the migrations
        try (LedgerNode node = LedgerNode.start(bare, "--ledger.db.user=" + SERVICE_ROLE, "--ledger.db.migration-user=" + owner)) {
            LedgerClient client = node.client();
            assertThat(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
            assertThat(client.post("recorder-a", "/api/v1/contracts", Deals.contract("C-ROLE", "DEMO-A", "LICENSE")).status()).isEqualTo(201);
            LedgerClient.Response income = client.post("recorder-a", "/api/v1/contracts/C-ROLE/incomes",
                    Deals.income("I-1", "1000.00", "2026-03-15"));
            assertThat(income.status()).as(income.toString()).isEqualTo(201);
            long position = income.json().get("position").asLong();
            ReadModels.awaitCaughtUp(client, position);
            awaitSealed(client, position);

            try (Connection service = DriverManager.getConnection(bare, SERVICE_ROLE, "")) {
                assertThat(service.getMetaData().getUserName()).isEqualTo(SERVICE_ROLE);
                long events = count(service, "SELECT count(*) FROM domain_event_entry");
                // when it tries to change what is recorded, then PostgreSQL refuses for lack of privilege
                for (String sql : FORBIDDEN) {
                    assertThatThrownBy(() -> execute(service, sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("42501"));
                }
                assertThat(count(service, "SELECT count(*) FROM domain_event_entry")).isEqualTo(events);
                assertThat(count(service, "SELECT count(*) FROM pg_tables WHERE tableowner = current_user")).as("tables it owns").isZero();
            }
            JsonNode verify = client.get("auditor", "/api/v1/audit/verify").json();
            assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        }
    }

    private static void awaitSealed(LedgerClient client, long position) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (client.get("auditor", "/api/v1/audit/digest").json().path("position").asLong() < position) {
            assertThat(System.nanoTime()).as("audit chain sealed up to " + position).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
