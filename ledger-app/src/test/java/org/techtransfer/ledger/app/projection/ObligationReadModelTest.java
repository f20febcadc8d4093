package org.techtransfer.ledger.app.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The reward obligations read model ({@code GET /rewards/obligations}) against the contracts themselves
 * ({@code GET /contracts/{id}}) and against figures computed here from docs/domain.md alone: net income,
 * {@code ceil_to_fen(rate × net)}, accruals settled oldest first, {@code dueBy}, and the status on today.
 */
class ObligationReadModelTest {

    private static final String OBLIGATIONS = "/api/v1/rewards/obligations";
    /** The ledger's business day (application default {@code ledger.zone}). */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;
    private static LocalDate today;
    /** Every contract of the scenario, modelled independently of the ledger's code. */
    private static final Map<String, Deal> deals = new LinkedHashMap<>();

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        today = LocalDate.now(ZONE);

        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        // an institution with its own, higher rate and shorter deadline (docs/domain.md, "Reward policies")
        Map<String, Object> own = institution("DEMO-C", "NATIONAL");
        own.put("rewardRate", new BigDecimal("0.60"));
        own.put("paymentDeadlineMonths", 12);
        ok(c.post("admin", "/api/v1/institutions", own));

        // DEMO-A (Beijing, 70%): licence with reversed income, a cost, two decisions, publicity and a reversed payment
        Deal lic = register("recorder-a", "A-LIC", "DEMO-A", "LICENSE", "2026-03-01", "0.70", 36);
        lic.income("I-1", "500000.00", "2026-03-15");
        lic.income("I-2", "300000.00", "2026-06-15");
        lic.cost("K-1", "100000.00", "TAX");
        lic.income("I-3", "12345.67", "2026-05-01");
        lic.reverse("REV-1", "I-3");
        lic.decide("D-1", "2026-07-01", "P-1", "245000.00", "P-2", "245000.00");
        lic.decide("D-L", "2026-07-02", "P-1", "500.00", "P-L", "500.00");
        ok(c.post(lic.recorder, lic.path("/publicity"), body("noticeId", "N-1", "decisionId", "D-L",
                "from", "2026-07-02", "to", "2026-07-10")));
        lic.pay("PAY-1", "P-1", "245000.00", "2026-07-20");
        lic.pay("PAY-L", "P-L", "500.00", "2026-07-20");
        lic.pay("PAY-X", "P-2", "1000.00", "2026-07-20");
        lic.reverse("REV-2", "PAY-X");

        // DEMO-A: an income of 2022, not fully paid: more than 36 months ago, so OVERDUE today
        Deal old = register("recorder-a", "A-OLD", "DEMO-A", "ASSIGNMENT", "2021-12-01", "0.70", 36);
        old.income("I-1", "100000.01", "2022-01-10");
        old.decide("D-1", "2022-02-01", "P-1", "35000.01", "P-2", "35000.00");
        old.pay("PAY-1", "P-2", "35000.00", "2022-06-01");

        // DEMO-A: development contract: rewards may be decided and paid, nothing is due
        Deal dev = register("recorder-a", "A-DEV", "DEMO-A", "DEVELOPMENT", "2026-01-15", "0", 36);
        dev.income("I-1", "200000.00", "2026-02-01");
        dev.decide("D-1", "2026-02-10", "P-1", "500.00", "P-2", "500.00");
        dev.pay("PAY-1", "P-1", "500.00", "2026-02-20");

        // DEMO-A: costs above income: net income is never below zero, nothing due
        Deal loss = register("recorder-a", "A-LOSS", "DEMO-A", "LICENSE", "2026-05-01", "0.70", 36);
        loss.income("I-1", "1000.00", "2026-05-05");
        loss.cost("K-1", "2000.00", "MAINTENANCE");

        // DEMO-A: deadline falls today (still OUTSTANDING) and yesterday (OVERDUE)
        Deal edge = register("recorder-a", "A-EDGE", "DEMO-A", "LICENSE", "2020-06-01", "0.70", 36);
        edge.income("I-1", "10.00", today.minusMonths(36).toString());
        Deal late = register("recorder-a", "A-LATE", "DEMO-A", "LICENSE", "2020-06-01", "0.70", 36);
        late.income("I-1", "10.00", today.minusMonths(36).minusDays(1).toString());

        // DEMO-B (national, 50%): fully paid, required rounded up to the fen
        Deal comp = register("recorder-b", "B-COMP", "DEMO-B", "LICENSE", "2025-04-01", "0.50", 36);
        comp.income("I-1", "80000.01", "2025-05-01");
        comp.cost("K-1", "0.02", "MAINTENANCE");
        comp.decide("D-1", "2025-06-01", "P-1", "20000.00", "P-2", "20000.00");
        comp.pay("PAY-1", "P-1", "20000.00", "2025-06-10");
        comp.pay("PAY-2", "P-2", "20000.00", "2025-06-10");

