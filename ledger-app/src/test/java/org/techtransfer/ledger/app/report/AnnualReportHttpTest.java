package org.techtransfer.ledger.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.person;

/**
 * {@code GET /reports/annual-transformation} (issue 23, Law Art. 21) over HTTP: for random books (seeded: a failure
 * names its seed) its totals of the year equal, to the fen, those of the obligations and the payouts of the same
 * institution and year; its authorization; its XLSX.
 */
class AnnualReportHttpTest {

    private static final String REPORT = "/api/v1/reports/annual-transformation";
    private static final long SEED = 20_261_207L;
    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;
    private static int contractsSigned;

    @BeforeAll
    static void recordRandomBooks() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        Random random = new Random(SEED);
        for (int i = 0; i < 8; i++) {
            deal(random, "recorder-a", "A-" + i, "DEMO-A");
        }
        deal(random, "recorder-b", "B-0", "DEMO-B"); // another institution's: in no total of DEMO-A's
    }

    /** A licence signed in 2026 with receipts, costs, a decision, its notice and payments, all dated in 2026. */
    private static void deal(Random random, String recorder, String id, String seller) {
        Map<String, Object> deal = contract(id, seller, "LICENSE");
        java.util.Map<String, Object> head = person("P-H", false, true);
        head.put("principalHead", true);
        deal.put("contributors", List.of(person("P-1", true, false), person("P-2", false, false),
                person("P-L", false, true), head));
        ok(c.post(recorder, "/api/v1/contracts", deal));
        if (seller.equals("DEMO-A")) {
            contractsSigned++;
        }
        String path = "/api/v1/contracts/" + id;
        long income = 0;
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            long fen = 1 + random.nextInt(30_000_000);
            income += fen;
            ok(c.post(recorder, path + "/incomes", body("incomeId", "I-" + k, "amount", yuan(fen),
                    "receivedOn", day(random), "category", "ROYALTY")));
        }
        if (random.nextBoolean()) {
            ok(c.post(recorder, path + "/costs", body("costId", "K-1", "amount", yuan(1 + random.nextInt(5_000_000)),
                    "incurredOn", day(random), "category", "TAX")));
        }
        // at least the minimum: 70% of the income is always enough, costs only lower it
        long total = (long) Math.ceil(income * 0.7) + random.nextInt(100_000);
        long principal = total / 2 + random.nextInt((int) (total / 2 + 1) / 2 + 1);
        long rest = total - principal;
        long p2 = rest / 3;
        long leader = rest / 3;
        long head2 = rest - p2 - leader;
        List<Object> allocations = new ArrayList<>(List.of(body("personId", "P-1", "amount", yuan(principal))));
        for (Object[] a : new Object[][]{{"P-2", p2}, {"P-L", leader}, {"P-H", head2}}) {
            if ((long) a[1] > 0) {
                allocations.add(body("personId", a[0], "amount", yuan((long) a[1])));
            }
        }
        ok(c.post(recorder, path + "/reward-decisions", body("decisionId", "D-1", "decidedOn", "2026-11-01",
                "total", yuan(total), "allocations", allocations)));
        ok(c.post(recorder, path + "/publicity", body("noticeId", "N-1", "decisionId", "D-1",
                "from", "2026-11-02", "to", "2026-11-10")));
        long paid = random.nextInt((int) Math.min(principal, Integer.MAX_VALUE)) + 1;
        ok(c.post(recorder, path + "/payments", body("paymentId", "PAY-1", "personId", "P-1", "amount", yuan(paid),
                "paidOn", "2026-11-20", "reference", "bank")));
        if (leader > 0 && random.nextBoolean()) {
            ok(c.post(recorder, path + "/payments", body("paymentId", "PAY-2", "personId", "P-L", "amount",
                    yuan(leader), "paidOn", "2026-11-20", "reference", "bank")));
        }
    }

    private static String day(Random random) {
        return LocalDate.of(2026, 3, 1).plusDays(random.nextInt(240)).toString();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void its_totals_equal_the_obligations_and_the_payouts_of_the_institution_and_year() {
        JsonNode report = report("finance", "?institutionId=DEMO-A&year=2026").json();
        JsonNode obligations = c.get("finance", "/api/v1/rewards/obligations?institutionId=DEMO-A&position="
                + lastPosition).json();
        assertThat(obligations).hasSize(contractsSigned);
        assertThat(fen(report, "netIncome")).as("seed " + SEED).isEqualTo(sum(obligations, "netIncome"));
        assertThat(fen(report, "rewardDecided")).isEqualTo(sum(obligations, "rewardDecided"));
        assertThat(fen(report, "rewardPaid")).isEqualTo(sum(obligations, "rewardPaid"));

        JsonNode payouts = c.get("finance", "/api/v1/payouts?institutionId=DEMO-A&from=2026-01-01&to=2026-12-31&position="
                + lastPosition).json();
        assertThat(fen(report, "rewardDecided")).isEqualTo(sum(payouts, "allocated"));
        assertThat(fen(report, "rewardPaid")).isEqualTo(sum(payouts, "paid"));
        assertThat(report.get("personsRewarded").asInt()).isEqualTo(payouts.size());

        JsonNode licences = report.get("contracts").get(0);
        assertThat(licences.get("kind").asText()).isEqualTo("LICENSE");
        assertThat(licences.get("contracts").asInt()).isEqualTo(contractsSigned);
        assertThat(licences.get("totalAmount").asText()).isEqualTo(yuan(120_000_000L * contractsSigned));
        assertThat(report.get("leaders")).extracting(l -> l.get("personId").asText()).containsExactly("P-L", "P-H");
        assertThat(report.get("principalHeadsRewarded").asInt()).isEqualTo(1);
        assertThat(fen(report, "institutionKeeps")).isEqualTo(fen(report, "netIncome") - fen(report, "rewardDecided"));
    }

    @Test
    void another_year_is_empty() {
        JsonNode report = report("auditor", "?institutionId=DEMO-A&year=2025").json();
        assertThat(report.get("income").asText()).isEqualTo("0.00");
        assertThat(report.get("contracts")).allMatch(m -> m.get("contracts").asInt() == 0);
        assertThat(report.get("personsRewarded").asInt()).isZero();
    }

    @Test
    void a_recorder_reads_its_own_institution_s_and_the_others_name_one() {
        JsonNode own = report("recorder-a", "?year=2026").json();
        assertThat(own.get("institutionId").asText()).isEqualTo("DEMO-A");
        assertThat(report("recorder-b", "?institutionId=DEMO-A&year=2026").status()).isEqualTo(403);
        assertThat(report("approver-office", "?institutionId=DEMO-A&year=2026").status()).isEqualTo(403);
        assertThat(report("finance", "?year=2026").status()).isEqualTo(400);
        assertThat(report("admin", "?institutionId=NOPE&year=2026").status()).isEqualTo(404);
        assertThat(c.get(null, REPORT + "?institutionId=DEMO-A&year=2026").status()).isEqualTo(401);
    }

    @Test
    void it_comes_as_a_spreadsheet() {
        HttpResponse<byte[]> xlsx = c.getBytes("finance", REPORT + "?institutionId=DEMO-A&year=2026&position="
                + lastPosition, "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith(new byte[]{'P', 'K'}); // a zip, as every XLSX
    }

    private static LedgerClient.Response report(String user, String query) {
        return c.get(user, REPORT + query + "&position=" + lastPosition);
    }

    private static long fen(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText()).movePointRight(2).longValueExact();
    }

    private static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            total += fen(row, field);
        }
        return total;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        lastPosition = Math.max(lastPosition, response.json().get("position").asLong());
    }
}
