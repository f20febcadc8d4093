package org.techtransfer.ledger.app.approval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * Issue 23 over HTTP, with its authorization: deal notices and the price's publicity at registration (Law
 * Art. 18), an approval policy, approvals by the approvers of the next level, and what waits for them.
 */
class InstitutionProcessHttpTest {

    private static final String API = "/api/v1";
    private static LedgerNode node;
    private static LedgerClient c;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        created(c.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING"))); // government-established
        created(c.post("admin", API + "/institutions", institution("DEMO-B", "BEIJING")));
        created(c.post("recorder-a", API + "/institutions/DEMO-A/deal-notices", notice("DN-1", "2026-02-20")));
        // DEMO-A: the research office approves every decision, the vice-president from 500.00
        created(c.post("admin", API + "/institutions/DEMO-A/approval-policy", body("policyId", "AP-1",
                "effectiveFrom", "2026-01-01", "steps", List.of(body("level", "RESEARCH_OFFICE", "from", "0.01"),
                        body("level", "VICE_PRESIDENT", "from", "500.00")))));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static Map<String, Object> notice(String id, String to) {
        return body("noticeId", id, "achievement", "CN202610000001.X", "proposedPrice", "1000000.00",
                "from", "2026-02-01", "to", to);
    }

    @Test
    void deal_notices_are_recorded_by_the_institution_s_recorders_and_administrators() {
        assertThat(c.post("admin", API + "/institutions/DEMO-A/deal-notices", notice("DN-2", "2026-02-20")).status())
                .isEqualTo(201);
        assertThat(c.post("recorder-b", API + "/institutions/DEMO-A/deal-notices", notice("DN-3", "2026-02-20"))
                .status()).isEqualTo(403);
        assertThat(c.post("finance", API + "/institutions/DEMO-A/deal-notices", notice("DN-3", "2026-02-20"))
                .status()).isEqualTo(403);
        assertThat(c.post("approver-office", API + "/institutions/DEMO-A/deal-notices", notice("DN-3", "2026-02-20"))
                .status()).isEqualTo(403);
        assertThat(c.post("admin", API + "/institutions/NOPE/deal-notices", notice("DN-3", "2026-02-20")).status())
                .isEqualTo(404);
        LedgerClient.Response badDates = c.post("recorder-a", API + "/institutions/DEMO-A/deal-notices",
                body("noticeId", "DN-4", "achievement", "X", "proposedPrice", "1.00", "from", "2026-02-02",
                        "to", "2026-02-01"));
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(badDates.body()).contains("\"to\"");
    }

    @Test
    void only_an_administrator_sets_an_approval_policy() {
        Map<String, Object> policy = body("policyId", "AP-9", "effectiveFrom", "2030-01-01",
                "steps", List.of(body("level", "COLLEGE", "from", "0.00")));
        assertThat(c.post("recorder-a", API + "/institutions/DEMO-B/approval-policy", policy).status()).isEqualTo(403);
        assertThat(c.post("approver-vp", API + "/institutions/DEMO-B/approval-policy", policy).status()).isEqualTo(403);
    }

    @Test
    void an_agreed_price_names_a_notice_that_ended_before_the_signing() {
        Map<String, Object> deal = contract("PR-1", "DEMO-A", "LICENSE");
        deal.put("pricing", "AGREEMENT");
        problem(c.post("recorder-a", API + "/contracts", deal), "DEAL_PUBLICITY_REQUIRED");
        deal.put("dealNoticeId", "DN-1");
        created(c.post("recorder-a", API + "/contracts", deal));
        JsonNode contract = c.get("recorder-a", API + "/contracts/PR-1").json();
        assertThat(contract.get("pricing").asText()).isEqualTo("AGREEMENT");
        assertThat(contract.get("dealNotice").get("proposedPrice").asText()).isEqualTo("1000000.00");
        assertThat(contract.get("dealNotice").get("to").asText()).isEqualTo("2026-02-20");
        assertThat(contract.get("priceDiffersFromNotice").asBoolean()).isTrue(); // 1,200,000.00 signed

        JsonNode plain = c.get("recorder-b", API + "/contracts/" + registered("PR-2", "DEMO-B")).json();
        assertThat(plain.has("pricing")).isFalse();
        assertThat(plain.has("dealNotice")).isFalse();
        assertThat(plain.has("approvals")).isFalse();
        assertThat(plain.has("rewardPending")).isFalse();
    }

    @Test
    void a_decision_is_approved_step_by_step_by_the_approvers_of_each_level() {
        String path = API + "/contracts/" + registered("AR-1", "DEMO-A");
        created(c.post("recorder-a", path + "/reward-decisions", decision("D-1", "700.00")));
        JsonNode proposed = c.get("recorder-a", path).json();
        assertThat(proposed.get("rewardDecided").asText()).isEqualTo("0.00");
        assertThat(proposed.get("rewardPending").asText()).isEqualTo("700.00");
        assertThat(proposed.get("approvals").get(0).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.get("approvals").get(0).get("nextLevel").asText()).isEqualTo("RESEARCH_OFFICE");
        JsonNode obligation = obligation("AR-1", created(c.post("recorder-a", path + "/costs", body("costId", "K-1",
                "amount", "1.00", "incurredOn", "2026-03-20", "category", "TAX"))).get("position").asLong());
        assertThat(obligation.get("rewardDecided").asText()).isEqualTo("0.00");
        assertThat(obligation.get("rewardPending").asText()).isEqualTo("700.00");
        problem(c.post("recorder-a", path + "/publicity", body("noticeId", "N-1", "decisionId", "D-1",
                "from", "2026-03-12", "to", "2026-03-20")), "DECISION_NOT_APPROVED");
        problem(c.post("recorder-a", path + "/payments", body("paymentId", "P-1", "personId", "P-1",
                "amount", "100.00", "paidOn", "2026-04-01", "reference", "bank")), "DECISION_NOT_APPROVED");

        String approvals = path + "/reward-decisions/D-1/approvals";
        Map<String, Object> yes = body("approvalId", "A-1", "approved", true, "on", "2026-03-13", "note", "agreed");
        assertThat(c.post("recorder-a", approvals, yes).status()).isEqualTo(403);
        assertThat(c.post("admin", approvals, yes).status()).isEqualTo(403);
        problem(c.post("approver-vp", approvals, yes), "NOT_THE_NEXT_APPROVER");
        Map<String, Object> ownLevel = body("approvalId", "A-1", "approved", true, "on", "2026-03-13",
                "level", "VICE_PRESIDENT");
        assertThat(c.post("approver-office", approvals, ownLevel).status()).isEqualTo(400);
        created(c.post("approver-office", approvals, yes));
        assertThat(c.post("approver-office", approvals, yes).status()).isEqualTo(200); // a repeat
        problem(c.post("approver-office", approvals, body("approvalId", "A-2", "approved", true, "on", "2026-03-14")),
                "NOT_THE_NEXT_APPROVER");
        created(c.post("approver-vp", approvals, body("approvalId", "A-2", "approved", true, "on", "2026-03-14")));

        JsonNode approved = c.get("auditor", path).json();
        assertThat(approved.get("rewardDecided").asText()).isEqualTo("700.00");
        assertThat(approved.get("rewardPending").asText()).isEqualTo("0.00");
        JsonNode decision = approved.get("approvals").get(0);
        assertThat(decision.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decision.get("approvals")).extracting(a -> a.get("approver").asText() + "|" + a.get("level").asText()
                + "|" + a.get("on").asText()).containsExactly("approver-office|RESEARCH_OFFICE|2026-03-13",
                "approver-vp|VICE_PRESIDENT|2026-03-14");
        problem(c.post("approver-vp", approvals, body("approvalId", "A-3", "approved", true, "on", "2026-03-14")),
                "DECISION_CLOSED");
        JsonNode counted = obligation("AR-1", created(c.post("recorder-a", path + "/costs", body("costId", "K-2",
                "amount", "1.00", "incurredOn", "2026-03-20", "category", "TAX"))).get("position").asLong());
        assertThat(counted.get("rewardDecided").asText()).isEqualTo("700.00");
        assertThat(counted.has("rewardPending")).isFalse();
        created(c.post("recorder-a", path + "/payments", body("paymentId", "P-1", "personId", "P-1",
                "amount", "400.00", "paidOn", "2026-04-01", "reference", "bank")));
    }

    @Test
    void a_rejection_leaves_the_reward_owed_and_an_approver_of_another_institution_is_refused() {
        String path = API + "/contracts/" + registered("AR-2", "DEMO-A");
        created(c.post("recorder-a", path + "/reward-decisions", decision("D-1", "100.00")));
        created(c.post("approver-office", path + "/reward-decisions/D-1/approvals",
                body("approvalId", "A-1", "approved", false, "on", "2026-03-13", "note", "shares not agreed")));
        JsonNode rejected = c.get("recorder-a", path).json();
        assertThat(rejected.get("approvals").get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rewardDecided").asText()).isEqualTo("0.00");
        problem(c.post("recorder-a", path + "/payments", body("paymentId", "P-1", "personId", "P-1",
                "amount", "50.00", "paidOn", "2026-04-01", "reference", "bank")), "DECISION_NOT_APPROVED");

        String other = API + "/contracts/" + registered("AR-3", "DEMO-B");
        created(c.post("recorder-b", other + "/reward-decisions", decision("D-1", "100.00"))); // DEMO-B: no policy
        assertThat(c.get("recorder-b", other).json().get("rewardDecided").asText()).isEqualTo("100.00");
        assertThat(c.post("approver-office", other + "/reward-decisions/D-1/approvals",
                body("approvalId", "A-1", "approved", true, "on", "2026-03-13")).status()).isEqualTo(403);
        assertThat(c.get("approver-office", other).status()).isEqualTo(403);
    }

    /** The contract's row of the obligations once the read model has the position. */
    private static JsonNode obligation(String contractId, long position) {
        for (JsonNode row : c.get("recorder-a", API + "/rewards/obligations?position=" + position).json()) {
            if (row.get("contractId").asText().equals(contractId)) {
                return row;
            }
        }
        throw new AssertionError("no obligation of " + contractId);
    }

    private static String registered(String id, String seller) {
        created(c.post(seller.equals("DEMO-A") ? "recorder-a" : "recorder-b", API + "/contracts",
                contract(id, seller, "LICENSE")));
        return id;
    }

    private static Map<String, Object> decision(String id, String total) {
        java.math.BigDecimal all = new java.math.BigDecimal(total);
        java.math.BigDecimal principal = all.multiply(new java.math.BigDecimal("0.6")).setScale(2);
        return body("decisionId", id, "decidedOn", "2026-03-12", "total", total,
                "allocations", List.of(body("personId", "P-1", "amount", principal.toPlainString()),
                        body("personId", "P-2", "amount", all.subtract(principal).toPlainString())));
    }

    private static JsonNode created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static void problem(LedgerClient.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("code").asText()).as(response.toString()).isEqualTo(code);
    }
}
