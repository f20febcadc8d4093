package org.techtransfer.ledger.app.implementation;

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
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.person;

/**
 * Issue 15 over HTTP: a self-implementation, its yearly profits and the reward owed on them, decided, publicised
 * and paid by the rules of cash rewards; refusals with their codes, and who may read.
 */
class ImplementationHttpTest {

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

    private static Map<String, Object> implementation(String id, String institutionId) {
        return body("implementationId", id, "institutionId", institutionId, "title", "Nano-generator pilot line",
                "mode", "SELF", "productionStartedOn", "2021-06-01",
                "contributors", List.of(person("P-1", true, false), person("P-L", false, true)));
    }

    @Test
    void yearly_profits_owe_five_percent_decided_publicised_and_paid_as_cash_rewards() {
        Map<String, Object> wrongYears = implementation("IMP-1", "DEMO-A");
        wrongYears.put("rewardYears", 3);
        field(client.post(R, API + "/implementations", wrongYears), "rewardYears");
        assertThat(client.post("recorder-b", API + "/implementations", implementation("IMP-1", "DEMO-A")).status())
                .isEqualTo(403);
        created(client.post(R, API + "/implementations", implementation("IMP-1", "DEMO-A")));

        rule(post("IMP-1", "profits", body("year", 2022, "operatingProfit", "1.00")), "PROFIT_YEAR_NOT_NEXT");
        field(post("IMP-1", "profits", body("year", 2021, "operatingProfit", "-1.00")), "operatingProfit");
        created(post("IMP-1", "profits", body("year", 2021, "operatingProfit", "2000000.00")));
        rule(post("IMP-1", "profits", body("year", 2099, "operatingProfit", "1.00")), "PROFIT_YEAR_NOT_NEXT");

        rule(post("IMP-1", "reward-decisions", decision("99999.99", "60000.00", "39999.99")), "REWARD_BELOW_MINIMUM");
        created(post("IMP-1", "reward-decisions", decision("100000.00", "60000.00", "40000.00")));
        rule(post("IMP-1", "payments", payment("PAY-1", "P-L", "40000.00")), "PUBLICITY_REQUIRED");
        created(post("IMP-1", "publicity", body("noticeId", "N-1", "decisionId", "D-1", "from", "2022-03-02",
                "to", "2022-03-16")));
        created(post("IMP-1", "payments", payment("PAY-1", "P-L", "40000.00")));
        rule(post("IMP-1", "payments", payment("PAY-2", "P-1", "60000.01")), "PAYMENT_EXCEEDS_ALLOCATION");

        JsonNode view = client.get("finance", API + "/implementations/IMP-1").json();
        assertThat(view.path("implementation").path("window").path("counting").asText())
                .isEqualTo("FROM_FIRST_PROFIT_YEAR");
        assertThat(view.path("years").get(0).path("owed").asText()).isEqualTo("100000.00");
        assertThat(view.path("reward").path("requiredReward").asText()).isEqualTo("100000.00");
        assertThat(view.path("reward").path("rewardPaid").asText()).isEqualTo("40000.00");
        assertThat(view.path("reward").path("dueBy").asText()).isEqualTo("2024-12-31");
        assertThat(view.path("reward").path("rewardStatus").asText()).isEqualTo("OVERDUE");

        assertThat(client.get("recorder-b", API + "/implementations/IMP-1").status()).isEqualTo(403);
        assertThat(client.get("admin", API + "/implementations/NONE").status()).isEqualTo(404);
        assertThat(client.post(R, API + "/implementations/NONE/profits", body("year", 2021, "operatingProfit", "1.00"))
                .status()).isEqualTo(404);
    }

    @Test
    void the_national_policy_counts_the_chosen_years_from_the_start_of_production() {
        Map<String, Object> national = implementation("IMP-N", "DEMO-B");
        national.put("rewardYears", 3);
        created(client.post("admin", API + "/implementations", national));
        for (int year = 2021; year <= 2024; year++) {
            created(client.post("admin", API + "/implementations/IMP-N/profits",
                    body("year", year, "operatingProfit", "100.00")));
        }
        JsonNode view = client.get("admin", API + "/implementations/IMP-N").json();
        assertThat(view.path("years").findValuesAsText("counted")).containsExactly("true", "true", "true", "false");
        assertThat(view.path("reward").path("requiredReward").asText()).isEqualTo("15.00");
    }

