package org.techtransfer.ledger.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
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
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The exports of obligations, payouts and statistics as a spreadsheet reads them: CSV and XLSX with the same rows
 * as the JSON answer, amounts as numbers (two decimals), a total row equal to the sum, XLSX headers in the
 * request's language, a file name; and a recorder's obligations held to its own institution.
 */
class ExportHttpTest {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh(), "--ledger.targets[0].period=2026",
                "--ledger.targets[0].amount=3000000.00", "--ledger.targets[1].period=2026-Q1",
                "--ledger.targets[1].amount=1000000.00");
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        deal("recorder-a", "X-1", "DEMO-A", "LICENSE", "2025-03-01", "100000.01", "70000.01", "30000.00");
        deal("recorder-a", "X-2", "DEMO-A", "ASSIGNMENT", "2026-01-15", "3333.33", "2333.34", "1000.00");
        deal("recorder-b", "X-3", "DEMO-B", "LICENSE", "2026-02-01", "2000.00", "1000.00", "666.66");
        Map<String, Object> development = contract("X-4", "DEMO-B", "DEVELOPMENT");
        development.put("signedOn", "2026-06-30");
        ok(c.post("recorder-b", "/api/v1/contracts", development));
    }

    /** A contract with an income, a decision of {@code decided} (2/3 to the principal 张伟) and a first payment. */
    private static void deal(String recorder, String id, String seller, String kind, String signedOn, String income,
                             String decided, String paid) {
        Map<String, Object> registration = contract(id, seller, kind);
        registration.put("signedOn", signedOn);
        registration.put("contributors", List.of(body("personId", "P-1", "name", "张伟", "principal", true,
                "leadership", false), body("personId", "P-2", "name", "=Li Na", "principal", false, "leadership", false)));
        ok(c.post(recorder, "/api/v1/contracts", registration));
        String base = "/api/v1/contracts/" + id;
        ok(c.post(recorder, base + "/incomes", income("I-1", income, signedOn)));
        long total = fen(decided);
        long principal = total - total / 3;
        ok(c.post(recorder, base + "/reward-decisions", body("decisionId", "D-1", "decidedOn", signedOn, "total", decided,
                "allocations", List.of(body("personId", "P-1", "amount", yuan(principal)),
                        body("personId", "P-2", "amount", yuan(total - principal))))));
        ok(c.post(recorder, base + "/payments", body("paymentId", "PAY-1", "personId", "P-1", "amount", paid,
                "paidOn", signedOn, "reference", "bank " + id)));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static final List<String> OBLIGATION_AMOUNTS = List.of("netIncome", "requiredReward", "rewardDecided",
            "rewardPaid", "outstanding");

    @Test
    void obligations_as_csv_and_xlsx_have_the_json_figures_and_a_total_row() throws IOException {
        JsonNode json = json("finance", "/api/v1/rewards/obligations");
        assertThat(json).hasSize(4);

        List<List<String>> csv = csv("finance", "/api/v1/rewards/obligations", "obligations.csv");
        assertThat(csv.get(0)).containsExactly("contractId", "institutionId", "netIncome", "requiredReward",
                "rewardDecided", "rewardPaid", "outstanding", "status", "dueBy", "sharesOutstanding", "equityStatus");
        long[] sums = new long[OBLIGATION_AMOUNTS.size()];
        for (int i = 0; i < json.size(); i++) {
            JsonNode o = json.get(i);
            List<String> line = csv.get(i + 1);
            assertThat(line.get(0)).isEqualTo(o.get("contractId").asText());
            assertThat(line.get(1)).isEqualTo(o.get("institutionId").asText());
            for (int a = 0; a < sums.length; a++) {
                assertThat(line.get(2 + a)).isEqualTo(o.get(OBLIGATION_AMOUNTS.get(a)).asText());
                sums[a] += fen(o.get(OBLIGATION_AMOUNTS.get(a)).asText());
            }
            assertThat(line.get(7)).isEqualTo(o.get("status").asText());
            assertThat(line.get(8)).isEqualTo(o.get("dueBy").isNull() ? "" : o.get("dueBy").asText());
            assertThat(line.get(9)).isEqualTo(o.get("sharesOutstanding").asText());
            assertThat(line.get(10)).isEqualTo(o.get("equityStatus").asText());
        }
        List<String> total = csv.get(csv.size() - 1);
        assertThat(csv).hasSize(json.size() + 2);
        assertThat(total.get(0)).isEqualTo("TOTAL");
        for (int a = 0; a < sums.length; a++) {
            assertThat(total.get(2 + a)).isEqualTo(yuan(sums[a]));
        }

        List<Row> sheet = xlsx("finance", "/api/v1/rewards/obligations", "en", "obligations.xlsx");
        assertThat(texts(sheet.get(0))).containsExactly("Contract", "Institution", "Net income", "Required reward",
                "Reward decided", "Reward paid", "Unpaid", "Status", "Due by", "Shares still to allocate",
                "Equity reward status");
        for (int i = 0; i < json.size(); i++) {
            JsonNode o = json.get(i);
            Row row = sheet.get(i + 1);
            assertThat(row.getCell(0).asString()).isEqualTo(o.get("contractId").asText());
            for (int a = 0; a < sums.length; a++) {
                assertMoney(row.getCell(2 + a), o.get(OBLIGATION_AMOUNTS.get(a)).asText());
            }
            if (!o.get("dueBy").isNull()) {
                assertThat(row.getCell(8).getType()).isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(8).asDate().toLocalDate().toString()).isEqualTo(o.get("dueBy").asText());
            }
        }
        Row xlsxTotal = sheet.get(json.size() + 1);
        assertThat(sheet).hasSize(json.size() + 2);
        assertThat(xlsxTotal.getCell(0).asString()).isEqualTo("Total");
        for (int a = 0; a < sums.length; a++) {
            assertMoney(xlsxTotal.getCell(2 + a), yuan(sums[a]));
        }

        List<Row> chinese = xlsx("finance", "/api/v1/rewards/obligations", "zh", "obligations.xlsx");
        assertThat(texts(chinese.get(0))).containsExactly("合同编号", "单位", "净收入", "应发奖励", "已决定奖励", "已发放",
                "未发放", "状态", "期限", "待奖励股数", "股权奖励状态");
        assertThat(chinese.get(json.size() + 1).getCell(0).asString()).isEqualTo("合计");
        assertThat(texts(xlsx("finance", "/api/v1/rewards/obligations", "zh-CN,zh;q=0.9", "obligations.xlsx").get(0)))
                .startsWith("合同编号");
        // the CSV keeps the API's names as its column keys, whatever the language
        assertThat(csvWith("finance", "/api/v1/rewards/obligations", "zh").get(0).get(0)).isEqualTo("contractId");
    }

    @Test
    void a_recorder_reads_its_own_institutions_obligations_in_json_csv_and_xlsx() throws IOException {
        JsonNode b = json("recorder-b", "/api/v1/rewards/obligations");
        List<String> ids = new ArrayList<>();
        b.forEach(o -> ids.add(o.get("contractId").asText()));
        assertThat(ids).containsExactlyInAnyOrder("X-3", "X-4");
        b.forEach(o -> assertThat(o.get("institutionId").asText()).isEqualTo("DEMO-B"));
        assertThat(json("recorder-b", "/api/v1/rewards/obligations?institutionId=DEMO-B")).isEqualTo(b);
        assertThat(c.get("recorder-b", "/api/v1/rewards/obligations?institutionId=DEMO-A").status()).isEqualTo(403);

        List<List<String>> csv = csv("recorder-b", "/api/v1/rewards/obligations", "obligations.csv");
        assertThat(csv).hasSize(4);
        csv.subList(1, 3).forEach(line -> assertThat(line.get(1)).isEqualTo("DEMO-B"));
        List<Row> sheet = xlsx("recorder-a", "/api/v1/rewards/obligations", "en", "obligations.xlsx");
        assertThat(sheet).hasSize(4);
        sheet.subList(1, 3).forEach(row -> assertThat(row.getCell(1).asString()).isEqualTo("DEMO-A"));
        assertThat(c.getBytes("recorder-a", "/api/v1/rewards/obligations?institutionId=DEMO-B", "Accept", XLSX)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void payouts_as_xlsx_name_the_people_and_add_up_allocated_and_paid() throws IOException {
        JsonNode json = json("auditor", "/api/v1/payouts");
        List<Row> sheet = xlsx("auditor", "/api/v1/payouts", "zh", "payouts.xlsx");
        assertThat(texts(sheet.get(0))).containsExactly("人员编号", "姓名", "单位", "合同编号", "类型", "奖励决定编号",
                "发放编号", "日期", "凭证", "已分配奖励", "已发放", "自行实施项目");
        int r = 1;
        long allocated = 0;
        long paid = 0;
        for (JsonNode person : json) {
            for (JsonNode item : person.get("items")) {
                Row row = sheet.get(r++);
                assertThat(row.getCell(0).asString()).isEqualTo(person.get("personId").asText());
                assertThat(row.getCell(1).asString()).isEqualTo(item.get("personName").asText());
                assertThat(row.getCell(2).asString()).isEqualTo(item.get("institutionId").asText());
                assertThat(row.getCell(3).asString()).isEqualTo(item.get("contractId").asText());
                boolean payment = item.get("kind").asText().equals("PAYMENT");
                assertThat(row.getCell(4).asString()).isEqualTo(payment ? "发放" : "分配");
                String amount = item.get("amount").asText();
                assertMoney(row.getCell(payment ? 10 : 9), amount);
                if (payment) {
                    paid += fen(amount);
                } else {
                    allocated += fen(amount);
                }
            }
        }
        assertThat(r).isEqualTo(10); // three contracts: two allocations and a payment each
        assertThat(sheet).hasSize(r + 1);
        assertThat(sheet.get(r).getCell(0).asString()).isEqualTo("合计");
        assertMoney(sheet.get(r).getCell(9), yuan(allocated));
        assertMoney(sheet.get(r).getCell(10), yuan(paid));
        // a text is a text in XLSX: "=Li Na" is shown, never run
        assertThat(sheet).anySatisfy(row -> assertThat(row.getCell(1).asString()).isEqualTo("=Li Na"));
        assertThat(sheet).allSatisfy(row -> row.forEach(cell -> assertThat(cell == null ? null : cell.getFormula()).isNull()));
        // and neutralised in CSV
        List<List<String>> csv = csv("auditor", "/api/v1/payouts", "payouts.csv");
        assertThat(csv).anySatisfy(line -> assertThat(line.get(1)).isEqualTo("'=Li Na"));
        assertThat(csv).anySatisfy(line -> assertThat(line.get(1)).isEqualTo("张伟"));
    }

    @Test
    void volume_and_targets_as_csv_and_xlsx() throws IOException {
        JsonNode volume = json("finance", "/api/v1/statistics/volume?groupBy=kind");
        List<List<String>> csv = csv("finance", "/api/v1/statistics/volume?groupBy=kind", "volume.csv");
        assertThat(csv.get(0)).containsExactly("kind", "contracts", "totalAmount", "technologyAmount");
        long contracts = 0;
        long totalFen = 0;
        long technologyFen = 0;
        for (int i = 0; i < volume.size(); i++) {
            JsonNode v = volume.get(i);
            assertThat(csv.get(i + 1)).containsExactly(v.get("key").asText(), v.get("contracts").asText(),
                    v.get("totalAmount").asText(), v.get("technologyAmount").asText());
            contracts += v.get("contracts").asLong();
            totalFen += fen(v.get("totalAmount").asText());
            technologyFen += fen(v.get("technologyAmount").asText());
        }
        assertThat(contracts).isEqualTo(4);
        assertThat(csv.get(csv.size() - 1)).containsExactly("TOTAL", "4", yuan(totalFen), yuan(technologyFen));

        List<Row> byYear = xlsx("finance", "/api/v1/statistics/volume?groupBy=year", "zh", "volume.xlsx");
        assertThat(texts(byYear.get(0))).containsExactly("年度", "技术合同数", "成交额", "技术交易额");
        JsonNode years = json("finance", "/api/v1/statistics/volume?groupBy=year");
        for (int i = 0; i < years.size(); i++) {
            assertThat(byYear.get(i + 1).getCell(0).asString()).isEqualTo(years.get(i).get("key").asText());
            assertThat(byYear.get(i + 1).getCell(1).asNumber()).isEqualByComparingTo(years.get(i).get("contracts").asText());
            assertMoney(byYear.get(i + 1).getCell(2), years.get(i).get("totalAmount").asText());
        }
        Row yearTotal = byYear.get(years.size() + 1);
        assertThat(yearTotal.getCell(1).asNumber()).isEqualByComparingTo("4");
        assertMoney(yearTotal.getCell(2), yuan(totalFen));
        assertMoney(yearTotal.getCell(3), yuan(technologyFen));

        // targets: one row per configured period, no total (periods may overlap)
        JsonNode targets = json("finance", "/api/v1/statistics/targets");
        List<List<String>> targetsCsv = csv("finance", "/api/v1/statistics/targets", "targets.csv");
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).get("achieved").asText()).isEqualTo("3600000.00"); // three contracts of 2026
        List<Row> targetsXlsx = xlsx("finance", "/api/v1/statistics/targets", "en", "targets.xlsx");
        assertThat(texts(targetsXlsx.get(0))).containsExactly("Period", "Target", "Achieved", "Percent");
        assertThat(targetsCsv).hasSize(targets.size() + 1);
        assertThat(targetsXlsx).hasSize(targets.size() + 1);
        for (int i = 0; i < targets.size(); i++) {
            JsonNode t = targets.get(i);
            List<String> line = targetsCsv.get(i + 1);
            assertThat(line.subList(0, 3)).containsExactly(t.get("period").asText(), t.get("target").asText(),
                    t.get("achieved").asText());
            assertThat(line.get(3)).matches("\\d+\\.\\d{2}");
            assertThat(new BigDecimal(line.get(3))).isEqualByComparingTo(t.get("percent").decimalValue());
            Row row = targetsXlsx.get(i + 1);
            assertThat(row.getCell(0).asString()).isEqualTo(t.get("period").asText());
            assertMoney(row.getCell(1), t.get("target").asText());
            assertMoney(row.getCell(2), t.get("achieved").asText());
            assertThat(row.getCell(3).asNumber()).isEqualByComparingTo(t.get("percent").decimalValue());
            assertThat(row.getCell(3).getDataFormatString()).isEqualTo("0.00");
        }
    }

    @Test
    void a_bad_parameter_of_an_export_is_a_400_naming_it() {
        for (String accept : List.of(CSV, XLSX)) {
            HttpResponse<byte[]> response = c.getBytes("finance", "/api/v1/statistics/volume?groupBy=colour", "Accept", accept);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"field\":\"groupBy\"");
            HttpResponse<byte[]> status = c.getBytes("finance", "/api/v1/rewards/obligations?status=LATE", "Accept", accept);
            assertThat(status.statusCode()).isEqualTo(400);
            assertThat(new String(status.body(), StandardCharsets.UTF_8)).contains("\"field\":\"status\"");
        }
    }

    // ---- helpers ----

    private static void assertMoney(Cell cell, String yuan) {
        assertThat(cell.getType()).as(cell.toString()).isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber()).as(cell.toString()).isEqualByComparingTo(new BigDecimal(yuan));
        assertThat(cell.getDataFormatString()).isEqualTo("#,##0.00");
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.asString()));
        return texts;
    }

    private static JsonNode json(String user, String path) {
        LedgerClient.Response response = c.get(user, path + (path.contains("?") ? "&" : "?") + "position=" + lastPosition);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<List<String>> csv(String user, String path, String file) {
        HttpResponse<byte[]> response = export(user, path, CSV, "en");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + file + "\"");
        return parse(response);
    }

    private static List<List<String>> csvWith(String user, String path, String language) {
        return parse(export(user, path, CSV, language));
    }

    private static List<List<String>> parse(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return Csv.parse(text.substring(1));
    }

    private static List<Row> xlsx(String user, String path, String language, String file) throws IOException {
        HttpResponse<byte[]> response = export(user, path, XLSX, language);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(XLSX);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + file + "\"");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()),
                new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
        }
    }

    private static HttpResponse<byte[]> export(String user, String path, String accept, String language) {
        HttpResponse<byte[]> response = c.getBytes(user, path + (path.contains("?") ? "&" : "?") + "position=" + lastPosition,
                "Accept", accept, "Accept-Language", language);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response;
    }

    private static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        lastPosition = Math.max(lastPosition, response.json().get("position").asLong());
    }
}
