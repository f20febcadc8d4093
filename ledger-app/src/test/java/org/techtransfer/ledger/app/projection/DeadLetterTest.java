package org.techtransfer.ledger.app.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * An event a read model cannot take waits in the dead-letter queue, with the later events of its contract,
 * and the read model goes on with every other contract (V4__read_models.sql, ProjectionConfiguration).
 * <p>
 * The API refuses such an event, so the test writes it into the log directly (inserts are what the
 * append-only log allows): an income received in year 999,999,999, whose {@code dueBy} (36 months later)
 * is beyond {@code LocalDate.MAX}, so the obligations handler fails on it.
 */
class DeadLetterTest {

    private static final String PROJECTIONS = "/api/v1/admin/projections";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String url;
    private static LedgerNode node;
    private static LedgerClient c;

    @BeforeAll
    static void start() {
        url = TestDatabase.fresh();
        node = LedgerNode.start(url);
        c = node.client();
        created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void an_event_a_handler_cannot_take_is_dead_lettered_and_the_read_model_goes_on() {
        created(c.post("recorder-a", "/api/v1/contracts", contract("DL-1", "DEMO-A", "LICENSE")));
        appendDirectly("DL-1", 1, "org.techtransfer.ledger.contract.IncomeRecorded", "{\"contractId\":\"DL-1\","
                + "\"incomeId\":\"I-1\",\"amount\":\"100.00\",\"receivedOn\":\"+999999999-12-31\",\"category\":\"ROYALTY\"}");

        JsonNode obligations = awaitModel("reward-obligations", m -> m.get("deadLetters").asLong() >= 1);
        assertThat(obligations.get("deadLetters").asLong()).isEqualTo(1);

        // the processor goes on: another contract's events are handled, a query at their position answers
        created(c.post("recorder-a", "/api/v1/contracts", contract("DL-2", "DEMO-A", "LICENSE")));
        long position = created(c.post("recorder-a", "/api/v1/contracts/DL-2/incomes", body("incomeId", "I-1",
                "amount", "100.00", "receivedOn", "2026-03-02", "category", "ROYALTY"))).get("position").asLong();
        LedgerClient.Response rows = c.get("finance", "/api/v1/rewards/obligations?position=" + position);
        assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
        Map<String, JsonNode> byId = byId(rows.json());
        assertThat(byId.get("DL-2").get("requiredReward").asText()).isEqualTo("70.00");
        assertThat(byId.get("DL-2").get("status").asText()).isEqualTo("OUTSTANDING");

        // the contract's later events wait behind the dead letter: its row stays as before it, one sequence queued
        long later = created(c.post("recorder-a", "/api/v1/contracts/DL-1/costs", body("costId", "K-1",
                "amount", "10.00", "incurredOn", "2026-03-05", "category", "TAX"))).get("position").asLong();
        rows = c.get("finance", "/api/v1/rewards/obligations?position=" + later);
        assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
        JsonNode dl1 = byId(rows.json()).get("DL-1");
        assertThat(dl1.get("netIncome").asText()).isEqualTo("0.00");
        assertThat(dl1.get("requiredReward").asText()).isEqualTo("0.00");
        obligations = awaitModel("reward-obligations", m -> m.get("caughtUp").asBoolean()
                && m.get("position").asLong() >= later);
        assertThat(obligations.get("deadLetters").asLong()).isEqualTo(1);

        // the other read models took the same events without trouble
        JsonNode payouts = awaitModel("payouts", m -> m.get("caughtUp").asBoolean() && m.get("position").asLong() >= later);
        assertThat(payouts.get("deadLetters").asLong()).isZero();
    }

    @Test
    void a_row_the_database_refuses_is_dead_lettered_and_no_read_model_is_held_up() {
        created(c.post("recorder-a", "/api/v1/contracts", contract("DL-3", "DEMO-A", "LICENSE")));
        // a payment id longer than the payouts' item_id column (100): the handler takes it, the batch's write of
        // its row fails; the batch is tried again writing carefully, and only that row's event is dead-lettered
        String longId = "P-" + "x".repeat(150);
        appendDirectly("DL-3", 1, "org.techtransfer.ledger.reward.RewardPaid", "{\"contractId\":\"DL-3\","
                + "\"paymentId\":\"" + longId + "\",\"personId\":\"zhang-wei\",\"amount\":\"10.00\","
                + "\"paidOn\":\"2026-03-02\",\"reference\":null}");

        created(c.post("recorder-a", "/api/v1/contracts", contract("DL-4", "DEMO-A", "LICENSE")));
        long later = created(c.post("recorder-a", "/api/v1/contracts/DL-4/incomes", body("incomeId", "I-1",
                "amount", "100.00", "receivedOn", "2026-03-02", "category", "ROYALTY"))).get("position").asLong();

        JsonNode payouts = awaitModel("payouts", m -> m.get("caughtUp").asBoolean() && m.get("position").asLong() >= later);
        assertThat(payouts.get("deadLetters").asLong()).isEqualTo(1);
        // every other read model took the event and went on
        for (String name : List.of("contract-catalog", "contract-volumes", "receivables", "co-owner-obligations")) {
            JsonNode model = awaitModel(name, m -> m.get("caughtUp").asBoolean() && m.get("position").asLong() >= later);
            assertThat(model.get("deadLetters").asLong()).as(name).isZero();
        }
        LedgerClient.Response rows = c.get("finance", "/api/v1/rewards/obligations?position=" + later);
        assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
        assertThat(byId(rows.json()).get("DL-4").get("requiredReward").asText()).isEqualTo("70.00");
    }

    // ---- helpers ----

    private static void appendDirectly(String aggregate, long sequence, String payloadType, String payload) {
        try (Connection connection = TestDatabase.connect(url);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                     + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data) "
                     + "VALUES (?, ?, ?, 'TechnologyContract', ?, ?, ?, '{\"actor\":\"test\"}')")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, Instant.now().toString());
            insert.setString(5, payloadType);
            insert.setString(6, payload);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code GET /admin/projections} until the read model {@code name} satisfies {@code condition}. */
    private static JsonNode awaitModel(String name, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode model = null;
        while (System.nanoTime() < deadline) {
            LedgerClient.Response response = c.get("auditor", PROJECTIONS);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            for (JsonNode m : response.json()) {
                if (m.get("name").asText().equals(name)) {
                    model = m;
                }
            }
            if (model != null && condition.test(model)) {
                return model;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("read model " + name + " did not get there within " + WAIT + ": " + model);
    }

    private static Map<String, JsonNode> byId(JsonNode rows) {
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.get("contractId").asText(), r));
        return byId;
    }

    private static JsonNode created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
