package org.techtransfer.ledger.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.equity;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;
import static org.techtransfer.ledger.app.support.Deals.person;

/**
 * Issue 15 over HTTP: the new endpoints ({@code /contributors}, {@code /withdrawals}), the new refusals with
 * their codes, unknown fields refused with 400 naming them, and share obligations beside cash. Every refusal
 * leaves the contract as it was.
 */
class CorrectionsHttpTest {

    private static final String API = "/api/v1";
    private static final String R = "recorder-a";

    private static LedgerNode node;
    private static LedgerClient client;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        client = node.client();
        created(client.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_contract_without_a_principal_contributor_is_refused_and_not_registered() {
        Map<String, Object> none = contract("C-NOP", "DEMO-A", "LICENSE");
        none.put("contributors", List.of(person("P-2", false, false), person("P-L", false, true)));
        rule(client.post(R, API + "/contracts", none), "NO_PRINCIPAL_CONTRIBUTOR");
        assertThat(client.get("admin", API + "/contracts/C-NOP").status()).isEqualTo(404);
    }

    @Test
    void unknown_fields_are_refused_naming_the_field_and_documented_bodies_pass() {
        String c = register("C-UNK");
        // the case of the issue: an amendment carrying contributors was answered 201 and the list ignored
        JsonNode problem = field(post(c, "amendments", body("amendmentId", "A-1", "totalAmount", "1300000.00",
                "technologyAmount", "1000000.00", "reason", "new people",
                "contributors", List.of(person("P-9", true, false)))), "contributors");
        assertThat(problem.path("detail").asText()).isEqualTo("contributors: not a field of this command");
        field(post(c, "incomes", body("incomeId", "I-1", "amount", "1.00", "receivedOn", "2026-03-15",
                "category", "ROYALTY", "recievedOn", "2026-03-15")), "recievedOn");
        Map<String, Object> nested = contract("C-UNK-2", "DEMO-A", "LICENSE");
        nested.put("buyer", body("name", "X Co.", "type", "ENTERPRISE", "regionCode", "110116", "country", "CN"));
        field(client.post(R, API + "/contracts", nested), "buyer.country");
        assertThat(client.get("admin", API + "/contracts/" + c).json().path("version").asLong()).isZero();

        // the documented bodies (docs/api.md), optional fields included, still pass
        Map<String, Object> own = institution("DEMO-OWN", "NATIONAL");
        own.put("rewardRate", new BigDecimal("0.8"));
        own.put("paymentDeadlineMonths", 12);
        created(client.post("admin", API + "/institutions", own));
        Map<String, Object> full = contract("C-DOC", "DEMO-A", "LICENSE");
        full.put("licenseScope", "NON_EXCLUSIVE");
        full.put("achievements", List.of("ZL202010000001.1"));
        created(client.post(R, API + "/contracts", full));
        created(post("C-DOC", "amendments", body("amendmentId", "A-1", "totalAmount", "1300000.00",
                "technologyAmount", "1000000.00", "reason", "renegotiated")));
        created(post("C-DOC", "termination", body("terminatedOn", "2026-09-30", "reason", "ended")));
    }

    @Test
    void contributors_are_changed_with_a_reason_keeping_whoever_was_allocated() {
        String c = register("C-CON");
        created(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        created(post(c, "reward-decisions", decision("D-1", "350.00", "350.00", "700.00")));

        // P-L may go (nothing allocated), P-2 may not, and someone must stay principal
        rule(post(c, "contributors", body("changeId", "CH-1", "reason", "P-2 left the project",
                "contributors", List.of(person("P-1", true, false)))), "ALLOCATED_CONTRIBUTOR_REMOVED");
        rule(post(c, "contributors", body("changeId", "CH-1", "reason", "nobody leads",
                "contributors", List.of(person("P-1", false, false), person("P-2", false, false)))),
                "NO_PRINCIPAL_CONTRIBUTOR");
        // P-1 losing the principal mark would leave D-1 with 0.00 of 700.00 to principals
        rule(post(c, "contributors", body("changeId", "CH-1", "reason", "marks corrected",
                "contributors", List.of(person("P-1", false, false), person("P-2", false, false),
                        person("P-3", true, false)))), "DEMOTION_BREAKS_PRINCIPAL_SHARE");

        created(post(c, "contributors", body("changeId", "CH-1", "reason", "P-3 was forgotten, P-L left",
                "contributors", List.of(person("P-1", true, false), person("P-2", false, false),
                        person("P-3", false, false)))));
        JsonNode contract = client.get("admin", API + "/contracts/" + c).json();
        assertThat(contract.path("contributors").findValuesAsText("personId")).containsExactly("P-1", "P-2", "P-3");
        rule(post(c, "reward-decisions", body("decisionId", "D-2", "decidedOn", "2026-04-02", "total", "2.00",
                "allocations", List.of(body("personId", "P-1", "amount", "1.00"),
                        body("personId", "P-L", "amount", "1.00")))), "NOT_A_CONTRIBUTOR");
        created(post(c, "reward-decisions", body("decisionId", "D-2", "decidedOn", "2026-04-02", "total", "2.00",
                "allocations", List.of(body("personId", "P-1", "amount", "1.00"),
                        body("personId", "P-3", "amount", "1.00")))));
    }

    @Test
    void a_decision_is_withdrawn_while_unpaid_and_every_figure_follows() {
        String c = register("C-WD");
        created(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        created(post(c, "reward-decisions", decision("D-1", "400.00", "300.00", "700.00")));
        created(post(c, "payments", payment("PAY-1", "P-2", "300.00", "2026-04-20")));
        rule(post(c, "withdrawals", body("withdrawalId", "W-1", "decisionId", "D-1", "reason", "wrong split")),
                "DECISION_PAID");
        rule(post(c, "withdrawals", body("withdrawalId", "W-1", "decisionId", "I-1", "reason", "not a decision")),
                "UNKNOWN_ENTRY");

        created(post(c, "reversals", body("reversalId", "R-1", "entryId", "PAY-1", "reason", "bounced")));
        long position = created(post(c, "withdrawals", body("withdrawalId", "W-1", "decisionId", "D-1",
                "reason", "wrong split"))).path("position").asLong();
        rule(post(c, "withdrawals", body("withdrawalId", "W-2", "decisionId", "D-1", "reason", "again")),
                "ALREADY_WITHDRAWN");

        JsonNode contract = client.get("admin", API + "/contracts/" + c).json();
        assertThat(contract.path("rewardDecided").asText()).isEqualTo("0.00");
        assertThat(contract.path("outstanding").asText()).isEqualTo("700.00");
        JsonNode row = obligation(c, position);
        assertThat(row.path("rewardDecided").asText()).isEqualTo("0.00");
        assertThat(row.path("status").asText()).isEqualTo("OUTSTANDING");
        JsonNode payouts = client.get("finance", API + "/payouts?personId=P-1&position=" + position).json();
        assertThat(payouts.findValuesAsText("decisionId")).doesNotContain("D-1");
        rule(post(c, "payments", payment("PAY-2", "P-1", "0.01", "2026-04-21")), "PAYMENT_EXCEEDS_ALLOCATION");

        // superseded: decided anew
        created(post(c, "reward-decisions", decision("D-2", "350.00", "350.00", "700.00")));
        assertThat(client.get("admin", API + "/contracts/" + c).json().path("rewardDecided").asText())
                .isEqualTo("700.00");
    }

    @Test
    void business_dates_the_income_bound_and_the_rate_floor() {
        String c = register("C-DATE"); // signed 2026-03-01
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        rule(post(c, "incomes", income("I-1", "1.00", tomorrow.toString())), "DATE_IN_FUTURE");
        rule(post(c, "incomes", income("I-1", "1.00", "2026-02-28")), "DATE_BEFORE_SIGNING");
        rule(post(c, "costs", body("costId", "K-1", "amount", "1.00", "incurredOn", tomorrow.toString(),
                "category", "TAX")), "DATE_IN_FUTURE");
        rule(post(c, "equity", body("equityId", "E-1", "company", "X", "shares", 1, "valuation", "1.00",
                "receivedOn", "2026-02-28")), "DATE_BEFORE_SIGNING");
        // the case of the issue: 999,999,999,999,999.99 on a contract of 1,200,000.00
        rule(post(c, "incomes", income("I-1", "999999999999999.99", "2026-03-15")), "INCOME_EXCEEDS_TOTAL");
        rule(post(c, "incomes", income("I-1", "1200000.01", "2026-03-15")), "INCOME_EXCEEDS_TOTAL");
        created(post(c, "incomes", income("I-1", "1200000.00", "2026-03-15")));

        created(post(c, "reward-decisions", decision("D-1", "420000.00", "420000.00", "840000.00")));
        rule(post(c, "payments", payment("PAY-1", "P-1", "1.00", "2026-03-31")), "PAYMENT_BEFORE_DECISION");
        created(post(c, "payments", payment("PAY-1", "P-1", "1.00", "2026-04-01")));

        Map<String, Object> low = institution("DEMO-LOW", "BEIJING");
        low.put("rewardRate", new BigDecimal("0.5"));
        rule(client.post("admin", API + "/institutions", low), "RATE_BELOW_FLOOR");
        assertThat(client.get("admin", API + "/institutions/DEMO-LOW").status()).isEqualTo(404);
    }

    @Test
    void shares_owed_show_in_obligations_with_their_own_status() {
        String c = register("C-EQ", "EQUITY_INVESTMENT");
        long position = created(post(c, "equity", equity("E-1", 1_000_000))).path("position").asLong();
        JsonNode row = obligation(c, position);
        assertThat(row.path("status").asText()).isEqualTo("NOTHING_DUE");
        assertThat(row.path("equityStatus").asText()).isEqualTo("OUTSTANDING");
        assertThat(row.path("sharesReceived").asLong()).isEqualTo(1_000_000);
        assertThat(row.path("requiredShares").asLong()).isEqualTo(700_000);
        assertThat(row.path("sharesOutstanding").asLong()).isEqualTo(700_000);
        JsonNode owing = client.get("finance", API + "/rewards/obligations?equityStatus=OUTSTANDING&position="
                + position).json();
        assertThat(owing.findValuesAsText("contractId")).contains(c);

        position = created(post(c, "equity-rewards", body("decisionId", "ED-1", "decidedOn", "2026-04-02",
                "totalShares", 700_000, "allocations", List.of(body("personId", "P-1", "shares", 700_000)))))
                .path("position").asLong();
        row = obligation(c, position);
        assertThat(row.path("equityStatus").asText()).isEqualTo("COMPLIANT");
        assertThat(row.path("sharesAllocated").asLong()).isEqualTo(700_000);
        assertThat(row.path("sharesOutstanding").asLong()).isZero();

        position = created(post(c, "withdrawals", body("withdrawalId", "W-1", "decisionId", "ED-1",
                "reason", "wrong holder"))).path("position").asLong();
        assertThat(obligation(c, position).path("equityStatus").asText()).isEqualTo("OUTSTANDING");
        assertThat(client.get("admin", API + "/contracts/" + c).json().path("equityStatus").asText())
                .isEqualTo("OUTSTANDING");
    }

    // ---- helpers ----

    private static String register(String contractId) {
        return register(contractId, "LICENSE");
    }

    private static String register(String contractId, String kind) {
        created(client.post(R, API + "/contracts", contract(contractId, "DEMO-A", kind)));
        return contractId;
    }

    private static LedgerClient.Response post(String contractId, String command, Object body) {
        return client.post(R, API + "/contracts/" + contractId + "/" + command, body);
    }

    private static JsonNode obligation(String contractId, long position) {
        LedgerClient.Response rows = client.get("finance", API + "/rewards/obligations?position=" + position);
        assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
        for (JsonNode row : rows.json()) {
            if (row.path("contractId").asText().equals(contractId)) {
                return row;
            }
        }
        throw new AssertionError("no obligation of " + contractId);
    }

    private static JsonNode created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** A 422 naming the rule; the refused command recorded nothing (its id is still free, tried again above). */
    private static void rule(LedgerClient.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    private static JsonNode field(LedgerClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
        return response.json();
    }
}