        // DEMO-B: two accruals, the first settled, a reversed payment: due 36 months after the second income
        Deal two = register("recorder-b", "B-TWO", "DEMO-B", "ASSIGNMENT", "2023-12-01", "0.50", 36);
        two.income("I-1", "100000.00", "2024-01-01");
        two.income("I-2", "100000.00", "2025-01-01");
        two.decide("D-1", "2025-02-01", "P-1", "50000.00", "P-2", "50000.00");
        two.pay("PAY-1", "P-1", "50000.00", "2025-03-01");
        two.pay("PAY-2", "P-2", "30000.00", "2025-03-01");
        two.pay("PAY-3", "P-2", "20000.00", "2025-03-02");
        two.reverse("REV-1", "PAY-3");

        // DEMO-B: an old income reversed does not set the deadline (it would make the contract OVERDUE)
        Deal rev = register("recorder-b", "B-REV", "DEMO-B", "LICENSE", "2023-05-01", "0.50", 36);
        rev.income("I-0", "50000.00", "2023-06-01");
        rev.income("I-1", "100000.00", "2024-02-01");
        rev.reverse("REV-1", "I-0");

        // DEMO-B: equity only: the cash obligation is nothing
        Deal eq = register("recorder-b", "B-EQ", "DEMO-B", "EQUITY_INVESTMENT", "2026-02-01", "0.50", 36);
        ok(c.post(eq.recorder, eq.path("/equity"), body("equityId", "E-1", "company", "Nano Start-up Ltd.",
                "shares", 1000, "valuation", "5000000.00", "receivedOn", "2026-03-10")));
        ok(c.post(eq.recorder, eq.path("/equity-rewards"), body("decisionId", "ED-1", "decidedOn", "2026-04-02",
                "totalShares", 500, "allocations", List.of(body("personId", "P-1", "shares", 500)))));

        // DEMO-C: 60% of its own and a 12-month deadline: OVERDUE where 36 months would not be
        Deal own12 = register("admin", "C-SHORT", "DEMO-C", "LICENSE", "2025-09-01", "0.60", 12);
        own12.income("I-1", "33333.33", "2025-10-01");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void every_row_equals_the_contract_and_the_rules() {
        JsonNode rows = obligations("finance", "");
        assertThat(rows.size()).isEqualTo(deals.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode row : rows) {
            String id = row.get("contractId").asText();
            assertThat(seen.add(id)).as("one row per contract: " + id).isTrue();
            Deal deal = deals.get(id);
            assertThat(deal).as("a contract of the scenario: " + id).isNotNull();
            JsonNode contract = c.get("auditor", "/api/v1/contracts/" + id).json();

            // the read model says what the contract says
            assertThat(row.get("institutionId").asText()).as(id).isEqualTo(contract.get("sellerInstitutionId").asText());
            for (String field : List.of("netIncome", "requiredReward", "rewardDecided", "rewardPaid", "outstanding")) {
                assertThat(row.get(field).asText()).as(id + " " + field).isEqualTo(contract.get(field).asText());
            }
            assertThat(row.get("status").asText()).as(id + " status").isEqualTo(contract.get("rewardStatus").asText());
            assertThat(text(row, "dueBy")).as(id + " dueBy").isEqualTo(text(contract, "dueBy"));

            // and what docs/domain.md says, computed here
            Figures expected = deal.figures(today);
            assertThat(row.get("institutionId").asText()).as(id).isEqualTo(deal.institution);
            assertThat(row.get("netIncome").asText()).as(id + " netIncome").isEqualTo(yuan(expected.net));
            assertThat(row.get("requiredReward").asText()).as(id + " requiredReward").isEqualTo(yuan(expected.required));
            assertThat(row.get("rewardDecided").asText()).as(id + " rewardDecided").isEqualTo(yuan(expected.decided));
            assertThat(row.get("rewardPaid").asText()).as(id + " rewardPaid").isEqualTo(yuan(expected.paid));
            assertThat(row.get("outstanding").asText()).as(id + " outstanding").isEqualTo(yuan(expected.outstanding));
            assertThat(row.get("status").asText()).as(id + " status").isEqualTo(expected.status);
            assertThat(text(row, "dueBy")).as(id + " dueBy")
                    .isEqualTo(expected.dueBy == null ? null : expected.dueBy.toString());
        }
    }

