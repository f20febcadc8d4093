package org.techtransfer.ledger.app.reward;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.person;

/**
 * Issue 22 over HTTP: the reduced wage tax of each payment on the contract, in the payouts and in
 * {@code GET /reports/reward-tax}, with its authorization (finance and auditors read all, a recorder its own
 * institution); and the principal head's field.
 */
class RewardTaxReportHttpTest {

    private static final String REPORT = "/api/v1/reports/reward-tax";

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING"))); // government-established
        Map<String, Object> forProfit = institution("DEMO-B", "NATIONAL");
        forProfit.put("nonProfit", false);
        ok(c.post("admin", "/api/v1/institutions", forProfit));

        // TX-1: a patent licence of a non-profit institute, publicised: both payments qualify
        paidDeal("recorder-a", "TX-1", "DEMO-A", "PATENT", true);
        // TX-2: a trade secret: excluded
        paidDeal("recorder-a", "TX-2", "DEMO-A", "TRADE_SECRET", false);
        // TX-3: a patent, but the seller is not non-profit
        paidDeal("recorder-b", "TX-3", "DEMO-B", "PATENT", false);
    }

    /** Income 1000.00 on 2026-03-10; 700.00 decided, P-1 400.00 and P-2 300.00; a notice; paid on 2026-04-01. */
    private static void paidDeal(String recorder, String id, String seller, String ipKind, boolean payP2) {
        Map<String, Object> deal = contract(id, seller, "LICENSE");
        deal.put("ipKind", ipKind);
        ok(c.post(recorder, "/api/v1/contracts", deal));
        String path = "/api/v1/contracts/" + id;
        ok(c.post(recorder, path + "/incomes", body("incomeId", "I-1", "amount", "1000.00",
                "receivedOn", "2026-03-10", "category", "UPFRONT")));
        ok(c.post(recorder, path + "/reward-decisions", body("decisionId", "D-1", "decidedOn", "2026-03-12",
                "total", "700.00", "allocations", List.of(body("personId", "P-1", "amount", "400.00"),
                        body("personId", "P-2", "amount", "300.00")))));
        ok(c.post(recorder, path + "/publicity", body("noticeId", "N-1", "decisionId", "D-1",
                "from", "2026-03-12", "to", "2026-03-20")));
        ok(c.post(recorder, path + "/payments", body("paymentId", id + "-P1", "personId", "P-1",
                "amount", "400.00", "paidOn", "2026-04-01", "reference", "bank")));
        if (payP2) {
            ok(c.post(recorder, path + "/payments", body("paymentId", id + "-P2", "personId", "P-2",
                    "amount", "300.00", "paidOn", "2026-04-01", "reference", "bank")));
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void finance_reads_every_institution_per_person_qualifying_and_other() {
        JsonNode people = report("finance", "?year=2026").json();
        assertThat(people).hasSize(2);
        JsonNode p1 = people.get(0);
        assertThat(p1.get("personId").asText()).isEqualTo("P-1");
        assertThat(p1.get("qualifying").asText()).isEqualTo("400.00");
        assertThat(p1.get("other").asText()).isEqualTo("800.00");
        assertThat(p1.get("payments")).extracting(p -> p.get("paymentId").asText() + "|"
                        + p.get("reducedWageTax").get("qualifies").asBoolean() + "|"
                        + p.get("reducedWageTax").get("reason").asText())
                .containsExactly("TX-1-P1|true|null", "TX-2-P1|false|IP_KIND_EXCLUDED",
                        "TX-3-P1|false|SELLER_NOT_NON_PROFIT");
        assertThat(people.get(1).get("qualifying").asText()).isEqualTo("300.00");
        assertThat(report("auditor", "?year=2026").json()).isEqualTo(people);
        assertThat(report("finance", "?year=2025").json()).isEmpty();
        assertThat(report("finance", "?year=2026&institutionId=DEMO-B").json().get(0).get("other").asText())
                .isEqualTo("400.00");
    }

    @Test
    void a_recorder_reads_its_own_institution_only() {
        JsonNode own = report("recorder-a", "?year=2026").json();
        assertThat(own.get(0).get("qualifying").asText()).isEqualTo("400.00");
        assertThat(own.get(0).get("other").asText()).isEqualTo("400.00"); // TX-2 only; TX-3 is DEMO-B's
        assertThat(report("recorder-a", "?year=2026&institutionId=DEMO-A").json()).isEqualTo(own);
        assertThat(report("recorder-a", "?year=2026&institutionId=DEMO-B").status()).isEqualTo(403);
        assertThat(report("recorder-b", "?year=2026").json().get(0).get("payments").get(0).get("paymentId").asText())
                .isEqualTo("TX-3-P1");
    }

    @Test
    void the_csv_has_a_line_per_payment() {
        LedgerClient.Response csv = c.send("finance", HttpRequest.newBuilder(URI.create("http://localhost:"
                + node.port() + REPORT + "?year=2026&position=" + lastPosition)).header("Accept", "text/csv").GET());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).containsExactly(
                "\uFEFF\"personId\",\"contractId\",\"paymentId\",\"institutionId\",\"paidOn\",\"qualifying\",\"other\",\"reason\","
                        + "\"implementationId\"",
                "\"P-1\",\"TX-1\",\"TX-1-P1\",\"DEMO-A\",2026-04-01,400.00,,,",
                "\"P-1\",\"TX-2\",\"TX-2-P1\",\"DEMO-A\",2026-04-01,,400.00,\"IP_KIND_EXCLUDED\",",
                "\"P-1\",\"TX-3\",\"TX-3-P1\",\"DEMO-B\",2026-04-01,,400.00,\"SELLER_NOT_NON_PROFIT\",",
                "\"P-2\",\"TX-1\",\"TX-1-P2\",\"DEMO-A\",2026-04-01,300.00,,,",
                "\"TOTAL\",,,,,700.00,800.00,,");
    }

    @Test
    void the_contract_and_the_payouts_show_each_payment_s_tag() {
        JsonNode contract = c.get("auditor", "/api/v1/contracts/TX-2").json();
        assertThat(contract.get("ipKind").asText()).isEqualTo("TRADE_SECRET");
        assertThat(contract.get("payments").get(0).get("reducedWageTax").get("reason").asText())
                .isEqualTo("IP_KIND_EXCLUDED");
        JsonNode payouts = c.get("finance", "/api/v1/payouts?personId=P-2&position=" + lastPosition).json();
        JsonNode items = payouts.get(0).get("items"); // three allocations on 2026-03-12, then the payment
        JsonNode payment = items.get(items.size() - 1);
        assertThat(payment.get("paymentId").asText()).isEqualTo("TX-1-P2");
        assertThat(payment.get("reducedWageTax").get("qualifies").asBoolean()).isTrue();
        assertThat(payouts.get(0).get("items").get(0).get("reducedWageTax").isNull()).isTrue(); // an allocation
    }

    @Test
    void the_report_is_not_for_anonymous_readers_and_needs_a_year() {
        assertThat(c.get(null, REPORT + "?year=2026").status()).isEqualTo(401);
        assertThat(report("finance", "").status()).isEqualTo(400);
    }

    @Test
    void a_principal_head_without_a_leadership_post_is_a_400_naming_the_field() {
        Map<String, Object> deal = contract("TX-9", "DEMO-A", "LICENSE");
        Map<String, Object> head = person("P-H", true, false);
        head.put("principalHead", true);
        deal.put("contributors", List.of(head));
        LedgerClient.Response refused = c.post("recorder-a", "/api/v1/contracts", deal);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("principalHead");
    }

    private static LedgerClient.Response report(String user, String query) {
        String separator = query.isEmpty() ? "?" : "&";
        return c.get(user, REPORT + query + separator + "position=" + lastPosition);
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        JsonNode answer = response.json();
        lastPosition = Math.max(lastPosition, answer.get("position").asLong());
        return answer;
    }
}
