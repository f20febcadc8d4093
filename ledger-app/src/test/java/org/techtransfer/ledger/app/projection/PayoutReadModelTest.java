package org.techtransfer.ledger.app.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Csv;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The payouts read model ({@code GET /payouts}): per person what was allocated and paid, item by item;
 * reversed payments gone; the period filter; names and institution; a recorder's scope; and the CSV export
 * with its quoting, formula neutralising and total row.
 */
class PayoutReadModelTest {

    private static final String PAYOUTS = "/api/v1/payouts";
    private static final String COMMA_AND_QUOTE = "bank, \"A\" ref";
    private static final String FORMULA = "=HYPERLINK(\"http://example.org\",\"click\")";

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));

        // PC-1: net 100000.00 at 70% → 70000.00, all decided on 2026-02-01
        Map<String, Object> pc1 = contract("PC-1", "DEMO-A", "LICENSE");
        pc1.put("signedOn", "2026-01-01"); // before its income: nothing is dated before the signing
        ok(c.post("recorder-a", "/api/v1/contracts", pc1));
        ok(c.post("recorder-a", "/api/v1/contracts/PC-1/incomes", body("incomeId", "I-1", "amount", "100000.00",
                "receivedOn", "2026-01-10", "category", "UPFRONT")));
        ok(c.post("recorder-a", "/api/v1/contracts/PC-1/reward-decisions", body("decisionId", "D-1",
                "decidedOn", "2026-02-01", "total", "70000.00", "allocations", List.of(
                        body("personId", "P-1", "amount", "40000.00"), body("personId", "P-2", "amount", "30000.00")))));
        pay("recorder-a", "PC-1", "PAY-1", "P-1", "25000.00", "2026-02-10", COMMA_AND_QUOTE);
        pay("recorder-a", "PC-1", "PAY-2", "P-1", "15000.00", "2026-03-10", FORMULA);
        pay("recorder-a", "PC-1", "PAY-3", "P-2", "30000.00", "2026-03-15", "bank PAY-3");
        ok(c.post("recorder-a", "/api/v1/contracts/PC-1/reversals", body("reversalId", "REV-3", "entryId", "PAY-3",
                "reason", "paid to the wrong account")));
        pay("recorder-a", "PC-1", "PAY-4", "P-2", "10000.00", "2026-04-01", "+86 工商银行");

        // PC-2 (DEMO-B, 50%): net 2000.00 → 1000.00, to P-1 and the leader P-L after publicity
        ok(c.post("recorder-b", "/api/v1/contracts", contract("PC-2", "DEMO-B", "ASSIGNMENT")));
        ok(c.post("recorder-b", "/api/v1/contracts/PC-2/incomes", body("incomeId", "I-1", "amount", "2000.00",
                "receivedOn", "2026-05-01", "category", "ROYALTY")));
        ok(c.post("recorder-b", "/api/v1/contracts/PC-2/reward-decisions", body("decisionId", "D-2",
                "decidedOn", "2026-05-10", "total", "1000.00", "allocations", List.of(
                        body("personId", "P-1", "amount", "600.00"), body("personId", "P-L", "amount", "400.00")))));
        ok(c.post("recorder-b", "/api/v1/contracts/PC-2/publicity", body("noticeId", "N-1", "decisionId", "D-2",
                "from", "2026-05-10", "to", "2026-05-20")));
        pay("recorder-b", "PC-2", "PAY-5", "P-L", "400.00", "2026-05-25", "@SUM(1)");
        pay("recorder-b", "PC-2", "PAY-6", "P-1", "600.00", "2026-05-25", "-5 bank");

        // PC-3: an equity reward is shares, not a cash allocation: it is no payout item
        ok(c.post("recorder-a", "/api/v1/contracts", contract("PC-3", "DEMO-A", "EQUITY_INVESTMENT")));
        ok(c.post("recorder-a", "/api/v1/contracts/PC-3/equity", body("equityId", "E-1", "company", "Nano Start-up Ltd.",
                "shares", 100, "valuation", "5000000.00", "receivedOn", "2026-03-10")));
        ok(c.post("recorder-a", "/api/v1/contracts/PC-3/equity-rewards", body("decisionId", "ED-1",
                "decidedOn", "2026-03-12", "totalShares", 70, "allocations", List.of(body("personId", "P-1", "shares", 70)))));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void per_person_allocated_paid_unpaid_and_items() {
        JsonNode people = payouts("finance", "");
        assertThat(personIds(people)).containsExactly("P-1", "P-2", "P-L");

        JsonNode p1 = people.get(0);
        assertThat(p1.get("allocated").asText()).isEqualTo("40600.00");
        assertThat(p1.get("paid").asText()).isEqualTo("40600.00");
        assertThat(p1.get("unpaid").asText()).isEqualTo("0.00");
        assertThat(items(p1)).containsExactly(
                "PC-1|ALLOCATION|D-1||40000.00|2026-02-01|",
                "PC-1|PAYMENT||PAY-1|25000.00|2026-02-10|" + COMMA_AND_QUOTE,
                "PC-1|PAYMENT||PAY-2|15000.00|2026-03-10|" + FORMULA,
                "PC-2|ALLOCATION|D-2||600.00|2026-05-10|",
                "PC-2|PAYMENT||PAY-6|600.00|2026-05-25|-5 bank");

        JsonNode p2 = people.get(1);
        assertThat(p2.get("allocated").asText()).isEqualTo("30000.00");
        assertThat(p2.get("paid").asText()).isEqualTo("10000.00");
        assertThat(p2.get("unpaid").asText()).isEqualTo("20000.00");
        assertThat(items(p2)).containsExactly(
                "PC-1|ALLOCATION|D-1||30000.00|2026-02-01|",
                "PC-1|PAYMENT||PAY-4|10000.00|2026-04-01|+86 工商银行");

        JsonNode leader = people.get(2);
        assertThat(leader.get("allocated").asText()).isEqualTo("400.00");
        assertThat(leader.get("paid").asText()).isEqualTo("400.00");
        assertThat(leader.get("unpaid").asText()).isEqualTo("0.00");
        assertThat(items(leader)).containsExactly(
                "PC-2|ALLOCATION|D-2||400.00|2026-05-10|",
                "PC-2|PAYMENT||PAY-5|400.00|2026-05-25|@SUM(1)");

        // and the contracts agree, person by person
        for (JsonNode person : people) {
            long allocated = 0;
            long paid = 0;
            for (JsonNode item : person.get("items")) {
                long fen = ObligationReadModelTest.fen(item.get("amount").asText());
                if (item.get("kind").asText().equals("PAYMENT")) {
                    paid += fen;
                } else {
                    allocated += fen;
                }
            }
            assertThat(person.get("allocated").asText()).isEqualTo(ObligationReadModelTest.yuan(allocated));
            assertThat(person.get("paid").asText()).isEqualTo(ObligationReadModelTest.yuan(paid));
        }
        JsonNode pc1 = c.get("auditor", "/api/v1/contracts/PC-1").json();
        assertThat(pc1.get("rewardPaid").asText()).isEqualTo("50000.00"); // PAY-1 + PAY-2 + PAY-4
        assertThat(pc1.get("rewardDecided").asText()).isEqualTo("70000.00");
    }

    @Test
    void a_reversed_payment_disappears() {
        assertThat(allPaymentIds(payouts("auditor", ""))).doesNotContain("PAY-3")
                .containsExactlyInAnyOrder("PAY-1", "PAY-2", "PAY-4", "PAY-5", "PAY-6");

        // recorded, seen, reversed, gone (P-2 still has 20000.00 unpaid on PC-1)
        pay("recorder-a", "PC-1", "PAY-7", "P-2", "5000.00", "2026-06-01", "bank PAY-7");
        JsonNode p2 = payouts("auditor", "&personId=P-2").get(0);
        assertThat(p2.get("paid").asText()).isEqualTo("15000.00");
        assertThat(allPaymentIds(payouts("auditor", ""))).contains("PAY-7");
        ok(c.post("recorder-a", "/api/v1/contracts/PC-1/reversals", body("reversalId", "REV-7", "entryId", "PAY-7",
                "reason", "duplicate transfer")));
        p2 = payouts("auditor", "&personId=P-2").get(0);
        assertThat(p2.get("paid").asText()).isEqualTo("10000.00");
        assertThat(p2.get("unpaid").asText()).isEqualTo("20000.00");
        assertThat(allPaymentIds(payouts("auditor", ""))).doesNotContain("PAY-3", "PAY-7");
    }

    @Test
    void from_and_to_select_the_items_of_the_period_inclusively() {
        JsonNode march = payouts("finance", "&from=2026-03-01&to=2026-04-30");
        assertThat(personIds(march)).containsExactly("P-1", "P-2");
        assertThat(items(march.get(0))).containsExactly("PC-1|PAYMENT||PAY-2|15000.00|2026-03-10|" + FORMULA);
        assertThat(march.get(0).get("allocated").asText()).isEqualTo("0.00");
        assertThat(march.get(0).get("paid").asText()).isEqualTo("15000.00");
        // "unpaid is allocated less paid", of the items in the period
        assertThat(march.get(0).get("unpaid").asText()).isEqualTo("-15000.00");
        assertThat(items(march.get(1))).containsExactly("PC-1|PAYMENT||PAY-4|10000.00|2026-04-01|+86 工商银行");

        // both ends are included
        JsonNode oneDay = payouts("finance", "&from=2026-02-10&to=2026-02-10");
        assertThat(allPaymentIds(oneDay)).containsExactly("PAY-1");
        assertThat(personIds(oneDay)).containsExactly("P-1");

        JsonNode fromMay = payouts("finance", "&from=2026-05-10");
        assertThat(personIds(fromMay)).containsExactly("P-1", "P-L");
        assertThat(fromMay.get(1).get("allocated").asText()).isEqualTo("400.00");
        assertThat(allPaymentIds(fromMay)).containsExactlyInAnyOrder("PAY-5", "PAY-6");

        JsonNode untilFebruary = payouts("finance", "&to=2026-02-01");
        assertThat(personIds(untilFebruary)).containsExactly("P-1", "P-2");
        assertThat(allPaymentIds(untilFebruary)).isEmpty();

        JsonNode leaderInMay = payouts("finance", "&personId=P-L&from=2026-05-01&to=2026-05-31");
        assertThat(personIds(leaderInMay)).containsExactly("P-L");
        assertThat(leaderInMay.get(0).get("unpaid").asText()).isEqualTo("0.00");

        assertThat(payouts("finance", "&from=2027-01-01")).isEmpty();
        assertThat(c.get("finance", PAYOUTS + "?from=2026-02-30").status()).isEqualTo(400);
    }

    @Test
    void csv_has_a_header_one_line_per_item_safe_cells_and_a_total_row() {
        LedgerClient.Response response = csv("finance", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        String text = response.body();
        assertThat(text).startsWith("\uFEFF");
        text = text.substring(1);
        List<List<String>> rows = Csv.parse(text);
        assertThat(rows.get(0)).containsExactly("personId", "personName", "institutionId", "contractId", "kind",
                "decisionId", "paymentId", "date", "reference", "allocated", "paid", "implementationId");

        JsonNode people = payouts("finance", "");
        List<List<String>> expected = new ArrayList<>();
        long allocated = 0;
        long paid = 0;
        for (JsonNode person : people) {
            for (JsonNode item : person.get("items")) {
                boolean payment = item.get("kind").asText().equals("PAYMENT");
                String amount = item.get("amount").asText();
                expected.add(List.of(person.get("personId").asText(), item.get("personName").asText(),
                        item.get("institutionId").asText(), item.get("contractId").asText(), item.get("kind").asText(),
                        text(item, "decisionId"), text(item, "paymentId"), item.get("date").asText(),
                        text(item, "reference"), payment ? "" : amount, payment ? amount : "",
                        text(item, "implementationId")));
                if (payment) {
                    paid += ObligationReadModelTest.fen(amount);
                } else {
                    allocated += ObligationReadModelTest.fen(amount);
                }
            }
        }
        List<List<String>> lines = rows.subList(1, rows.size() - 1);
        assertThat(lines).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(9);
        for (int i = 0; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            List<String> want = expected.get(i);
            assertThat(line).as("line " + (i + 1)).hasSize(12);
            for (int col = 0; col < 12; col++) {
                if (col == 8) {
                    continue;
                }
                assertThat(line.get(col)).as("line " + (i + 1) + " column " + col).isEqualTo(want.get(col));
            }
            String reference = want.get(8);
            if (!reference.isEmpty() && "=+-@".indexOf(reference.charAt(0)) >= 0) {
                // a spreadsheet must not see a formula: the cell is prefixed, the rest is kept
                assertThat(line.get(8)).as("neutralised: " + reference).isEqualTo("'" + reference);
            } else {
                assertThat(line.get(8)).as("reference").isEqualTo(reference);
            }
            for (String cell : line) {
                assertThat(cell).as("no cell starts as a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
        // the total row adds up each amount column
        assertThat(rows.get(rows.size() - 1)).containsExactly("TOTAL", "", "", "", "", "", "", "", "",
                ObligationReadModelTest.yuan(allocated), ObligationReadModelTest.yuan(paid), "");
        assertThat(lines).anySatisfy(l -> assertThat(l.get(8)).isEqualTo(COMMA_AND_QUOTE));
        assertThat(lines).anySatisfy(l -> assertThat(l.get(8)).isEqualTo("'" + FORMULA));
        assertThat(lines).anySatisfy(l -> assertThat(l.get(1)).isEqualTo("Researcher P-L"));
        // the quote doubled inside a quoted cell (RFC 4180), the comma kept inside it
        assertThat(text).contains("\"bank, \"\"A\"\" ref\"");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\"");
        assertThat(text).doesNotContain(",=").doesNotContain(",\"=");
        assertThat(text).contains("+86 工商银行");
        assertThat(text).endsWith("\r\n");

        // nothing in the period: the header and a total of nothing
        LedgerClient.Response empty = csv("finance", "&from=2030-01-01");
        assertThat(empty.status()).isEqualTo(200);
        List<List<String>> none = Csv.parse(stripBom(empty.body()));
        assertThat(none).hasSize(2);
        assertThat(none.get(1).subList(9, 11)).containsExactly("0.00", "0.00");

        // the filters hold for the CSV too
        List<List<String>> p2 = Csv.parse(stripBom(csv("finance", "&personId=P-2&from=2026-04-01").body()));
        assertThat(p2).hasSize(3);
        assertThat(p2.get(1).get(6)).isEqualTo("PAY-4");
        assertThat(p2.get(1).get(10)).isEqualTo("10000.00");
    }

    @Test
    void items_and_persons_carry_the_contracts_names_and_institution() {
        JsonNode people = payouts("finance", "");
        for (JsonNode person : people) {
            assertThat(person.get("name").asText()).isEqualTo("Researcher " + person.get("personId").asText());
            for (JsonNode item : person.get("items")) {
                assertThat(item.get("personName").asText()).isEqualTo(person.get("name").asText());
                assertThat(item.get("institutionId").asText())
                        .isEqualTo(item.get("contractId").asText().equals("PC-2") ? "DEMO-B" : "DEMO-A");
            }
        }
        JsonNode demoB = payouts("finance", "&institutionId=DEMO-B");
        assertThat(personIds(demoB)).containsExactly("P-1", "P-L");
        assertThat(allPaymentIds(demoB)).containsExactlyInAnyOrder("PAY-5", "PAY-6");
        assertThat(demoB.get(0).get("allocated").asText()).isEqualTo("600.00");
    }

    @Test
    void a_recorder_reads_the_payouts_of_its_own_institutions_contracts_only() {
        for (String user : List.of("finance", "auditor", "admin")) {
            assertThat(c.get(user, PAYOUTS).status()).as(user).isEqualTo(200);
            assertThat(csv(user, "").status()).as(user).isEqualTo(200);
        }
        JsonNode b = payouts("recorder-b", "");
        assertThat(allPaymentIds(b)).containsExactlyInAnyOrder("PAY-5", "PAY-6");
        b.forEach(person -> person.get("items").forEach(item ->
                assertThat(item.get("contractId").asText()).isEqualTo("PC-2")));
        assertThat(payouts("recorder-b", "&institutionId=DEMO-B")).isEqualTo(b);
        assertThat(allPaymentIds(payouts("recorder-a", ""))).doesNotContain("PAY-5", "PAY-6").contains("PAY-1");
        assertThat(c.get("recorder-b", PAYOUTS + "?institutionId=DEMO-A").status()).isEqualTo(403);
        assertThat(csv("recorder-b", "&institutionId=DEMO-A").status()).isEqualTo(403);
        List<List<String>> csvB = Csv.parse(stripBom(csv("recorder-b", "").body()));
        csvB.subList(1, csvB.size() - 1).forEach(line -> assertThat(line.get(3)).isEqualTo("PC-2"));
        assertThat(c.get(null, PAYOUTS).status()).isEqualTo(401);
    }

    // ---- helpers ----

    private static void pay(String recorder, String contractId, String paymentId, String personId, String amount,
                            String paidOn, String reference) {
        ok(c.post(recorder, "/api/v1/contracts/" + contractId + "/payments", body("paymentId", paymentId,
                "personId", personId, "amount", amount, "paidOn", paidOn, "reference", reference)));
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        lastPosition = Math.max(lastPosition, answer.get("position").asLong());
        return answer;
    }

    private static JsonNode payouts(String user, String query) {
        LedgerClient.Response response = c.get(user, PAYOUTS + "?position=" + lastPosition + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static LedgerClient.Response csv(String user, String query) {
        return c.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + PAYOUTS
                + "?position=" + lastPosition + query)).header("Accept", "text/csv").GET());
    }

    private static List<String> personIds(JsonNode people) {
        List<String> ids = new ArrayList<>();
        people.forEach(p -> ids.add(p.get("personId").asText()));
        return ids;
    }

    /** contractId|kind|decisionId|paymentId|amount|date|reference, absent fields empty. */
    private static List<String> items(JsonNode person) {
        List<String> items = new ArrayList<>();
        for (JsonNode i : person.get("items")) {
            items.add(String.join("|", text(i, "contractId"), text(i, "kind"), text(i, "decisionId"),
                    text(i, "paymentId"), text(i, "amount"), text(i, "date"), text(i, "reference")));
        }
        return items;
    }

    private static List<String> allPaymentIds(JsonNode people) {
        List<String> ids = new ArrayList<>();
        for (JsonNode person : people) {
            for (JsonNode i : person.get("items")) {
                if (i.get("kind").asText().equals("PAYMENT")) {
                    ids.add(i.get("paymentId").asText());
                }
            }
        }
        return ids;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