    @Test
    void a_decision_is_withdrawn_and_a_years_profit_corrected_and_the_read_models_follow() {
        created(client.post(R, API + "/implementations", implementation("IMP-C", "DEMO-A")));
        created(post("IMP-C", "profits", body("year", 2021, "operatingProfit", "2000000.00")));
        created(post("IMP-C", "reward-decisions", decision("100000.00", "60000.00", "40000.00")));

        Map<String, Object> withdrawal = body("withdrawalId", "W-1", "decisionId", "D-1", "reason", "superseded");
        assertThat(client.post("recorder-b", API + "/implementations/IMP-C/withdrawals", withdrawal).status())
                .isEqualTo(403);
        assertThat(client.post("finance", API + "/implementations/IMP-C/withdrawals", withdrawal).status())
                .isEqualTo(403);
        assertThat(client.post(null, API + "/implementations/IMP-C/withdrawals", withdrawal).status()).isEqualTo(401);
        rule(post("IMP-C", "withdrawals", body("withdrawalId", "W-1", "decisionId", "D-9", "reason", "typo")),
                "UNKNOWN_ENTRY");
        field(post("IMP-C", "withdrawals", body("withdrawalId", "W-1", "decisionId", "D-1")), "reason");
        created(post("IMP-C", "withdrawals", withdrawal));
        rule(post("IMP-C", "withdrawals", body("withdrawalId", "W-2", "decisionId", "D-1", "reason", "again")),
                "ALREADY_WITHDRAWN");
        JsonNode view = client.get("finance", API + "/implementations/IMP-C").json();
        assertThat(view.path("reward").path("rewardDecided").asText()).isEqualTo("0.00");
        assertThat(view.path("reward").path("requiredReward").asText()).isEqualTo("100000.00");

        Map<String, Object> correction = body("correctionId", "K-1", "year", 2021, "operatingProfit", "1000000.01",
                "reason", "audited accounts restated");
        assertThat(client.post("recorder-b", API + "/implementations/IMP-C/profit-corrections", correction).status())
                .isEqualTo(403);
        rule(post("IMP-C", "profit-corrections", body("correctionId", "K-1", "year", 2022, "operatingProfit", "1.00",
                "reason", "x")), "PROFIT_YEAR_NOT_RECORDED");
        field(post("IMP-C", "profit-corrections", body("correctionId", "K-1", "year", 2021, "operatingProfit", "-1.00",
                "reason", "x")), "operatingProfit");
        assertThat(client.post(R, API + "/implementations/NONE/profit-corrections", correction).status())
                .isEqualTo(404);
        created(post("IMP-C", "profit-corrections", correction));
        view = client.get("finance", API + "/implementations/IMP-C").json();
        assertThat(view.path("years").get(0).path("operatingProfit").asText()).isEqualTo("1000000.01");
        assertThat(view.path("years").get(0).path("owed").asText()).isEqualTo("50000.01");
        assertThat(view.path("reward").path("requiredReward").asText()).isEqualTo("50000.01");

        // decided again on the corrected profit and paid in part: that decision can no longer be withdrawn
        created(post("IMP-C", "reward-decisions", body("decisionId", "D-2", "decidedOn", "2022-03-01",
                "total", "50000.01", "allocations", List.of(body("personId", "P-1", "amount", "30000.01"),
                        body("personId", "P-L", "amount", "20000.00")))));
        long position = created(post("IMP-C", "payments", payment("PAY-1", "P-1", "30000.01"))).path("position")
                .asLong();
        rule(post("IMP-C", "withdrawals", body("withdrawalId", "W-2", "decisionId", "D-2", "reason", "late")),
                "DECISION_PAID");

        JsonNode row = null;
        for (JsonNode r : client.get("finance", API + "/rewards/implementation-obligations?position=" + position).json()) {
            if (r.path("implementationId").asText().equals("IMP-C")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("requiredReward").asText()).isEqualTo("50000.01");
        assertThat(row.path("rewardDecided").asText()).isEqualTo("50000.01");
        assertThat(row.path("rewardPaid").asText()).isEqualTo("30000.01");
        assertThat(row.path("years").get(0).path("operatingProfit").asText()).isEqualTo("1000000.01");
        // the withdrawn decision's allocations are gone from the payouts; the new decision's stand
        List<String> items = new java.util.ArrayList<>();
        client.get("finance", API + "/payouts?personId=P-1&position=" + position).json().get(0).path("items")
                .forEach(i -> {
                    if (i.path("implementationId").asText().equals("IMP-C")) {
                        items.add(i.path("kind").asText() + " " + i.path("decisionId").asText() + " "
                                + i.path("paymentId").asText() + " " + i.path("amount").asText());
                    }
                });
        assertThat(items).containsExactlyInAnyOrder("ALLOCATION D-2 null 30000.01",
                "PAYMENT null PAY-1 30000.01");
    }

    private static Map<String, Object> decision(String total, String principal, String leader) {
        return body("decisionId", "D-1", "decidedOn", "2022-03-01", "total", total, "allocations",
                List.of(body("personId", "P-1", "amount", principal), body("personId", "P-L", "amount", leader)));
    }

    private static Map<String, Object> payment(String id, String personId, String amount) {
        return body("paymentId", id, "personId", personId, "amount", amount, "paidOn", "2022-04-01",
                "reference", "payroll 2022-04");
    }

    private static LedgerClient.Response post(String id, String command, Object body) {
        return client.post(R, API + "/implementations/" + id + "/" + command, body);
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
