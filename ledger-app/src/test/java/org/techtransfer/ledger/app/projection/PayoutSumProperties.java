package org.techtransfer.ledger.app.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.projection.ObligationReadModelTest.fen;
import static org.techtransfer.ledger.app.projection.ObligationReadModelTest.yuan;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * Random deals (seeded: a failure names its seed) recorded over HTTP on one node: whatever the incomes,
 * decisions, payments and reversals, the payouts read model adds up to what the contracts say. The sum of
 * all PAYMENT items is the sum of {@code rewardPaid}, the sum of all allocations the sum of
 * {@code rewardDecided}; per person, what was allocated and paid is what this test recorded.
 */
class PayoutSumProperties {

    private static final long BASE_SEED = 20_261_125L;
    private static final int DEALS_PER_REPETITION = 10;
    private static final List<String> KINDS = List.of("LICENSE", "ASSIGNMENT", "EQUITY_INVESTMENT", "DEVELOPMENT",
            "CONSULTING");
    private static final List<String> PEOPLE = List.of("P-1", "P-2", "P-3", "P-4", "P-5");
    private static final List<String> LEADERS = List.of("P-L1", "P-L2");

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;
    private static final List<String> contractIds = new ArrayList<>();
    private static final Map<String, Deal> deals = new LinkedHashMap<>();

    /** What this test recorded on one contract: allocations, and the payments that stand. */
    private static final class Deal {
        final String recorder;
        final String base;
        final Map<String, Long> allocated = new TreeMap<>();
        final Map<String, Long> paid = new HashMap<>();
        final Map<String, Object[]> standing = new TreeMap<>();
        int payments;

        Deal(String recorder, String id) {
            this.recorder = recorder;
            this.base = "/api/v1/contracts/" + id;
        }

        long room(String person) {
            return allocated.getOrDefault(person, 0L) - paid.getOrDefault(person, 0L);
        }

        void pay(Random random, String person, long amount) {
            String paymentId = "PAY-" + payments++;
            ok(c.post(recorder, base + "/payments", body("paymentId", paymentId, "personId", person,
                    "amount", yuan(amount), "paidOn", LocalDate.of(2025, 7, 1).plusDays(random.nextInt(300)).toString(),
                    "reference", "transfer " + base + "/" + paymentId)));
            paid.merge(person, amount, Long::sum);
            byPerson.computeIfAbsent(person, k -> new long[2])[1] += amount;
            standing.put(paymentId, new Object[]{person, amount});
        }

        void reverse(String paymentId) {
            ok(c.post(recorder, base + "/reversals", body("reversalId", "R-" + paymentId, "entryId", paymentId,
                    "reason", "returned by the bank")));
            Object[] payment = standing.remove(paymentId);
            paid.merge((String) payment[0], -(Long) payment[1], Long::sum);
            byPerson.get((String) payment[0])[1] -= (Long) payment[1];
        }
    }
    /** Per person, [allocated, paid] in fen, as recorded by this test over every repetition. */
    private static final Map<String, long[]> byPerson = new TreeMap<>();

