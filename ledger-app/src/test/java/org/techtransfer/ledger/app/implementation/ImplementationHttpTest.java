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