    @Test
    void the_scenario_covers_every_status_with_hand_checked_figures() {
        Map<String, JsonNode> byId = byId(obligations("auditor", ""));
        assertThat(byId.get("A-LIC").get("requiredReward").asText()).isEqualTo("490000.00");
        assertThat(byId.get("A-LIC").get("rewardDecided").asText()).isEqualTo("491000.00");
        assertThat(byId.get("A-LIC").get("rewardPaid").asText()).isEqualTo("245500.00");
        assertThat(byId.get("A-LIC").get("dueBy").asText()).isEqualTo("2029-03-15");
        assertThat(byId.get("A-OLD").get("requiredReward").asText()).isEqualTo("70000.01");
        assertThat(byId.get("A-OLD").get("status").asText()).isEqualTo("OVERDUE");
        assertThat(byId.get("A-OLD").get("dueBy").asText()).isEqualTo("2025-01-10");
        assertThat(byId.get("A-DEV").get("status").asText()).isEqualTo("NOTHING_DUE");
        assertThat(byId.get("A-DEV").get("rewardPaid").asText()).isEqualTo("500.00");
        assertThat(text(byId.get("A-DEV"), "dueBy")).isNull();
        assertThat(byId.get("A-LOSS").get("netIncome").asText()).isEqualTo("0.00");
        assertThat(byId.get("A-LOSS").get("status").asText()).isEqualTo("NOTHING_DUE");
        assertThat(byId.get("A-EDGE").get("status").asText()).isEqualTo(
                today.minusMonths(36).plusMonths(36).isBefore(today) ? "OVERDUE" : "OUTSTANDING");
        assertThat(byId.get("A-LATE").get("status").asText()).isEqualTo("OVERDUE");
        assertThat(byId.get("B-COMP").get("requiredReward").asText()).isEqualTo("40000.00");
        assertThat(byId.get("B-COMP").get("status").asText()).isEqualTo("COMPLIANT");
        assertThat(byId.get("B-TWO").get("dueBy").asText()).isEqualTo("2028-01-01");
        assertThat(byId.get("B-TWO").get("outstanding").asText()).isEqualTo("20000.00");
        assertThat(byId.get("B-REV").get("dueBy").asText()).isEqualTo("2027-02-01");
        assertThat(byId.get("B-REV").get("status").asText()).isEqualTo("OUTSTANDING");
        assertThat(byId.get("B-EQ").get("status").asText()).isEqualTo("NOTHING_DUE");
        assertThat(byId.get("C-SHORT").get("requiredReward").asText()).isEqualTo("20000.00");
        assertThat(byId.get("C-SHORT").get("dueBy").asText()).isEqualTo("2026-10-01");
        assertThat(byId.get("C-SHORT").get("status").asText()).isEqualTo(
                today.isAfter(LocalDate.of(2026, 10, 1)) ? "OVERDUE" : "OUTSTANDING");
    }