    @BeforeAll
    static void start() {
        // the read models keep only the events of a contract or two folded: the others are read again from the log
        node = LedgerNode.start(TestDatabase.fresh(), "--ledger.projections.followed-events=20");
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @RepeatedTest(3)
    void payouts_add_up_to_the_contracts(RepetitionInfo repetition) {
        long seed = BASE_SEED + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        for (int i = 0; i < DEALS_PER_REPETITION; i++) {
            randomDeal(random, "R" + repetition.getCurrentRepetition() + "-" + i);
        }
        // later payments and reversals on earlier contracts, of this repetition or before
        List<String> ids = new ArrayList<>(deals.keySet());
        for (int i = 0; i < 8; i++) {
            Deal deal = deals.get(ids.get(random.nextInt(ids.size())));
            List<String> withRoom = deal.allocated.keySet().stream().filter(p -> deal.room(p) > 0).toList();
            if (!deal.standing.isEmpty() && (withRoom.isEmpty() || random.nextBoolean())) {
                List<String> standing = new ArrayList<>(deal.standing.keySet());
                deal.reverse(standing.get(random.nextInt(standing.size())));
            } else if (!withRoom.isEmpty()) {
                String person = withRoom.get(random.nextInt(withRoom.size()));
                deal.pay(random, person, 1 + (long) (random.nextDouble() * deal.room(person)));
            }
        }

        long paidSum = 0;
        long decidedSum = 0;
        Map<String, JsonNode> obligations = new HashMap<>();
        get("/api/v1/rewards/obligations?position=" + lastPosition)
                .forEach(r -> obligations.put(r.get("contractId").asText(), r));
        assertThat(obligations.keySet()).containsExactlyInAnyOrderElementsOf(contractIds);
        for (String id : contractIds) {
            JsonNode contract = c.get("auditor", "/api/v1/contracts/" + id).json();
            paidSum += fen(contract.get("rewardPaid").asText());
            decidedSum += fen(contract.get("rewardDecided").asText());
            JsonNode row = obligations.get(id);
            for (String f : List.of("netIncome", "requiredReward", "rewardDecided", "rewardPaid", "outstanding")) {
                assertThat(row.get(f).asText()).as("seed " + seed + " " + id + " " + f).isEqualTo(contract.get(f).asText());
            }
            assertThat(row.get("status").asText()).as("seed " + seed + " " + id).isEqualTo(contract.get("rewardStatus").asText());
            assertThat(row.path("dueBy").asText()).as("seed " + seed + " " + id).isEqualTo(contract.path("dueBy").asText());
        }
        long paymentItems = 0;
        long allocationItems = 0;
        Map<String, long[]> seen = new TreeMap<>();
        JsonNode payouts = get("/api/v1/payouts?position=" + lastPosition);
        for (JsonNode person : payouts) {
            long allocated = 0;
            long paid = 0;
            for (JsonNode item : person.get("items")) {
                long amount = fen(item.get("amount").asText());
                assertThat(amount).as("seed " + seed + ": " + item).isPositive();
                if (item.get("kind").asText().equals("PAYMENT")) {
                    paid += amount;
                } else {
                    assertThat(item.get("kind").asText()).isEqualTo("ALLOCATION");
                    allocated += amount;
                }
            }
            assertThat(person.get("allocated").asText()).as("seed " + seed + " " + person.get("personId"))
                    .isEqualTo(yuan(allocated));
            assertThat(person.get("paid").asText()).as("seed " + seed + " " + person.get("personId"))
                    .isEqualTo(yuan(paid));
            assertThat(person.get("unpaid").asText()).as("seed " + seed + " " + person.get("personId"))
                    .isEqualTo(yuan(allocated - paid));
            seen.put(person.get("personId").asText(), new long[]{allocated, paid});
            paymentItems += paid;
            allocationItems += allocated;
        }
        assertThat(paymentItems).as("seed " + seed + ": payments against the contracts' rewardPaid").isEqualTo(paidSum);
        assertThat(allocationItems).as("seed " + seed + ": allocations against the contracts' rewardDecided")
                .isEqualTo(decidedSum);

        Map<String, String> expected = new TreeMap<>();
        byPerson.forEach((p, s) -> expected.put(p, yuan(s[0]) + "/" + yuan(s[1])));
        Map<String, String> actual = new TreeMap<>();
        seen.forEach((p, s) -> actual.put(p, yuan(s[0]) + "/" + yuan(s[1])));
        assertThat(actual).as("seed " + seed + ": per person allocated/paid").isEqualTo(expected);

        long obligationsPaid = 0;
        for (JsonNode row : get("/api/v1/rewards/obligations?position=" + lastPosition)) {
            obligationsPaid += fen(row.get("rewardPaid").asText());
        }
        assertThat(obligationsPaid).as("seed " + seed + ": obligations' rewardPaid").isEqualTo(paidSum);
    }

    /** One contract with random incomes, costs, decisions, publicity, payments and reversals, all accepted. */
    private static void randomDeal(Random random, String id) {
        boolean a = random.nextBoolean();
        String recorder = a ? "recorder-a" : "recorder-b";
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        List<String> pool = new ArrayList<>(PEOPLE);
        java.util.Collections.shuffle(pool, random);
        String principal = pool.get(0);
        List<String> others = new ArrayList<>(pool.subList(1, 1 + random.nextInt(3)));
        String leader = random.nextInt(3) == 0 ? LEADERS.get(random.nextInt(LEADERS.size())) : null;
        List<Object> contributors = new ArrayList<>();
        contributors.add(body("personId", principal, "name", "N " + principal, "principal", true, "leadership", false));
        others.forEach(p -> contributors.add(body("personId", p, "name", "N " + p, "principal", false, "leadership", false)));
        if (leader != null) {
            contributors.add(body("personId", leader, "name", "N " + leader, "principal", false, "leadership", true));
            others.add(leader);
        }
        Map<String, Object> registration = contract(id, a ? "DEMO-A" : "DEMO-B", kind);
        registration.put("contributors", contributors);
        // signed before every dated entry below (decisions from 2025-01-15, payments from 2025-07-01)
        LocalDate signedOn = LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1);
        registration.put("signedOn", signedOn.toString());
        ok(c.post(recorder, "/api/v1/contracts", registration));
        contractIds.add(id);
        Deal deal = new Deal(recorder, id);
        deals.put(id, deal);
        String base = deal.base;

        int incomes = 1 + random.nextInt(3);
        for (int i = 0; i < incomes; i++) {
            ok(c.post(recorder, base + "/incomes", body("incomeId", "I-" + i, "amount", yuan(1 + random.nextInt(20_000_000)),
                    "receivedOn", signedOn.plusDays(random.nextInt(365)).toString(),
                    "category", random.nextBoolean() ? "ROYALTY" : "COST_REIMBURSEMENT")));
        }
        if (random.nextBoolean()) {
            ok(c.post(recorder, base + "/costs", body("costId", "K-1", "amount", yuan(1 + random.nextInt(5_000_000)),
                    "incurredOn", signedOn.toString(), "category", random.nextBoolean() ? "TAX" : "MAINTENANCE")));
        }
        if (incomes > 1 && random.nextInt(3) == 0) {
            ok(c.post(recorder, base + "/reversals", body("reversalId", "R-I0", "entryId", "I-0", "reason", "bounced")));
        }

        Map<String, Long> allocated = deal.allocated;
        int decisions = random.nextInt(3);
        for (int d = 0; d < decisions; d++) {
            JsonNode now = c.get(recorder, base).json();
            long owed = fen(now.get("requiredReward").asText()) - fen(now.get("rewardDecided").asText());
            long total = Math.max(owed, 0) + 1 + random.nextInt(owed > 0 ? 10_000 : 2_000_000);
            // the principal gets at least half; the rest is shared among the others, each at least a fen
            long rest = others.isEmpty() ? 0 : random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, total / 2 + 1));
            Map<String, Long> shares = new LinkedHashMap<>();
            shares.put(principal, total - rest);
            if (rest > 0) {
                List<String> takers = others.subList(0, 1 + random.nextInt(others.size()));
                long left = rest;
                for (int t = 0; t < takers.size(); t++) {
                    long share = t == takers.size() - 1 ? left : left / (takers.size() - t);
                    if (share > 0) {
                        shares.put(takers.get(t), share);
                        left -= share;
                    }
                }
                if (left > 0) {
                    shares.merge(principal, left, Long::sum);
                }
            }
            List<Object> allocations = new ArrayList<>();
            shares.forEach((p, amount) -> allocations.add(body("personId", p, "amount", yuan(amount))));
            String decisionId = "D-" + d;
            ok(c.post(recorder, base + "/reward-decisions", body("decisionId", decisionId, "decidedOn", "2025-0" + (d + 1) + "-15",
                    "total", yuan(total), "allocations", allocations)));
            shares.forEach((p, amount) -> {
                allocated.merge(p, amount, Long::sum);
                byPerson.computeIfAbsent(p, k -> new long[2])[0] += amount;
            });
            if (leader != null && shares.containsKey(leader)) {
                ok(c.post(recorder, base + "/publicity", body("noticeId", "N-" + d, "decisionId", decisionId,
                        "from", "2025-06-01", "to", "2025-06-10")));
            }
        }
        if (random.nextInt(4) == 0) {
            ok(c.post(recorder, base + "/termination", body("terminatedOn", "2025-12-31", "reason", "ended early")));
        }

        // payments of what was decided (allowed after termination too), some reversed
        for (String person : List.copyOf(allocated.keySet())) {
            int times = random.nextInt(3);
            for (int t = 0; t < times && deal.room(person) > 0; t++) {
                long room = deal.room(person);
                long amount = t == times - 1 && random.nextBoolean() ? room : 1 + (long) (random.nextDouble() * room);
                deal.pay(random, person, Math.min(amount, room));
            }
        }
        for (String paymentId : List.copyOf(deal.standing.keySet())) {
            if (random.nextInt(4) == 0) {
                deal.reverse(paymentId);
            }
        }
    }

    private static JsonNode get(String path) {
        LedgerClient.Response response = c.get("finance", path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        lastPosition = Math.max(lastPosition, answer.get("position").asLong());
        return answer;
    }
}
