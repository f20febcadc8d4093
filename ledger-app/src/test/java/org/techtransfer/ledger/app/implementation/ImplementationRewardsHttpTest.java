package org.techtransfer.ledger.app.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Csv;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;
import static org.techtransfer.ledger.app.support.Deals.person;

/**
 * Issue 15: self-implementation rewards where the finance officer and the auditor look for what each person is owed
 * and was paid: their own obligations rows (JSON, CSV, XLSX) beside the contracts' unchanged ones, the payouts, and
 * the reward-tax report, where they never take the reduced wage tax.
 */
class ImplementationRewardsHttpTest {

    private static final String API = "/api/v1";
    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static LedgerNode node;
    private static LedgerClient client;
    private static long position;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        client = node.client();
        ok(client.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
        ok(client.post("admin", API + "/institutions", institution("DEMO-B", "NATIONAL")));
        // P-1 is rewarded on a contract of DEMO-A too: 700.00 decided, 500.00 paid
        ok(client.post("recorder-a", API + "/contracts", contract("C-1", "DEMO-A", "LICENSE")));
        ok(client.post("recorder-a", API + "/contracts/C-1/incomes", income("I-1", "1000.00", "2026-03-10")));
        ok(client.post("recorder-a", API + "/contracts/C-1/reward-decisions", decision("D-1", "500.00", "200.00", "700.00")));
        ok(client.post("recorder-a", API + "/contracts/C-1/payments", payment("PAY-1", "P-1", "500.00", "2026-04-01")));

        implementation("recorder-a", "IMP-1", "DEMO-A", "2000000.00");
        ok(post("recorder-a", "IMP-1", "reward-decisions", body("decisionId", "D-1", "decidedOn", "2022-03-01",
                "total", "100000.00", "allocations", List.of(body("personId", "P-1", "amount", "60000.00"),
                        body("personId", "P-L", "amount", "40000.00")))));
        ok(post("recorder-a", "IMP-1", "payments", body("paymentId", "PAY-1", "personId", "P-1", "amount", "60000.00",
                "paidOn", "2022-04-01", "reference", "payroll 2022-04")));
        implementation("recorder-b", "IMP-B", "DEMO-B", "100.00");
        position = ok(post("recorder-b", "IMP-B", "reward-decisions", body("decisionId", "D-1", "decidedOn",
                "2022-03-01", "total", "5.00", "allocations", List.of(body("personId", "P-1", "amount", "5.00")))))
                .path("position").asLong();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static void implementation(String recorder, String id, String institutionId, String profit) {
        ok(client.post(recorder, API + "/implementations", body("implementationId", id, "institutionId", institutionId,
                "title", "Pilot line " + id, "mode", "SELF", "productionStartedOn", "2021-06-01",
                "contributors", List.of(person("P-1", true, false), person("P-L", false, true)))));
        ok(post(recorder, id, "profits", body("year", 2021, "operatingProfit", profit)));
    }

    @Test
    void each_implementation_has_its_row_with_its_years_apart_from_the_contracts_rows() {
        JsonNode rows = get("finance", "/rewards/implementation-obligations");
        assertThat(rows.findValuesAsText("implementationId")).containsExactly("IMP-1", "IMP-B");
        JsonNode imp = rows.get(0);
        assertThat(imp.path("institutionId").asText()).isEqualTo("DEMO-A");
        assertThat(imp.path("profit").asText()).isEqualTo("2000000.00");
        assertThat(imp.path("requiredReward").asText()).isEqualTo("100000.00");
        assertThat(imp.path("rewardDecided").asText()).isEqualTo("100000.00");
        assertThat(imp.path("rewardPaid").asText()).isEqualTo("60000.00");
        assertThat(imp.path("outstanding").asText()).isEqualTo("40000.00");
        assertThat(imp.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(imp.path("dueBy").asText()).isEqualTo("2024-12-31");
        JsonNode year = imp.path("years").get(0);
        assertThat(List.of(year.path("year").asInt(), year.path("operatingProfit").asText(),
                year.path("counted").asBoolean(), year.path("owed").asText()))
                .containsExactly(2021, "2000000.00", true, "100000.00");
        assertThat(get("auditor", "/rewards/implementation-obligations")).isEqualTo(rows);
        assertThat(get("finance", "/rewards/implementation-obligations?status=COMPLIANT")).isEmpty();
        assertThat(get("finance", "/rewards/implementation-obligations?status=OVERDUE")).hasSize(2);

        // the contracts' answer keeps one row per contract, as before
        JsonNode contracts = get("finance", "/rewards/obligations");
        assertThat(contracts.findValuesAsText("contractId")).containsExactly("C-1");
        assertThat(contracts.get(0).has("implementationId")).isFalse();
    }

    @Test
    void a_recorder_reads_its_own_institutions_implementations_and_nobody_anonymously() {
        assertThat(get("recorder-a", "/rewards/implementation-obligations").findValuesAsText("implementationId"))
                .containsExactly("IMP-1");
        assertThat(get("recorder-b", "/rewards/implementation-obligations?institutionId=DEMO-B")
                .findValuesAsText("implementationId")).containsExactly("IMP-B");
        assertThat(client.get("recorder-a", API + "/rewards/implementation-obligations?institutionId=DEMO-B").status())
                .isEqualTo(403);
        assertThat(client.get(null, API + "/rewards/implementation-obligations").status()).isEqualTo(401);
    }

    @Test
    void the_implementations_export_as_csv_and_xlsx_with_a_total_row() throws IOException {
        HttpResponse<byte[]> csv = client.getBytes("finance", API + "/rewards/implementation-obligations", "Accept", CSV);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"implementation-obligations.csv\"");
        List<List<String>> lines = Csv.parse(new String(csv.body(), StandardCharsets.UTF_8).substring(1));
        assertThat(lines).containsExactly(
                List.of("implementationId", "institutionId", "title", "rewardedYears", "profit", "requiredReward",
                        "rewardDecided", "rewardPaid", "outstanding", "status", "dueBy"),
                List.of("IMP-1", "DEMO-A", "Pilot line IMP-1", "2021", "2000000.00", "100000.00", "100000.00",
                        "60000.00", "40000.00", "OVERDUE", "2024-12-31"),
                List.of("IMP-B", "DEMO-B", "Pilot line IMP-B", "2021", "100.00", "5.00", "5.00", "0.00", "5.00",
                        "OVERDUE", "2024-12-31"),
                List.of("TOTAL", "", "", "", "2000100.00", "100005.00", "100005.00", "60000.00", "40005.00", "", ""));

        HttpResponse<byte[]> xlsx = client.getBytes("finance", API + "/rewards/implementation-obligations",
                "Accept", XLSX, "Accept-Language", "zh");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()),
                new ReadingOptions(true, false))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("自行实施转化奖励");
            List<Row> sheet = workbook.getFirstSheet().read();
            List<String> header = new ArrayList<>();
            sheet.get(0).forEach(cell -> header.add(cell.asString()));
            assertThat(header).startsWith("自行实施项目", "单位", "名称", "计奖年度", "计奖年度营业利润");
            assertThat(sheet).hasSize(4);
        }
        assertThat(client.getBytes("recorder-a", API + "/rewards/implementation-obligations?institutionId=DEMO-B",
                "Accept", CSV).statusCode()).isEqualTo(403);
    }

    @Test
    void a_persons_payouts_add_the_implementation_rewards_to_the_contracts() {
        JsonNode p1 = get("finance", "/payouts?personId=P-1").get(0);
        // 500.00 on C-1, 60,000.00 on IMP-1 and 5.00 on IMP-B allocated; 500.00 and 60,000.00 paid
        assertThat(p1.path("allocated").asText()).isEqualTo("60505.00");
        assertThat(p1.path("paid").asText()).isEqualTo("60500.00");
        assertThat(p1.path("unpaid").asText()).isEqualTo("5.00");
        List<String> items = new ArrayList<>();
        p1.path("items").forEach(i -> items.add(i.path("kind").asText() + " " + i.path("contractId").asText() + " "
                + i.path("implementationId").asText() + " " + i.path("amount").asText() + " "
                + i.path("institutionId").asText()));
        assertThat(items).containsExactly("ALLOCATION null IMP-1 60000.00 DEMO-A", "ALLOCATION null IMP-B 5.00 DEMO-B",
                "PAYMENT null IMP-1 60000.00 DEMO-A", "ALLOCATION C-1 null 500.00 DEMO-A",
                "PAYMENT C-1 null 500.00 DEMO-A");
        JsonNode paid = p1.path("items").get(2);
        assertThat(paid.path("reducedWageTax").path("qualifies").asBoolean()).isFalse();
        assertThat(paid.path("reducedWageTax").path("reason").asText()).isEqualTo("SELF_IMPLEMENTATION");
        assertThat(paid.path("personName").asText()).isNotBlank();

        JsonNode own = get("recorder-b", "/payouts?personId=P-1").get(0);
        assertThat(own.path("allocated").asText()).isEqualTo("5.00");
        assertThat(get("finance", "/payouts?personId=P-1&institutionId=DEMO-A").get(0).path("allocated").asText())
                .isEqualTo("60500.00");
        assertThat(get("finance", "/payouts?personId=P-1&from=2022-01-01&to=2022-12-31").get(0).path("paid").asText())
                .isEqualTo("60000.00");

        HttpResponse<byte[]> csv = client.getBytes("finance", API + "/payouts?personId=P-L", "Accept", CSV);
        List<List<String>> lines = Csv.parse(new String(csv.body(), StandardCharsets.UTF_8).substring(1));
        assertThat(lines.get(0).get(11)).isEqualTo("implementationId");
        assertThat(lines.get(1)).containsExactly("P-L", lines.get(1).get(1), "DEMO-A", "", "ALLOCATION", "D-1", "",
                "2022-03-01", "", "40000.00", "", "IMP-1");
    }

    @Test
    void the_reward_tax_report_lists_an_implementation_payment_as_not_qualifying() {
        JsonNode people = get("finance", "/reports/reward-tax?year=2022");
        assertThat(people).hasSize(1);
        JsonNode p1 = people.get(0);
        assertThat(p1.path("personId").asText()).isEqualTo("P-1");
        assertThat(p1.path("qualifying").asText()).isEqualTo("0.00");
        assertThat(p1.path("other").asText()).isEqualTo("60000.00");
        JsonNode payment = p1.path("payments").get(0);
        assertThat(payment.path("implementationId").asText()).isEqualTo("IMP-1");
        assertThat(payment.path("contractId").isNull()).isTrue();
        assertThat(payment.path("institutionId").asText()).isEqualTo("DEMO-A");
        assertThat(payment.path("reducedWageTax").path("qualifies").asBoolean()).isFalse();
        assertThat(payment.path("reducedWageTax").path("reason").asText()).isEqualTo("SELF_IMPLEMENTATION");
        // a contract's payment of another year is in its own year, with no implementation
        JsonNode contractPayment = get("finance", "/reports/reward-tax?year=2026").get(0).path("payments").get(0);
        assertThat(contractPayment.path("contractId").asText()).isEqualTo("C-1");
        assertThat(contractPayment.path("implementationId").isNull()).isTrue();
        assertThat(get("recorder-b", "/reports/reward-tax?year=2022")).isEmpty();

        HttpResponse<byte[]> csv = client.getBytes("finance", API + "/reports/reward-tax?year=2022", "Accept", CSV);
        assertThat(Csv.parse(new String(csv.body(), StandardCharsets.UTF_8).substring(1))).containsExactly(
                List.of("personId", "contractId", "paymentId", "institutionId", "paidOn", "qualifying", "other",
                        "reason", "implementationId"),
                List.of("P-1", "", "PAY-1", "DEMO-A", "2022-04-01", "", "60000.00", "SELF_IMPLEMENTATION", "IMP-1"),
                List.of("TOTAL", "", "", "", "", "0.00", "60000.00", "", ""));
    }

    private static JsonNode get(String user, String path) {
        String sep = path.contains("?") ? "&" : "?";
        LedgerClient.Response response = client.get(user, API + path + sep + "position=" + position);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    private static LedgerClient.Response post(String user, String id, String command, Map<String, Object> body) {
        return client.post(user, API + "/implementations/" + id + "/" + command, body);
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
