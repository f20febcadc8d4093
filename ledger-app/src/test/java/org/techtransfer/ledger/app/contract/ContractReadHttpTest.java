package org.techtransfer.ledger.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.equity;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;

/**
 * {@code GET /contracts/{id}}, {@code ?asOf=} and {@code /events} read back what was recorded: the reward
 * figures checked against arithmetic done here from docs/domain.md (not by the ledger's own classes), the state
 * at a past instant, and the audit trail of each event with its real actor and the client's correlation id.
 */
class ContractReadHttpTest {

    private static final String API = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final BigDecimal BEIJING = new BigDecimal("0.70");
    private static final BigDecimal NATIONAL = new BigDecimal("0.50");
    private static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Shanghai");

    private static LedgerNode node;
    private static LedgerClient client;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        client = node.client();
        ok(client.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
        ok(client.post("admin", API + "/institutions", institution("DEMO-N", "NATIONAL")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    // ---- figures ----

    @Test
    void beijing_licence_with_incomes_costs_payments_and_reversals() {
        String c = register("C-FIG-BJ", "DEMO-A", "LICENSE", "2026-03-01");
        // recorded out of order: the deadline follows receivedOn, not the order of recording
        ok(post(c, "incomes", income("I-2", "5000.00", "2026-05-20")));
        ok(post(c, "incomes", income("I-1", "10000.01", "2026-03-10")));
        ok(post(c, "costs", cost("K-1", "1234.56", "TAX")));
        ok(post(c, "costs", cost("K-2", "100.00", "MAINTENANCE")));
        ok(post(c, "costs", cost("K-3", "200.00", "TRANSACTION")));
        // income 15000.01, costs 1534.56, net 13465.45, required ceil(0.70 × 13465.45 = 9425.815) = 9425.82
        assertThat(required(BEIJING, "13465.45")).isEqualTo("9425.82");
        expect(c, Map.of("income", "15000.01", "deductibleCosts", "1534.56", "netIncome", "13465.45",
                "requiredReward", "9425.82", "rewardDecided", "0.00", "rewardPaid", "0.00", "outstanding", "9425.82",
                "rewardStatus", "OUTSTANDING", "dueBy", "2029-03-10"));

        ok(post(c, "reward-decisions", decision("D-1", "4712.91", "4712.91", "9425.82")));
        ok(post(c, "payments", payment("PAY-1", "P-1", "4712.91", "2026-06-01")));
        // the oldest accrual: ceil(0.70 × (10000.01 − 1534.56) = 5925.815) = 5925.82, more than 4712.91 paid
        assertThat(required(BEIJING, "8465.45")).isEqualTo("5925.82");
        expect(c, Map.of("rewardDecided", "9425.82", "rewardPaid", "4712.91", "outstanding", "4712.91",
                "rewardStatus", "OUTSTANDING", "dueBy", "2029-03-10"));

        // 6012.91 paid settles the first accrual (5925.82): the deadline moves to the second income
        ok(post(c, "payments", payment("PAY-2", "P-2", "1300.00", "2026-06-02")));
        expect(c, Map.of("rewardPaid", "6012.91", "outstanding", "3412.91", "dueBy", "2029-05-20"));

        // a reversed cost no longer counts: net 13565.45, required ceil(9495.815) = 9495.82
        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "K-2", "reason", "paid by the licensee")));
        assertThat(required(BEIJING, "13565.45")).isEqualTo("9495.82");
        // first accrual now ceil(0.70 × 8565.45 = 5995.815) = 5995.82, still settled by 6012.91
        expect(c, Map.of("deductibleCosts", "1434.56", "netIncome", "13565.45", "requiredReward", "9495.82",
                "outstanding", "3482.91", "rewardStatus", "OUTSTANDING", "dueBy", "2029-05-20"));

        // a reversed payment no longer counts: back to the first income's deadline
        ok(post(c, "reversals", body("reversalId", "R-2", "entryId", "PAY-2", "reason", "bounced")));
        expect(c, Map.of("rewardPaid", "4712.91", "outstanding", "4782.91", "dueBy", "2029-03-10"));

        // a licensee's reimbursement of patent costs enters net income
        ok(post(c, "incomes", body("incomeId", "I-3", "amount", "100.00", "receivedOn", "2026-07-01",
                "category", "COST_REIMBURSEMENT")));
        assertThat(required(BEIJING, "13665.45")).isEqualTo("9565.82");
        expect(c, Map.of("income", "15100.01", "netIncome", "13665.45", "requiredReward", "9565.82",
                "outstanding", "4852.91"));

        JsonNode view = view(c);
        assertThat(view.path("contractId").asText()).isEqualTo(c);
        assertThat(view.path("registrationNumber").asText()).isEqualTo("REG-" + c);
        assertThat(view.path("kind").asText()).isEqualTo("LICENSE");
        assertThat(view.path("sellerInstitutionId").asText()).isEqualTo("DEMO-A");
        assertThat(view.path("buyer").path("regionCode").asText()).isEqualTo("110116");
        assertThat(view.path("technologyField").asText()).isEqualTo("nanotechnology");
        assertThat(view.path("totalAmount").asText()).isEqualTo("1200000.00");
        assertThat(view.path("technologyAmount").asText()).isEqualTo("1000000.00");
        assertThat(view.path("signedOn").asText()).isEqualTo("2026-03-01");
        assertThat(view.path("contributors")).hasSize(3);
        assertThat(view.path("terminated").asBoolean()).isFalse();
        assertThat(view.path("version").asLong()).isEqualTo(11);
        assertThat(view.path("sharesReceived").asLong()).isZero();
        assertThat(view.path("requiredShares").asLong()).isZero();
    }

