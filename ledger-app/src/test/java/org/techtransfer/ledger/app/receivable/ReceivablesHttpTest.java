package org.techtransfer.ledger.app.receivable;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * Issue 15 over HTTP: payment terms and sales reports on a contract, its receivables read from the log, and the
 * receivables per institution from their read model, with their refusals and who may read them.
 */
class ReceivablesHttpTest {

    private static final String API = "/api/v1";
    private static final String R = "recorder-a";

    private static LedgerNode node;
    private static LedgerClient client;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        client = node.client();
        created(client.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
        created(client.post("admin", API + "/institutions", institution("DEMO-B", "NATIONAL")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static Object instalment(String id, String kind, String amount, String dueOn) {
        return dueOn == null ? body("instalmentId", id, "kind", kind, "amount", amount, "milestone", "registration approved")
                : body("instalmentId", id, "kind", kind, "amount", amount, "dueOn", dueOn);
    }

    @Test
    void instalments_and_receipts_make_receivables_and_a_reward_forecast() {
        String c = register("C-SCH");
        rule(post(c, "payment-terms", body("termsId", "T-1", "instalments", List.of(
                instalment("I-1", "FIXED", "400000.00", "2026-04-01"),
                instalment("I-2", "FIXED", "700000.00", "2027-03-01")))), "SCHEDULE_SUM_MISMATCH");
        field(post(c, "payment-terms", body("termsId", "T-1", "instalments", List.of(
                instalment("I-1", "FIXED", "1200000.00", "2026-04-01")), "discount", "0.00")), "discount");
        created(post(c, "payment-terms", body("termsId", "T-1", "instalments", List.of(
                instalment("I-1", "FIXED", "400000.00", "2026-04-01"),
                instalment("I-2", "FIXED", "600000.00", "2099-03-01"),
                instalment("M-1", "MILESTONE", "200000.00", null)))));
        long position = created(post(c, "incomes", income("IN-1", "100000.00", "2026-03-15"))).path("position").asLong();
        rule(post(c, "sales-reports", body("reportId", "S-1", "periodFrom", "2026-04-01", "periodTo", "2026-06-30",
                "netSales", "1000.00")), "NO_ROYALTY_TERMS");

        JsonNode r = client.get("finance", API + "/contracts/" + c + "/receivables").json().path("receivables");
        assertThat(r.path("expected").asText()).isEqualTo("1200000.00");
        assertThat(r.path("received").asText()).isEqualTo("100000.00");
        assertThat(r.path("outstanding").asText()).isEqualTo("1100000.00");
        assertThat(r.path("overdue").asText()).isEqualTo("300000.00");
        // 70% of the 1,100,000 still to come, computed by the contract's reward book
        assertThat(r.path("forecastReward").asText()).isEqualTo("770000.00");
        assertThat(r.path("items").findValuesAsText("status")).containsExactly("OVERDUE", "NOT_YET_DUE",
                "AWAITING_EVENT");
        // the reward obligations are another matter: 70% of what was received
        assertThat(client.get("finance", API + "/contracts/" + c).json().path("requiredReward").asText())
                .isEqualTo("70000.00");

        JsonNode all = client.get("finance", API + "/receivables?institutionId=DEMO-A&position=" + position).json();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).path("institutionId").asText()).isEqualTo("DEMO-A");
        JsonNode row = null;
        for (JsonNode contract : all.get(0).path("contracts")) {
            row = contract.path("contractId").asText().equals(c) ? contract : row;
        }
        assertThat(row).isNotNull();
        assertThat(row.path("overdue").asText()).isEqualTo("300000.00");
        assertThat(row.path("forecastReward").asText()).isEqualTo("770000.00");
        assertThat(row.path("received").asText()).isEqualTo("100000.00");

        // a recorder reads its own institution's only
        assertThat(client.get("recorder-b", API + "/contracts/" + c + "/receivables").status()).isEqualTo(403);
        assertThat(client.get("recorder-b", API + "/receivables?institutionId=DEMO-A").status()).isEqualTo(403);
        assertThat(client.get("recorder-b", API + "/receivables").json()).isEmpty();
        assertThat(client.get("admin", API + "/contracts/NO-SUCH/receivables").status()).isEqualTo(404);
    }

    @Test
    void sales_reports_make_royalties_due_and_terms_set_again_need_a_reason() {
        String c = register("C-ROY");
        created(post(c, "payment-terms", body("termsId", "T-1",
                "instalments", List.of(instalment("I-1", "FIXED", "200000.00", "2026-04-01")),
                "royalty", body("rate", new BigDecimal("0.05"), "minimumAnnual", "100000.00", "firstYear", 2026,
                        "lastYear", 2026, "paymentDays", 30))));
        created(post(c, "sales-reports", body("reportId", "S-1", "periodFrom", "2026-04-01", "periodTo", "2026-06-30",
                "netSales", "123456.78")));
        rule(post(c, "sales-reports", body("reportId", "S-2", "periodFrom", "2026-06-01", "periodTo", "2026-09-30",
                "netSales", "1.00")), "SALES_PERIOD_OVERLAP");
        rule(post(c, "sales-reports", body("reportId", "S-2", "periodFrom", "2099-01-01", "periodTo", "2099-03-31",
                "netSales", "1.00")), "DATE_IN_FUTURE");
        field(post(c, "sales-reports", body("reportId", "S-2", "periodFrom", "2026-12-01", "periodTo", "2027-01-31",
                "netSales", "1.00")), "periodTo");

        JsonNode view = client.get(R, API + "/contracts/" + c + "/receivables").json();
        assertThat(view.path("salesReports").get(0).path("royalty").asText()).isEqualTo("6172.84");
        JsonNode items = view.path("receivables").path("items");
        assertThat(items.findValuesAsText("itemId")).containsExactly("I-1", "S-1", "MIN-2026");
        assertThat(items.get(2).path("amount").asText()).isEqualTo("93827.16");

        field(post(c, "payment-terms", body("termsId", "T-2",
                "instalments", List.of(instalment("I-1", "FIXED", "1200000.00", "2026-04-01")))), "changeReason");
        created(post(c, "payment-terms", body("termsId", "T-2", "changeReason", "royalty bought out",
                "instalments", List.of(instalment("I-1", "FIXED", "1200000.00", "2026-04-01")))));
        // the royalty's reports stand, the minimum goes with the royalty
        assertThat(client.get(R, API + "/contracts/" + c + "/receivables").json().path("receivables").path("items")
                .findValuesAsText("itemId")).containsExactly("I-1", "S-1");
    }

    @Test
    void a_milestone_reached_makes_its_instalment_due_that_day() throws Exception {
        String c = register("C-MIL");
        created(post(c, "payment-terms", body("termsId", "T-1", "instalments", List.of(
                instalment("I-1", "FIXED", "400000.00", "2026-04-01"),
                instalment("M-1", "MILESTONE", "600000.00", null),
                instalment("M-2", "MILESTONE", "200000.00", "2099-01-01")))));
        String m1 = API + "/contracts/" + c + "/milestones/M-1/reached";
        Object reached = body("reachedId", "MR-1", "reachedOn", "2026-05-10", "note", "registration certificate");

        // who may record it: a recorder of the seller, as for the terms
        assertThat(client.post("recorder-b", m1, reached).status()).isEqualTo(403);
        assertThat(client.post("finance", m1, reached).status()).isEqualTo(403);
        assertThat(client.post(null, m1, reached).status()).isEqualTo(401);
        assertThat(client.post(R, API + "/contracts/NO-SUCH/milestones/M-1/reached", reached).status()).isEqualTo(404);

        rule(reach(c, "M-9", "2026-05-10"), "UNKNOWN_INSTALMENT");
        rule(reach(c, "I-1", "2026-05-10"), "NOT_AN_EVENT_MILESTONE");
        rule(reach(c, "M-2", "2026-05-10"), "NOT_AN_EVENT_MILESTONE");
        rule(reach(c, "M-1", "2099-05-10"), "DATE_IN_FUTURE");
        rule(reach(c, "M-1", "2026-02-28"), "DATE_BEFORE_SIGNING");
        field(client.post(R, m1, body("reachedId", "MR-1", "reachedOn", "2026-05-10", "when", "spring")), "when");
        field(client.post(R, m1, body("reachedId", "MR-1")), "reachedOn");
        JsonNode answer = created(client.post(R, m1, reached));
        assertThat(answer.path("id").asText()).isEqualTo("MR-1");
        // the same command again is the same answer; another record of the same milestone is refused
        assertThat(client.post(R, m1, reached).status()).isEqualTo(200);
        rule(client.post(R, m1, body("reachedId", "MR-2", "reachedOn", "2026-05-11")), "MILESTONE_ALREADY_REACHED");
        LedgerClient.Response chinese = client.send(R, HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + m1))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN,zh;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reachedId\": \"MR-3\", \"reachedOn\": \"2026-05-11\"}")));
        assertThat(chinese.json().path("detail").asText()).isEqualTo("里程碑 M-1 已于 2026-05-10 登记为已达成。");

        JsonNode items = client.get("auditor", API + "/contracts/" + c + "/receivables").json()
                .path("receivables").path("items");
        assertThat(items.findValuesAsText("itemId")).containsExactly("I-1", "M-1", "M-2");
        assertThat(items.get(1).path("dueOn").asText()).isEqualTo("2026-05-10");
        assertThat(items.get(1).path("status").asText()).isEqualTo("OVERDUE");
        assertThat(items.get(2).path("status").asText()).isEqualTo("NOT_YET_DUE");

        long position = answer.path("position").asLong();
        JsonNode row = null;
        for (JsonNode contract : client.get("finance", API + "/receivables?institutionId=DEMO-A&position=" + position)
                .json().get(0).path("contracts")) {
            row = contract.path("contractId").asText().equals(c) ? contract : row;
        }
        assertThat(row).isNotNull();
        assertThat(row.path("overdue").asText()).isEqualTo("1000000.00");
    }

    // ---- helpers ----

    private static LedgerClient.Response reach(String contractId, String instalmentId, String on) {
        return client.post(R, API + "/contracts/" + contractId + "/milestones/" + instalmentId + "/reached",
                body("reachedId", "MR-1", "reachedOn", on));
    }

    private static String register(String contractId) {
        created(client.post(R, API + "/contracts", contract(contractId, "DEMO-A", "LICENSE")));
        return contractId;
    }

    private static LedgerClient.Response post(String contractId, String command, Object body) {
        return client.post(R, API + "/contracts/" + contractId + "/" + command, body);
    }

    private static JsonNode created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static void rule(LedgerClient.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    private static void field(LedgerClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
    }
}
