package org.techtransfer.ledger.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.equity;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;

/** A contract's whole life recorded, the service stopped and started again on the same database: nothing changes. */
class ContractLifeAcrossRestartTest {

    private static final String R = "recorder-a";

    @ParameterizedTest(name = "snapshot every {0} events")
    @ValueSource(ints = {500, 4})
    void a_contract_reloads_to_the_same_state_after_a_restart(int snapshotEvery) throws SQLException, InterruptedException {
        String url = TestDatabase.fresh();
        String snapshots = "--ledger.contracts.snapshot-every=" + snapshotEvery;
        JsonNode before;
        JsonNode eventsBefore;
        try (LedgerNode node = LedgerNode.start(url, snapshots)) {
            LedgerClient c = node.client();
            created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
            created(c.post(R, "/api/v1/contracts", contract("C-LIFE", "DEMO-A", "EQUITY_INVESTMENT")));
            String base = "/api/v1/contracts/C-LIFE";
            created(c.post(R, base + "/incomes", income("I-1", "500000.00", "2026-03-15")));
            created(c.post(R, base + "/incomes", income("I-2", "300000.00", "2026-06-15")));
            created(c.post(R, base + "/costs", cost("K-1", "100000.00", "TAX")));
            created(c.post(R, base + "/equity", equity("E-1", 1001)));
            // net 700000.00 at 70% → 490000.00
            created(c.post(R, base + "/reward-decisions", decision("D-1", "245000.00", "245000.00", "490000.00")));
            created(c.post(R, base + "/equity-rewards", body("decisionId", "ED-1", "decidedOn", "2026-04-02",
                    "totalShares", 701, "allocations", List.of(body("personId", "P-1", "shares", 701)))));
            created(c.post(R, base + "/reward-decisions", body("decisionId", "D-L", "decidedOn", "2026-04-03",
                    "total", "1000.00", "allocations", List.of(body("personId", "P-1", "amount", "500.00"),
                            body("personId", "P-L", "amount", "500.00")))));
            created(c.post(R, base + "/publicity", body("noticeId", "N-1", "decisionId", "D-L",
                    "from", "2026-04-03", "to", "2026-04-10")));
            created(c.post(R, base + "/payments", payment("PAY-1", "P-1", "245000.00", "2026-04-20")));
            created(c.post(R, base + "/payments", payment("PAY-L", "P-L", "500.00", "2026-04-20")));
            created(c.post(R, base + "/payments", payment("PAY-X", "P-2", "1000.00", "2026-04-20")));
            created(c.post(R, base + "/reversals", body("reversalId", "REV-1", "entryId", "PAY-X", "reason", "wrong account")));
            created(c.post(R, base + "/amendments", body("amendmentId", "A-1", "totalAmount", "1300000.00",
                    "technologyAmount", "1100000.00", "reason", "supplement signed")));
            created(c.post(R, base + "/termination", body("terminatedOn", "2026-09-30", "reason", "licensee insolvent")));

            before = c.get("auditor", base).json();
            eventsBefore = c.get("auditor", base + "/events").json();
            assertThat(before.get("version").asLong()).isEqualTo(14);
            assertThat(before.get("income").asText()).isEqualTo("800000.00");
            assertThat(before.get("netIncome").asText()).isEqualTo("700000.00");
            assertThat(before.get("requiredReward").asText()).isEqualTo("490000.00");
            assertThat(before.get("rewardDecided").asText()).isEqualTo("491000.00");
            assertThat(before.get("rewardPaid").asText()).isEqualTo("245500.00");
            assertThat(before.get("rewardStatus").asText()).isEqualTo("OUTSTANDING");
            assertThat(before.get("dueBy").asText()).isEqualTo("2029-03-15");
            assertThat(before.get("requiredShares").asLong()).isEqualTo(701);
            assertThat(before.get("sharesAllocated").asLong()).isEqualTo(701);
            assertThat(before.get("totalAmount").asText()).isEqualTo("1300000.00");
            assertThat(before.get("terminated").asBoolean()).isTrue();
        }
        try (LedgerNode node = LedgerNode.start(url, snapshots)) {
            LedgerClient c = node.client();
            // with a snapshot every 4 events, the contract is read from its snapshot at version 11 and 3 events
            List<Long> stored = snapshotEvery == 4 ? List.of(11L) : List.of();
            assertThat(snapshotsOnceSettled(node.bean(JdbcTemplate.class), stored)).isEqualTo(stored);
            assertThat(c.get("auditor", "/api/v1/contracts/C-LIFE").json()).isEqualTo(before);
            JsonNode asOf = c.get("auditor", "/api/v1/contracts/C-LIFE?asOf=2099-01-01T00:00:00Z").json();
            assertThat(asOf.get("version")).isEqualTo(before.get("version"));
            assertThat(asOf.get("requiredReward")).isEqualTo(before.get("requiredReward"));
            assertThat(c.get("auditor", "/api/v1/contracts/C-LIFE/events").json()).isEqualTo(eventsBefore);
            // and the restarted service still knows every id and registration number
            assertThat(c.post(R, "/api/v1/contracts/C-LIFE/payments", payment("PAY-1", "P-1", "245000.00", "2026-04-20")).status())
                    .isEqualTo(200);
            LedgerClient.Response duplicate = c.post(R, "/api/v1/contracts",
                    body("contractId", "C-OTHER", "registrationNumber", "REG-C-LIFE", "kind", "LICENSE",
                            "sellerInstitutionId", "DEMO-A",
                            "buyer", body("name", "Buyer", "type", "ENTERPRISE", "regionCode", "110105"),
                            "technologyField", "new materials", "totalAmount", "10.00", "technologyAmount", "10.00",
                            "signedOn", "2026-05-01", "contributors", List.of(body("personId", "P-9", "name", "N",
                                    "principal", true, "leadership", false))));
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.json().get("code").asText()).isEqualTo("DUPLICATE_REGISTRATION_NUMBER");
            // the contract the aggregate loads (from its snapshot, or its events) knows it was terminated
            LedgerClient.Response late = c.post(R, "/api/v1/contracts/C-LIFE/incomes", income("I-3", "1.00", "2026-10-01"));
            assertThat(late.status()).isEqualTo(422);
            assertThat(late.json().get("code").asText()).isEqualTo("CONTRACT_TERMINATED");
            // and goes on from where it stood: version 15, whose snapshot replaces the one at 11
            created(c.post(R, "/api/v1/contracts/C-LIFE/reversals", body("reversalId", "REV-2", "entryId", "PAY-L",
                    "reason", "paid twice")));
            assertThat(c.get("auditor", "/api/v1/contracts/C-LIFE").json().get("rewardPaid").asText()).isEqualTo("245000.00");
            // (the lane stores it after it has answered)
            List<Long> expected = snapshotEvery == 4 ? List.of(15L) : List.of();
            assertThat(snapshotsOnceSettled(node.bean(JdbcTemplate.class), expected)).isEqualTo(expected);
            assertThat(node.bean(MeterRegistry.class).get("ledger.contracts.snapshots").tag("outcome", "failed")
                    .counter().count()).isZero();
        }
        // a snapshot of another form (here an older revision, unreadable as today's) is passed over: the events are read
        try (Connection db = TestDatabase.connect(url); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE snapshot_event_entry SET payload_revision = '0', payload = '{\"form\":\"old\"}'");
        }
        try (LedgerNode node = LedgerNode.start(url, snapshots)) {
            JsonNode after = node.client().get("auditor", "/api/v1/contracts/C-LIFE").json();
            assertThat(after.get("version").asLong()).isEqualTo(15);
            assertThat(after.get("rewardPaid").asText()).isEqualTo("245000.00");
            assertThat(after.get("requiredReward")).isEqualTo(before.get("requiredReward"));
        }
    }

    /** The contract's snapshots, read until they are {@code expected} or 10 s have passed. */
    private static List<Long> snapshotsOnceSettled(JdbcTemplate jdbc, List<Long> expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Long> found;
        do {
            found = jdbc.queryForList(
                    "SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = 'C-LIFE'", Long.class);
            if (found.equals(expected)) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return found;
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