    @Test
    void national_assignment_net_income_never_below_zero_and_a_fully_paid_reward() {
        String c = register("C-FIG-NAT", "DEMO-N", "ASSIGNMENT", "2026-03-01");
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-10")));
        ok(post(c, "costs", cost("K-1", "1500.00", "TAX")));
        expect(c, Map.of("income", "1000.00", "deductibleCosts", "1500.00", "netIncome", "0.00",
                "requiredReward", "0.00", "outstanding", "0.00", "rewardStatus", "NOTHING_DUE"));
        assertThat(view(c).path("dueBy").isMissingNode() || view(c).path("dueBy").isNull()).isTrue();

        // net 1500.01, required ceil(0.50 × 1500.01 = 750.005) = 750.01; the first income raised nothing
        ok(post(c, "incomes", income("I-2", "2000.01", "2026-04-15")));
        assertThat(required(NATIONAL, "1500.01")).isEqualTo("750.01");
        expect(c, Map.of("income", "3000.01", "netIncome", "1500.01", "requiredReward", "750.01",
                "outstanding", "750.01", "rewardStatus", "OUTSTANDING", "dueBy", "2029-04-15"));

        ok(post(c, "reward-decisions", decision("D-1", "375.01", "375.00", "750.01")));
        ok(post(c, "payments", payment("PAY-1", "P-1", "375.01", "2026-05-01")));
        expect(c, Map.of("rewardDecided", "750.01", "rewardPaid", "375.01", "outstanding", "375.00",
                "rewardStatus", "OUTSTANDING", "dueBy", "2029-04-15"));
        ok(post(c, "payments", payment("PAY-2", "P-2", "375.00", "2026-05-02")));
        expect(c, Map.of("rewardPaid", "750.01", "outstanding", "0.00", "rewardStatus", "COMPLIANT"));
        JsonNode paidUp = view(c);
        assertThat(paidUp.path("dueBy").isMissingNode() || paidUp.path("dueBy").isNull()).as(paidUp.toString()).isTrue();

        // the income reversed: nothing required any more, what was paid stays paid
        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "I-2", "reason", "returned to the buyer")));
        expect(c, Map.of("income", "1000.00", "netIncome", "0.00", "requiredReward", "0.00", "rewardPaid", "750.01",
                "outstanding", "0.00", "rewardStatus", "NOTHING_DUE"));
    }

    @Test
    void a_reward_unpaid_36_months_after_the_income_is_overdue() {
        String c = register("C-FIG-OLD", "DEMO-A", "LICENSE", "2023-01-01");
        ok(post(c, "incomes", income("I-1", "1000.00", "2023-06-01")));
        expect(c, Map.of("requiredReward", "700.00", "rewardStatus", "OVERDUE", "dueBy", "2026-06-01"));

        LocalDate today = LocalDate.now(LEDGER_ZONE);
        for (LocalDate receivedOn : List.of(today.minusMonths(36), today.minusMonths(36).minusDays(1),
                today.minusMonths(36).plusDays(1))) {
            String d = register("C-DUE-" + receivedOn, "DEMO-A", "LICENSE", "2023-01-01");
            ok(post(d, "incomes", income("I-1", "1000.00", receivedOn.toString())));
            LocalDate due = receivedOn.plusMonths(36);
            expect(d, Map.of("dueBy", due.toString(), "rewardStatus", today.isAfter(due) ? "OVERDUE" : "OUTSTANDING"));
        }
        // paid in full it is compliant, however late
        ok(post(c, "reward-decisions", decision("D-1", "350.00", "350.00", "700.00")));
        ok(post(c, "payments", payment("PAY-1", "P-1", "350.00", "2026-11-01")));
        expect(c, Map.of("rewardStatus", "OVERDUE", "outstanding", "350.00"));
        ok(post(c, "payments", payment("PAY-2", "P-2", "350.00", "2026-11-02")));
        expect(c, Map.of("rewardStatus", "COMPLIANT", "outstanding", "0.00"));
    }

    @Test
    void equity_shares_required_allocated_and_reversed() {
        String c = register("C-FIG-EQ", "DEMO-A", "EQUITY_INVESTMENT", "2026-03-01");
        ok(post(c, "equity", equity("E-1", 1001)));
        ok(post(c, "equity", equity("E-2", 500)));
        // ceil(0.70 × 1501 = 1050.7) = 1051
        expectShares(c, 1501, 1051, 0);
        ok(post(c, "equity-rewards", body("decisionId", "ED-1", "decidedOn", "2026-04-02", "totalShares", 1051,
                "allocations", List.of(body("personId", "P-1", "shares", 600), body("personId", "P-2", "shares", 451)))));
        expectShares(c, 1501, 1051, 1051);
        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "E-2", "reason", "shares never issued")));
        // ceil(0.70 × 1001 = 700.7) = 701
        expectShares(c, 1001, 701, 1051);
        expect(c, Map.of("requiredReward", "0.00", "rewardStatus", "NOTHING_DUE"));

        String n = register("C-FIG-EQ-NAT", "DEMO-N", "EQUITY_INVESTMENT", "2026-03-01");
        ok(post(n, "equity", equity("E-1", 3)));
        // ceil(0.50 × 3 = 1.5) = 2
        expectShares(n, 3, 2, 0);
    }

    @Test
    void kinds_without_a_statutory_floor_owe_nothing() {
        for (String kind : List.of("DEVELOPMENT", "CONSULTING", "SERVICE")) {
            String c = register("C-FIG-" + kind, "DEMO-A", kind, "2026-03-01");
            ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-10")));
            ok(post(c, "equity", equity("E-1", 100)));
            expect(c, Map.of("income", "1000.00", "netIncome", "1000.00", "requiredReward", "0.00",
                    "rewardStatus", "NOTHING_DUE", "outstanding", "0.00"));
            expectShares(c, 100, 0, 0);
        }
    }

    @Test
    void amendments_and_termination_show_in_the_contract() {
        String c = register("C-FIG-AMEND", "DEMO-A", "LICENSE", "2026-03-01");
        ok(post(c, "amendments", body("amendmentId", "A-1", "totalAmount", "1300000.00", "technologyAmount",
                "1100000.00", "reason", "supplement signed")));
        ok(post(c, "termination", body("terminatedOn", "2026-09-30", "reason", "licensee insolvent")));
        JsonNode view = view(c);
        assertThat(view.path("totalAmount").asText()).isEqualTo("1300000.00");
        assertThat(view.path("technologyAmount").asText()).isEqualTo("1100000.00");
        assertThat(view.path("terminated").asBoolean()).isTrue();
        assertThat(view.path("version").asLong()).isEqualTo(2);
    }

    // ---- as of an instant ----

    @Test
    void as_of_an_instant_shows_only_what_was_recorded_up_to_it() throws Exception {
        Instant beforeAll = Instant.now();
        Thread.sleep(20);
        String c = register("C-ASOF", "DEMO-A", "LICENSE", "2026-03-01");
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-10")));
        Thread.sleep(20);
        Instant afterFirst = Instant.now();
        Thread.sleep(20);
        ok(post(c, "incomes", income("I-2", "2000.00", "2026-04-10")));
        ok(post(c, "costs", cost("K-1", "100.00", "TAX")));
        ok(post(c, "reward-decisions", decision("D-1", "1015.00", "1015.00", "2030.00")));
        Thread.sleep(20);
        Instant afterDecision = Instant.now();
        Thread.sleep(20);
        ok(post(c, "termination", body("terminatedOn", "2026-09-30", "reason", "ended")));

        JsonNode then = asOf(c, afterFirst);
        assertThat(then.path("version").asLong()).isEqualTo(1);
        assertThat(then.path("income").asText()).isEqualTo("1000.00");
        assertThat(then.path("deductibleCosts").asText()).isEqualTo("0.00");
        assertThat(then.path("requiredReward").asText()).isEqualTo("700.00");
        assertThat(then.path("rewardDecided").asText()).isEqualTo("0.00");
        assertThat(then.path("terminated").asBoolean()).isFalse();

        JsonNode later = asOf(c, afterDecision);
        assertThat(later.path("version").asLong()).isEqualTo(4);
        // net 2900.00 → 2030.00
        assertThat(later.path("requiredReward").asText()).isEqualTo("2030.00");
        assertThat(later.path("rewardDecided").asText()).isEqualTo("2030.00");
        assertThat(later.path("terminated").asBoolean()).isFalse();

        JsonNode now = view(c);
        assertThat(now.path("version").asLong()).isEqualTo(5);
        assertThat(now.path("terminated").asBoolean()).isTrue();
        JsonNode future = asOf(c, Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(future.path("version").asLong()).isEqualTo(5);
        for (String field : List.of("income", "netIncome", "requiredReward", "rewardDecided", "terminated")) {
            assertThat(future.path(field)).as(field).isEqualTo(now.path(field));
        }

        // before the contract existed there is no contract
        LedgerClient.Response none = client.get("auditor", API + "/contracts/" + c + "?asOf=" + beforeAll);
        assertThat(none.status()).as(none.toString()).isEqualTo(404);
        // the admin may ask too; a recorder and finance may not
        assertThat(client.get("admin", API + "/contracts/" + c + "?asOf=" + afterFirst).json().path("version").asLong())
                .isEqualTo(1);
        assertThat(client.get("recorder-a", API + "/contracts/" + c + "?asOf=" + afterFirst).status()).isEqualTo(403);
        assertThat(client.get("finance", API + "/contracts/" + c + "?asOf=" + afterFirst).status()).isEqualTo(403);
    }

    // ---- events ----

    @Test
    void events_are_in_order_with_the_real_actor_the_correlation_id_and_the_payload() {
        Instant start = Instant.now().minusSeconds(1);
        String c = "C-EVENTS";
        // who and when come from the sign-in and the clock: a body naming them is refused, not half-believed
        Map<String, Object> registration = contract(c, "DEMO-A", "LICENSE");
        registration.put("actor", "mallory");
        HttpResponse<String> refused = postWith("recorder-a", API + "/contracts", registration, "X-Correlation-Id",
                "corr-forged");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"actor\"");
        registration.remove("actor");
        assertThat(postWith("recorder-a", API + "/contracts", registration, "X-Correlation-Id", "corr-register-1")
                .statusCode()).isEqualTo(201);
        Map<String, Object> forged = new LinkedHashMap<>(income("I-1", "1000.00", "2026-03-10"));
        forged.put("recordedAt", "2020-01-01T00:00:00Z");
        assertThat(postWith("admin", API + "/contracts/" + c + "/incomes", forged, "X-Correlation-Id", "corr-forged")
                .statusCode()).isEqualTo(400);
        assertThat(postWith("admin", API + "/contracts/" + c + "/incomes", income("I-1", "1000.00", "2026-03-10"),
                "X-Correlation-Id", "corr-income-2").statusCode()).isEqualTo(201);
        assertThat(postWith("recorder-a", API + "/contracts/" + c + "/costs", cost("K-1", "10.00", "TAX"),
                "X-Correlation-Id", "batch.2026-11:42").statusCode()).isEqualTo(201);
        // no header, and a header that is not a sane id: the ledger makes up its own
        ok(post(c, "reward-decisions", decision("D-1", "350.00", "343.00", "693.00")));
        assertThat(postWith("recorder-a", API + "/contracts/" + c + "/payments", payment("PAY-1", "P-1", "100.00",
                "2026-04-20"), "X-Correlation-Id", "evil\" value <script>").statusCode()).isEqualTo(201);
        // refused and repeated commands leave no event
        assertThat(postWith("recorder-a", API + "/contracts/" + c + "/payments", payment("PAY-2", "P-2", "999.00",
                "2026-04-20"), "X-Correlation-Id", "corr-refused").statusCode()).isEqualTo(422);
        assertThat(postWith("recorder-a", API + "/contracts/" + c + "/incomes", income("I-1", "1000.00", "2026-03-10"),
                "X-Correlation-Id", "corr-repeat").statusCode()).isEqualTo(200);
        Instant end = Instant.now().plusSeconds(1);

        for (String reader : List.of("auditor", "admin", "recorder-a")) {
            LedgerClient.Response r = client.get(reader, API + "/contracts/" + c + "/events");
            assertThat(r.status()).as(reader).isEqualTo(200);
            assertThat(r.contentType()).contains("json");
        }
        JsonNode events = client.get("auditor", API + "/contracts/" + c + "/events").json();
        assertThat(events.isArray()).isTrue();
        assertThat(events).hasSize(5);
        List<String> types = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertThat(e.path("sequence").asLong()).as("sequence of event " + i).isEqualTo(i);
            types.add(e.path("type").asText());
            Instant recordedAt = Instant.parse(e.path("recordedAt").asText());
            assertThat(recordedAt).isBetween(start, end).isAfterOrEqualTo(previous);
            previous = recordedAt;
            assertThat(e.path("payload").isObject()).isTrue();
            assertThat(e.toString()).doesNotContain("mallory", "forged-correlation", "2020-01-01T00:00:00Z");
        }
        assertThat(types).containsExactly("ContractRegistered", "IncomeRecorded", "CostRecorded", "CashRewardDecided",
                "RewardPaid");
        assertThat(events).extracting(e -> e.path("actor").asText())
                .containsExactly("recorder-a", "admin", "recorder-a", "admin", "recorder-a");
        assertThat(events.get(0).path("correlationId").asText()).isEqualTo("corr-register-1");
        assertThat(events.get(1).path("correlationId").asText()).isEqualTo("corr-income-2");
        assertThat(events.get(2).path("correlationId").asText()).isEqualTo("batch.2026-11:42");
        String made = events.get(3).path("correlationId").asText();
        String replaced = events.get(4).path("correlationId").asText();
        assertThat(made).isNotBlank();
        assertThat(replaced).isNotBlank().isNotEqualTo(made).doesNotContain("evil", "<", "\"");

        JsonNode income = events.get(1).path("payload");
        assertThat(income.path("incomeId").asText()).isEqualTo("I-1");
        assertThat(income.path("amount").asText()).isEqualTo("1000.00");
        assertThat(income.path("receivedOn").asText()).isEqualTo("2026-03-10");
        assertThat(income.path("category").asText()).isEqualTo("ROYALTY");
        assertThat(events.get(0).path("payload").path("contractId").asText()).isEqualTo(c);
        assertThat(events.get(0).path("payload").path("registrationNumber").asText()).isEqualTo("REG-" + c);
        assertThat(events.get(4).path("payload").path("paymentId").asText()).isEqualTo("PAY-1");
        assertThat(view(c).path("version").asLong()).isEqualTo(events.size() - 1);
    }

    // ---- helpers ----

    /** {@code ceil_to_fen(rate × net)}, done here with BigDecimal. */
    private static String required(BigDecimal rate, String net) {
        return rate.multiply(new BigDecimal(net)).setScale(2, RoundingMode.CEILING).toPlainString();
    }

    private static String register(String contractId, String seller, String kind, String signedOn) {
        Map<String, Object> body = contract(contractId, seller, kind);
        body.put("signedOn", signedOn);
        ok(client.post("admin", API + "/contracts", body));
        return contractId;
    }

    private static LedgerClient.Response post(String contractId, String command, Object body) {
        return client.post("admin", API + "/contracts/" + contractId + "/" + command, body);
    }

    private static JsonNode view(String contractId) {
        LedgerClient.Response r = client.get("finance", API + "/contracts/" + contractId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode asOf(String contractId, Instant instant) {
        LedgerClient.Response r = client.get("auditor", API + "/contracts/" + contractId + "?asOf=" + instant);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void expect(String contractId, Map<String, String> figures) {
        JsonNode view = view(contractId);
        Map<String, String> actual = new LinkedHashMap<>();
        for (String name : figures.keySet()) {
            actual.put(name, view.path(name).asText());
        }
        assertThat(actual).as(contractId + ": " + view).isEqualTo(figures);
    }

    private static void expectShares(String contractId, long received, long required, long allocated) {
        JsonNode view = view(contractId);
        assertThat(List.of(view.path("sharesReceived").asLong(), view.path("requiredShares").asLong(),
                view.path("sharesAllocated").asLong())).as(contractId + " shares received, required, allocated")
                .containsExactly(received, required, allocated);
    }

    private static HttpResponse<String> postWith(String user, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