    @Test
    void overdue_comes_first_then_outstanding_each_by_deadline_then_the_rest() {
        JsonNode rows = obligations("admin", "");
        List<String> statuses = List.of("OVERDUE", "OUTSTANDING", "COMPLIANT", "NOTHING_DUE");
        int previousRank = -1;
        String previousDue = null;
        for (JsonNode row : rows) {
            int rank = statuses.indexOf(row.get("status").asText());
            assertThat(rank).as("status order at " + row).isGreaterThanOrEqualTo(previousRank);
            String due = text(row, "dueBy");
            if (rank == previousRank && rank <= 1) {
                assertThat(due).as("deadline order at " + row).isGreaterThanOrEqualTo(previousDue);
            }
            previousRank = rank;
            previousDue = due;
        }
        // the whole order as computed here: status, then deadline (none last), then contract id
        List<String> expected = deals.values().stream()
                .sorted(Comparator.comparing((Deal d) -> statuses.indexOf(d.figures(today).status))
                        .thenComparing(d -> d.figures(today).dueBy, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(d -> d.id))
                .map(d -> d.id).toList();
        assertThat(ids(rows)).isEqualTo(expected);
        assertThat(rows.get(0).get("status").asText()).isEqualTo("OVERDUE");
    }

    @Test
    void filters_by_institution_and_by_status() {
        assertThat(ids(obligations("finance", "&institutionId=DEMO-B")))
                .containsExactlyInAnyOrderElementsOf(idsWhere(d -> d.institution.equals("DEMO-B")));
        assertThat(ids(obligations("finance", "&institutionId=DEMO-A")))
                .containsExactlyInAnyOrderElementsOf(idsWhere(d -> d.institution.equals("DEMO-A")));
        for (String status : List.of("OVERDUE", "OUTSTANDING", "COMPLIANT", "NOTHING_DUE")) {
            JsonNode rows = obligations("finance", "&status=" + status);
            assertThat(ids(rows)).as(status)
                    .containsExactlyInAnyOrderElementsOf(idsWhere(d -> d.figures(today).status.equals(status)));
            rows.forEach(r -> assertThat(r.get("status").asText()).isEqualTo(status));
        }
        assertThat(ids(obligations("finance", "&institutionId=DEMO-A&status=NOTHING_DUE")))
                .contains("A-DEV", "A-LOSS")
                .containsExactlyInAnyOrderElementsOf(idsWhere(d -> d.institution.equals("DEMO-A")
                        && d.figures(today).status.equals("NOTHING_DUE")));
        assertThat(ids(obligations("finance", "&institutionId=DEMO-A&status=OVERDUE")))
                .containsExactlyInAnyOrder("A-OLD", "A-LATE");
        assertThat(obligations("finance", "&institutionId=NOBODY")).isEmpty();

        LedgerClient.Response unknownStatus = c.get("finance", OBLIGATIONS + "?status=LATE");
        assertThat(unknownStatus.status()).as(unknownStatus.toString()).isEqualTo(400);
    }

    @Test
    void finance_auditor_and_admin_read_all_a_recorder_its_own_institutions() {
        for (String user : List.of("finance", "auditor", "admin")) {
            assertThat(c.get(user, OBLIGATIONS).status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("recorder-a", "recorder-b")) {
            String own = user.equals("recorder-a") ? "DEMO-A" : "DEMO-B";
            String other = user.equals("recorder-a") ? "DEMO-B" : "DEMO-A";
            LedgerClient.Response mine = c.get(user, OBLIGATIONS);
            assertThat(mine.status()).as(user).isEqualTo(200);
            assertThat(mine.json()).as(user).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get("institutionId").asText()).isEqualTo(own));
            assertThat(c.get(user, OBLIGATIONS + "?institutionId=" + own).json()).isEqualTo(mine.json());
            LedgerClient.Response refused = c.get(user, OBLIGATIONS + "?institutionId=" + other);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(c.get(null, OBLIGATIONS).status()).isEqualTo(401);
    }

    @Test
    void a_new_command_is_seen_at_its_position() {
        Deal fresh = register("recorder-a", "A-NEW", "DEMO-A", "LICENSE", "2025-12-01", "0.70", 36);
        long registered = lastPosition;
        fresh.income("I-1", "100.00", "2026-01-01");
        assertThat(lastPosition).isGreaterThan(registered);
        JsonNode row = byId(obligations("finance", "&institutionId=DEMO-A", lastPosition)).get("A-NEW");
        assertThat(row).isNotNull();
        assertThat(row.get("requiredReward").asText()).isEqualTo("70.00");
        assertThat(row.get("dueBy").asText()).isEqualTo("2029-01-01");
        assertThat(row.get("status").asText()).isEqualTo("OUTSTANDING");
        fresh.reverse("R-1", "I-1");
        row = byId(obligations("finance", "&institutionId=DEMO-A", lastPosition)).get("A-NEW");
        assertThat(row.get("requiredReward").asText()).isEqualTo("0.00");
        assertThat(row.get("status").asText()).isEqualTo("NOTHING_DUE");
        assertThat(text(row, "dueBy")).isNull();
    }

    @Test
    void a_position_the_read_model_never_reaches_answers_503() {
        LedgerClient.Response behind = c.get("finance", OBLIGATIONS + "?position=" + (lastPosition + 1_000_000));
        assertThat(behind.status()).as(behind.toString()).isEqualTo(503);
        assertThat(behind.contentType()).startsWith("application/problem+json");
    }

    // ---- the scenario, modelled from docs/domain.md ----

    private static Deal register(String recorder, String id, String institution, String kind, String signedOn,
                                 String rate, int deadlineMonths) {
        Map<String, Object> body = contract(id, institution, kind);
        body.put("signedOn", signedOn);
        ok(c.post(recorder, "/api/v1/contracts", body));
        Deal deal = new Deal(id, institution, recorder, new BigDecimal(rate), deadlineMonths);
        deals.put(id, deal);
        return deal;
    }

    record Figures(long net, long required, long decided, long paid, long outstanding, String status, LocalDate dueBy) {
    }

    static final class Deal {
        private record Income(String id, long fen, LocalDate receivedOn) {
        }

        final String id;
        final String institution;
        final String recorder;
        final BigDecimal rate;
        final int deadlineMonths;
        final List<Income> incomes = new ArrayList<>();
        final Map<String, Long> costs = new LinkedHashMap<>();
        final Map<String, Long> payments = new LinkedHashMap<>();
        final Set<String> reversed = new HashSet<>();
        long decided;

        Deal(String id, String institution, String recorder, BigDecimal rate, int deadlineMonths) {
            this.id = id;
            this.institution = institution;
            this.recorder = recorder;
            this.rate = rate;
            this.deadlineMonths = deadlineMonths;
        }

        String path(String tail) {
            return "/api/v1/contracts/" + id + tail;
        }

        void income(String incomeId, String amount, String receivedOn) {
            ok(c.post(recorder, path("/incomes"), body("incomeId", incomeId, "amount", amount,
                    "receivedOn", receivedOn, "category", "ROYALTY")));
            incomes.add(new Income(incomeId, fen(amount), LocalDate.parse(receivedOn)));
        }

        void cost(String costId, String amount, String category) {
            ok(c.post(recorder, path("/costs"), body("costId", costId, "amount", amount, "incurredOn", "2026-05-20",
                    "category", category)));
            costs.put(costId, fen(amount));
        }

        void decide(String decisionId, String decidedOn, String person1, String amount1, String person2, String amount2) {
            long total = fen(amount1) + fen(amount2);
            ok(c.post(recorder, path("/reward-decisions"), body("decisionId", decisionId, "decidedOn", decidedOn,
                    "total", yuan(total), "allocations", List.of(body("personId", person1, "amount", amount1),
                            body("personId", person2, "amount", amount2)))));
            decided += total;
        }

        void pay(String paymentId, String personId, String amount, String paidOn) {
            ok(c.post(recorder, path("/payments"), body("paymentId", paymentId, "personId", personId,
                    "amount", amount, "paidOn", paidOn, "reference", "bank " + paymentId)));
            payments.put(paymentId, fen(amount));
        }

        void reverse(String reversalId, String entryId) {
            ok(c.post(recorder, path("/reversals"), body("reversalId", reversalId, "entryId", entryId,
                    "reason", "recorded by mistake")));
            reversed.add(entryId);
        }

        /** ceil_to_fen(rate × max(0, income − costs)). */
        long requiredFor(long incomeFen, long costFen) {
            long net = Math.max(0, incomeFen - costFen);
            return rate.multiply(BigDecimal.valueOf(net)).setScale(0, RoundingMode.CEILING).longValueExact();
        }

        Figures figures(LocalDate today) {
            List<Income> standing = incomes.stream().filter(i -> !reversed.contains(i.id())).toList();
            long income = standing.stream().mapToLong(Income::fen).sum();
            long cost = costs.entrySet().stream().filter(e -> !reversed.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            long paid = payments.entrySet().stream().filter(e -> !reversed.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            long net = Math.max(0, income - cost);
            long required = requiredFor(income, cost);
            long outstanding = Math.max(0, required - paid);

            // each income accrues the increase of the requirement it caused; payments settle accruals oldest first
            LocalDate dueBy = null;
            List<Income> oldestFirst = standing.stream().sorted(Comparator.comparing(Income::receivedOn)).toList();
            long cumulative = 0;
            long settle = paid;
            for (Income i : oldestFirst) {
                long before = requiredFor(cumulative, cost);
                cumulative += i.fen();
                long accrual = requiredFor(cumulative, cost) - before;
                if (accrual <= settle) {
                    settle -= accrual;
                } else {
                    dueBy = i.receivedOn().plusMonths(deadlineMonths);
                    break;
                }
            }
            String status;
            if (required == 0) {
                status = "NOTHING_DUE";
                dueBy = null;
            } else if (paid >= required) {
                status = "COMPLIANT";
                dueBy = null;
            } else {
                status = today.isAfter(dueBy) ? "OVERDUE" : "OUTSTANDING";
            }
            return new Figures(net, required, decided, paid, outstanding, status, dueBy);
        }
    }

    // ---- helpers ----

    private static JsonNode obligations(String user, String query) {
        return obligations(user, query, lastPosition);
    }

    private static JsonNode obligations(String user, String query, long position) {
        LedgerClient.Response response = c.get(user, OBLIGATIONS + "?position=" + position + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        lastPosition = Math.max(lastPosition, answer.get("position").asLong());
        return answer;
    }

    private static Map<String, JsonNode> byId(JsonNode rows) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.get("contractId").asText(), r));
        return byId;
    }

    private static List<String> ids(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("contractId").asText()));
        return ids;
    }

    private static List<String> idsWhere(java.util.function.Predicate<Deal> which) {
        return deals.values().stream().filter(which).map(d -> d.id).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
