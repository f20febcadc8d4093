package org.techtransfer.ledger.app.projection;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.techtransfer.ledger.app.admin.Projections;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * {@code POST /admin/replay} rebuilds every read model from the event log: the rebuilt read models are the
 * ones built live (same checksums, same rows), also when commands keep arriving during the replay.
 * <p>
 * The replay answers at once and runs in the background; to know that it has reset a read model (and is
 * not merely about to) the test listens to the service's own log line for that replay id, then polls
 * {@code GET /admin/projections} until every read model is caught up and not replaying.
 */
class ReplayTest {

    private static final String PROJECTIONS = "/api/v1/admin/projections";
    private static final List<String> READ_MODELS = List.of("reward-obligations", "payouts", "contract-volumes", "contract-catalog",
            "achievement-registry", "indicator-figures", "technology-demands", "receivables", "co-owner-obligations");
    private static final List<String> GROUPINGS = List.of("year", "quarter", "month", "kind", "field", "institution",
            "sellerType", "buyerRegion", "flow");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static LedgerNode node;
    private static LedgerClient c;
    private static final AtomicLong lastPosition = new AtomicLong(-1);
    private static final List<String> contractIds = new CopyOnWriteArrayList<>();
    private static ListAppender<ILoggingEvent> replayLog;
    /** The position the scenario of {@link #recordScenario()} ended at. */
    private static long scenarioEnd;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        Logger logger = (Logger) LoggerFactory.getLogger(Projections.class);
        replayLog = new ListAppender<>();
        replayLog.start();
        logger.addAppender(replayLog);

        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        for (int i = 0; i < 6; i++) {
            fullDeal(c, "recorder-a", "RA-" + i, "DEMO-A", i);
            fullDeal(c, "recorder-b", "RB-" + i, "DEMO-B", i + 3);
        }
        coOwnedDeal();
        reserveLibrary();
        selfImplementationsAndMilestones();
        scenarioEnd = lastPosition.get();
    }

    @AfterAll
    static void stop() {
        if (replayLog != null) {
            ((Logger) LoggerFactory.getLogger(Projections.class)).detachAppender(replayLog);
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void the_read_models_rebuilt_from_the_log_equal_those_built_live() {
        List<JsonNode> live = awaitCaughtUp(lastPosition.get());
        Map<String, String> liveChecksums = checksums(live);
        Snapshot liveRows = snapshot();
        assertThat(liveRows.obligations.size()).isEqualTo(contractIds.size());
        // ACH-0 by its number and ACH-2 by its id are named by RA-ACH: the library's rule survives the replay too
        List<String> transformed = new ArrayList<>();
        liveRows.volumes.get("achievements").get("items").forEach(a -> {
            if (a.get("stage").asText().equals("TRANSFORMED")) {
                transformed.add(a.get("achievementId").asText());
            }
        });
        assertThat(transformed).containsExactlyInAnyOrder("ACH-0", "ACH-2");
        assertThat(liveRows.volumes.get("implementations").findValuesAsText("implementationId"))
                .containsExactlyInAnyOrder("IMP-0", "IMP-1");
        assertThat(liveRows.volumes.get("rewardTax").findValuesAsText("implementationId")).contains("IMP-0", "IMP-1");
        assertThat(liveRows.payouts.findValuesAsText("implementationId")).contains("IMP-0", "IMP-1");

        replayAndWait();

        Map<String, String> rebuilt = checksums(awaitCaughtUp(lastPosition.get()));
        assertThat(rebuilt).isEqualTo(liveChecksums);
        assertThat(snapshot()).isEqualTo(liveRows);
    }

    @Test
    void a_replay_while_commands_arrive_ends_equal_to_a_second_replay() throws Exception {
        awaitCaughtUp(lastPosition.get());
        Map<String, JsonNode> scenarioRows = byContract(obligations(scenarioEnd));

        // commands keep arriving from another client while the read models are rebuilt
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LedgerClient other = node.client();
        int first = contractIds.size();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; !stop.get() && i < 400; i++) {
                    fullDeal(other, i % 2 == 0 ? "recorder-a" : "recorder-b", "BG-" + first + "-" + i,
                            i % 2 == 0 ? "DEMO-A" : "DEMO-B", i);
                    rounds.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "commands-during-replay");
        writer.start();
        try {
            awaitRounds(rounds, 2, failure);
            // one replay, and a second queued right behind it, both while the writer goes on
            String replayId = replay();
            awaitReset(replayId);
            int before = rounds.get();
            String secondId = replay();
            awaitReset(secondId);
            // once reset, a query at an old position waits for the rebuild to pass it: never a half-built answer
            for (int i = 0; i < 5; i++) {
                LedgerClient.Response r = c.get("finance", "/api/v1/rewards/obligations?position=" + scenarioEnd);
                if (r.status() == 503) {
                    continue;
                }
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                Map<String, JsonNode> rows = byContract(r.json());
                scenarioRows.forEach((id, row) -> assertThat(rows.get(id)).as(id).isEqualTo(row));
            }
            awaitRounds(rounds, before + 2, failure);
        } finally {
            stop.set(true);
            writer.join(WAIT.toMillis());
        }
        assertThat(failure.get()).as("the writer's commands").isNull();
        assertThat(writer.isAlive()).isFalse();

        List<JsonNode> afterFirst = awaitCaughtUp(lastPosition.get());
        // the rebuilt read models hold every contract, as the contracts themselves say
        JsonNode obligations = obligations(lastPosition.get());
        assertThat(obligations.size()).isEqualTo(contractIds.size());
        Map<String, JsonNode> rows = byContract(obligations);
        long paidSum = 0;
        long decidedSum = 0;
        for (String id : contractIds) {
            JsonNode contract = c.get("auditor", "/api/v1/contracts/" + id).json();
            JsonNode row = rows.get(id);
            assertThat(row).as(id).isNotNull();
            for (String f : List.of("netIncome", "requiredReward", "rewardDecided", "rewardPaid", "outstanding")) {
                assertThat(row.get(f).asText()).as(id + " " + f).isEqualTo(contract.get(f).asText());
            }
            assertThat(row.get("status").asText()).as(id).isEqualTo(contract.get("rewardStatus").asText());
            assertThat(row.path("dueBy").asText()).as(id).isEqualTo(contract.path("dueBy").asText());
            paidSum += ObligationReadModelTest.fen(contract.get("rewardPaid").asText());
            decidedSum += ObligationReadModelTest.fen(contract.get("rewardDecided").asText());
            // payouts also hold what co-owners other than the seller decided and paid on their own shares
            for (JsonNode owner : c.get("auditor", "/api/v1/contracts/" + id + "/co-owners").json().path("coOwners")) {
                if (!owner.path("institutionId").asText().equals(contract.path("sellerInstitutionId").asText())) {
                    paidSum += ObligationReadModelTest.fen(owner.get("rewardPaid").asText());
                    decidedSum += ObligationReadModelTest.fen(owner.get("rewardDecided").asText());
                }
            }
        }
        long[] payoutSums = payoutSums();
        assertThat(payoutSums[0]).as("allocations").isEqualTo(decidedSum);
        assertThat(payoutSums[1]).as("payments").isEqualTo(paidSum);
        long implementationsDecided = 0;
        long implementationsPaid = 0;
        for (JsonNode row : get("/api/v1/rewards/implementation-obligations?position=" + lastPosition.get())) {
            implementationsDecided += ObligationReadModelTest.fen(row.get("rewardDecided").asText());
            implementationsPaid += ObligationReadModelTest.fen(row.get("rewardPaid").asText());
        }
        assertThat(payoutSums[2]).as("implementation allocations").isEqualTo(implementationsDecided).isPositive();
        assertThat(payoutSums[3]).as("implementation payments").isEqualTo(implementationsPaid).isPositive();
        long counted = 0;
        for (JsonNode year : get("/api/v1/statistics/volume?groupBy=year&position=" + lastPosition.get())) {
            counted += year.get("contracts").asLong();
        }
        assertThat(counted).isEqualTo(contractIds.size());

        Map<String, String> c1 = checksums(afterFirst);
        Snapshot rows1 = snapshot();

        replayAndWait();

        Map<String, String> c2 = checksums(awaitCaughtUp(lastPosition.get()));
        assertThat(c2).isEqualTo(c1);
        assertThat(snapshot()).isEqualTo(rows1);
    }

    @Test
    void replay_answers_at_once_with_an_id_and_only_to_auditors_and_admins() {
        long started = System.nanoTime();
        LedgerClient.Response accepted = c.post("auditor", "/api/v1/admin/replay", "");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("replayId").asText()).isNotBlank();
        assertThat(millis).as("answers before the rebuild").isLessThan(5_000);
        awaitReset(accepted.json().get("replayId").asText());
        awaitCaughtUp(lastPosition.get());

        for (String user : List.of("finance", "recorder-a")) {
            assertThat(c.post(user, "/api/v1/admin/replay", "").status()).as(user).isEqualTo(403);
            assertThat(c.get(user, PROJECTIONS).status()).as(user).isEqualTo(403);
        }
        assertThat(c.post(null, "/api/v1/admin/replay", "").status()).isEqualTo(401);
        JsonNode status = c.get("admin", PROJECTIONS).json();
        assertThat(status.size()).isEqualTo(READ_MODELS.size());
        for (JsonNode model : status) {
            assertThat(model.get("checksum").asText()).matches("[0-9a-f]{32}");
            assertThat(model.get("deadLetters").asLong()).isZero();
        }
    }

    // ---- the scenario: every kind of event, on contracts of both institutions ----

    /** One contract with incomes, a cost, decisions, payments, reversals and, by {@code variant}, more. */
    private static void fullDeal(LedgerClient client, String recorder, String id, String seller, int variant) {
        String kind = List.of("LICENSE", "ASSIGNMENT", "EQUITY_INVESTMENT", "DEVELOPMENT").get(variant % 4);
        Map<String, Object> registration = contract(id, seller, kind);
        // before every dated entry below: nothing is dated before the signing
        registration.put("signedOn", "2020-0" + (1 + variant % 9) + "-15");
        registration.put("buyer", body("name", "Buyer " + id, "type", "ENTERPRISE",
                "regionCode", variant % 2 == 0 ? "110116" : "310115"));
        ok(client.post(recorder, "/api/v1/contracts", registration));
        contractIds.add(id);
        String base = "/api/v1/contracts/" + id;
        long amount = 100_000 + 7_919L * variant;
        ok(client.post(recorder, base + "/incomes", body("incomeId", "I-1", "amount", amount + ".10",
                "receivedOn", (2021 + variant % 5) + "-03-01", "category", "UPFRONT")));
        ok(client.post(recorder, base + "/incomes", body("incomeId", "I-2", "amount", "3333.33",
                "receivedOn", "2022-07-01", "category", "ROYALTY")));
        ok(client.post(recorder, base + "/costs", body("costId", "K-1", "amount", "1000.01",
                "incurredOn", "2022-08-01", "category", "TRANSACTION")));
        if (variant % 3 == 0) {
            ok(client.post(recorder, base + "/reversals", body("reversalId", "R-I2", "entryId", "I-2",
                    "reason", "bounced")));
        }
        if (kind.equals("EQUITY_INVESTMENT")) {
            ok(client.post(recorder, base + "/equity", body("equityId", "E-1", "company", "Start-up " + id,
                    "shares", 1000 + variant, "valuation", "900000.00", "receivedOn", "2022-01-01")));
        }
        JsonNode now = client.get(recorder, base).json();
        long required = ObligationReadModelTest.fen(now.get("requiredReward").asText());
        long total = Math.max(required, 200_00) + variant;
        long principal = total - total / 3;
        ok(client.post(recorder, base + "/reward-decisions", body("decisionId", "D-1", "decidedOn", "2022-09-01",
                "total", ObligationReadModelTest.yuan(total), "allocations", List.of(
                        body("personId", "P-1", "amount", ObligationReadModelTest.yuan(principal)),
                        body("personId", "P-2", "amount", ObligationReadModelTest.yuan(total - principal))))));
        if (kind.equals("EQUITY_INVESTMENT")) {
            long shares = now.get("requiredShares").asLong();
            ok(client.post(recorder, base + "/equity-rewards", body("decisionId", "ED-1", "decidedOn",
                    "2022-09-02", "totalShares", shares, "allocations", List.of(body("personId", "P-1", "shares", shares)))));
        }
        ok(client.post(recorder, base + "/payments", body("paymentId", "PAY-1", "personId", "P-1",
                "amount", ObligationReadModelTest.yuan(principal), "paidOn", "2022-10-01", "reference", "bank, " + id)));
        ok(client.post(recorder, base + "/payments", body("paymentId", "PAY-2", "personId", "P-2",
                "amount", "1.00", "paidOn", "2022-10-02", "reference", "=bank")));
        if (variant % 2 == 1) {
            ok(client.post(recorder, base + "/reversals", body("reversalId", "R-P2", "entryId", "PAY-2",
                    "reason", "wrong account")));
            ok(client.post(recorder, base + "/reversals", body("reversalId", "R-K1", "entryId", "K-1",
                    "reason", "not deductible")));
        }
        ok(client.post(recorder, base + "/amendments", body("amendmentId", "A-1", "totalAmount",
                (1_300_000 + variant) + ".00", "technologyAmount", "1100000.00", "reason", "supplement")));
        if (variant % 5 == 2) {
            ok(client.post(recorder, base + "/termination", body("terminatedOn", "2023-01-31",
                    "reason", "buyer insolvent")));
        }
    }

    /**
     * A contract DEMO-A sold, co-owned with DEMO-B: receipts and shares split, each co-owner's own decisions, notice
     * and payments (the co-owner-obligations, payouts and tax rows of both), a reversal of shares.
     */
    private static void coOwnedDeal() {
        String base = "/api/v1/contracts/RC-CO";
        Map<String, Object> registration = contract("RC-CO", "DEMO-A", "EQUITY_INVESTMENT");
        registration.put("signedOn", "2020-01-15");
        ok(c.post("recorder-a", "/api/v1/contracts", registration));
        contractIds.add("RC-CO");
        ok(c.post("recorder-a", base + "/co-owners", body("coOwnershipId", "CO-1", "owners", List.of(
                body("institutionId", "DEMO-A", "share", 0.6), body("institutionId", "DEMO-B", "share", 0.4)))));
        ok(c.post("recorder-a", base + "/incomes", body("incomeId", "I-1", "amount", "100000.01",
                "receivedOn", "2021-03-01", "category", "UPFRONT")));
        for (String id : List.of("E-1", "E-2")) {
            ok(c.post("recorder-a", base + "/equity", body("equityId", id, "company", "Start-up RC-CO",
                    "shares", 1001, "valuation", "900000.01", "receivedOn", "2022-01-01")));
        }
        ok(c.post("recorder-a", base + "/reversals", body("reversalId", "R-E2", "entryId", "E-2", "reason", "void")));
        ok(c.post("recorder-a", base + "/reward-decisions", body("decisionId", "D-A", "decidedOn", "2022-09-01",
                "total", "42000.01", "allocations", List.of(body("personId", "P-1", "amount", "42000.01")))));
        ok(c.post("recorder-a", base + "/payments", body("paymentId", "PAY-A", "personId", "P-1",
                "amount", "42000.01", "paidOn", "2022-10-01", "reference", "bank")));
        ok(c.post("recorder-b", base + "/reward-decisions", body("decisionId", "D-B", "decidedOn", "2022-09-01",
                "total", "20000.00", "allocations", List.of(body("personId", "P-1", "amount", "10000.00"),
                        body("personId", "P-L", "amount", "10000.00")), "institutionId", "DEMO-B")));
        ok(c.post("recorder-b", base + "/publicity", body("noticeId", "N-B", "decisionId", "D-B",
                "from", "2022-09-02", "to", "2022-09-20", "institutionId", "DEMO-B")));
        ok(c.post("recorder-b", base + "/payments", body("paymentId", "PAY-B", "personId", "P-L",
                "amount", "10000.00", "paidOn", "2022-10-01", "reference", "bank", "institutionId", "DEMO-B")));
        ok(c.post("recorder-b", base + "/equity-rewards", body("decisionId", "ED-B", "decidedOn", "2022-09-02",
                "totalShares", 200, "allocations", List.of(body("personId", "P-1", "shares", 200)),
                "institutionId", "DEMO-B")));
    }

    /** Achievements (one named by a contract above), their moves, incubations, a region's figures, demands and matches. */
    private static void reserveLibrary() {
        for (int i = 0; i < 4; i++) {
            String owner = i % 2 == 0 ? "DEMO-A" : "DEMO-B";
            ok(c.post(i % 2 == 0 ? "recorder-a" : "recorder-b", "/api/v1/achievements", body("achievementId", "ACH-" + i,
                    "kind", i < 3 ? "INVENTION_PATENT" : "KNOW_HOW", "title", "成果 " + i, "ownerInstitutionIds", List.of(owner),
                    "inventors", List.of(body("name", "Researcher P-1", "personId", "P-1")), "technologyField", "nanotechnology",
                    "number", "ZL20201000000" + i, "numberDate", "2020-0" + (i + 1) + "-01", "regionCode", "110116")));
        }
        ok(c.post("recorder-a", "/api/v1/achievements/ACH-0/stage", body("moveId", "M-1", "stage", "OFFERED", "reason", "offered")));
        ok(c.post("recorder-b", "/api/v1/achievements/ACH-1/stage", body("moveId", "M-1", "stage", "WITHDRAWN", "reason", "lapsed")));
        Map<String, Object> deal = contract("RA-ACH", "DEMO-A", "LICENSE");
        deal.put("signedOn", "2020-06-01");
        deal.put("achievements", List.of("ACH-2", "ZL202010000000"));
        ok(c.post("recorder-a", "/api/v1/contracts", deal));
        contractIds.add("RA-ACH");
        for (int i = 0; i < 3; i++) {
            ok(c.post("recorder-a", "/api/v1/incubations", body("incubationId", "INC-" + i, "incubatorInstitutionId", "DEMO-A",
                    "enterpriseName", "Start-up " + i, "creditCode", "91110116MA01AAA" + i + "1X", "enteredOn", "2019-0" + (i + 1) + "-01")));
        }
        ok(c.post("recorder-a", "/api/v1/incubations/INC-1/graduation", body("graduatedOn", "2020-12-31")));
        ok(c.post("admin", "/api/v1/regions/population", body("recordId", "POP-1", "regionCode", "110116", "year", 2020,
                "population", 410_000, "source", "yearbook")));
        ok(c.post("admin", "/api/v1/regions/patent-stock", body("recordId", "ST-1", "regionCode", "110116", "year", 2020,
                "inventionPatents", 1_000, "source", "IP office")));
        ok(c.post("admin", "/api/v1/regions/population", body("recordId", "POP-2", "regionCode", "110116", "year", 2020,
                "population", 412_000, "source", "yearbook, corrected")));
        for (int i = 0; i < 3; i++) {
            ok(c.post("recorder-a", "/api/v1/demands", body("demandId", "DEM-" + i, "serviceInstitutionId", "DEMO-A",
                    "enterpriseName", "Enterprise " + i, "creditCode", "91110116MA01BBB" + i + "1X", "regionCode", "110116",
                    "need", "sensors", "technologyField", "nanotechnology", "budget", (i + 1) + "00000.00",
                    "publishedOn", "2020-0" + (i + 1) + "-15")));
        }
        ok(c.post("recorder-a", "/api/v1/demands/DEM-0/matches", body("matchId", "MA-1", "achievementIds",
                List.of("ACH-0", "ACH-3"), "matchedOn", "2020-02-01")));
        ok(c.post("recorder-a", "/api/v1/demands/DEM-0/matches", body("matchId", "MA-2", "achievementIds",
                List.of("ACH-2"), "matchedOn", "2020-03-01", "note", "second try")));
        ok(c.post("recorder-a", "/api/v1/demands/DEM-0/outcomes", body("matchId", "MA-1", "outcome", "DECLINED",
                "concludedOn", "2020-02-20")));
        ok(c.post("recorder-a", "/api/v1/demands/DEM-0/outcomes", body("matchId", "MA-2", "outcome", "CONTRACT_SIGNED",
                "concludedOn", "2020-06-01", "contractId", "RA-ACH")));
        ok(c.post("recorder-a", "/api/v1/demands/DEM-0/closure", body("closedOn", "2020-06-02", "reason", "met")));
        ok(c.post("recorder-a", "/api/v1/demands/DEM-1/matches", body("matchId", "MA-1", "achievementIds",
                List.of("ACH-0"), "matchedOn", "2020-03-01")));
    }

    /**
     * Issue 15: self-implementations with their rewards decided, withdrawn and paid and a year's profit corrected, and
     * a milestone reached on a contract.
     */
    private static void selfImplementationsAndMilestones() {
        for (int i = 0; i < 2; i++) {
            String recorder = i == 0 ? "recorder-a" : "recorder-b";
            String id = "IMP-" + i;
            String path = "/api/v1/implementations/" + id;
            ok(c.post(recorder, "/api/v1/implementations", body("implementationId", id, "institutionId",
                    i == 0 ? "DEMO-A" : "DEMO-B", "title", "Pilot line " + i, "mode", "SELF", "productionStartedOn",
                    "2020-06-01", "contributors", List.of(body("personId", "P-1", "name", "Researcher P-1",
                            "principal", true, "leadership", false)))));
            ok(c.post(recorder, path + "/profits", body("year", 2020, "operatingProfit", "0.00")));
            ok(c.post(recorder, path + "/profits", body("year", 2021, "operatingProfit", (1_000 + i) + "000.01")));
            ok(c.post(recorder, path + "/reward-decisions", body("decisionId", "D-1", "decidedOn", "2022-02-01",
                    "total", "60000.00", "allocations", List.of(body("personId", "P-1", "amount", "60000.00")))));
            ok(c.post(recorder, path + "/payments", body("paymentId", "PAY-1", "personId", "P-1", "amount", "20000.00",
                    "paidOn", "2022-03-01", "reference", "payroll " + id)));
            // a decision withdrawn and a year corrected: the rebuilt rows follow them as the live ones did
            ok(c.post(recorder, path + "/reward-decisions", body("decisionId", "D-2", "decidedOn", "2022-02-02",
                    "total", "100.00", "allocations", List.of(body("personId", "P-1", "amount", "100.00")))));
            ok(c.post(recorder, path + "/withdrawals", body("withdrawalId", "W-1", "decisionId", "D-2",
                    "reason", "decided twice")));
            ok(c.post(recorder, path + "/profit-corrections", body("correctionId", "K-1", "year", 2021,
                    "operatingProfit", "1100000.00", "reason", "audited accounts")));
        }
        ok(c.post("recorder-a", "/api/v1/contracts/RA-1/payment-terms", body("termsId", "T-1", "instalments", List.of(
                body("instalmentId", "I-1", "kind", "FIXED", "amount", "1000000.00", "dueOn", "2022-01-01"),
                body("instalmentId", "M-1", "kind", "MILESTONE", "amount", "300001.00", "milestone", "approval")))));
        ok(c.post("recorder-a", "/api/v1/contracts/RA-1/milestones/M-1/reached", body("reachedId", "MR-1",
                "reachedOn", "2022-05-01", "note", "approved")));
    }

    // ---- helpers ----

    private record Snapshot(JsonNode obligations, JsonNode payouts, Map<String, JsonNode> volumes, JsonNode contracts) {
    }

    private static Snapshot snapshot() {
        long at = lastPosition.get();
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        for (String g : GROUPINGS) {
            volumes.put(g, get("/api/v1/statistics/volume?groupBy=" + g + "&position=" + at));
        }
        volumes.put("targets", get("/api/v1/statistics/targets?position=" + at));
        volumes.put("achievements", get("/api/v1/achievements?size=200&position=" + at));
        volumes.put("indicators", get("/api/v1/statistics/indicators?year=2020&position=" + at));
        volumes.put("demands", get("/api/v1/demands?size=200&position=" + at));
        volumes.put("demand", get("/api/v1/demands/DEM-0?position=" + at));
        volumes.put("demandStatistics", get("/api/v1/statistics/demands?groupBy=quarter&position=" + at));
        volumes.put("implementations", get("/api/v1/rewards/implementation-obligations?position=" + at));
        volumes.put("rewardTax", get("/api/v1/reports/reward-tax?year=2022&position=" + at));
        volumes.put("receivables", get("/api/v1/receivables?position=" + at));
        return new Snapshot(obligations(at), get("/api/v1/payouts?position=" + at), volumes,
                get("/api/v1/contracts?size=200&position=" + at));
    }

    private static JsonNode obligations(long position) {
        return get("/api/v1/rewards/obligations?position=" + position);
    }

    /**
     * [sum of allocation items, sum of payment items] over every person, contracts' items first, then
     * self-implementations' items.
     */
    private static long[] payoutSums() {
        long[] sums = new long[4];
        for (JsonNode person : get("/api/v1/payouts?position=" + lastPosition.get())) {
            for (JsonNode item : person.get("items")) {
                int implementation = item.path("implementationId").isNull() ? 0 : 2;
                sums[implementation + (item.get("kind").asText().equals("PAYMENT") ? 1 : 0)] +=
                        ObligationReadModelTest.fen(item.get("amount").asText());
            }
        }
        return sums;
    }

    private static JsonNode get(String path) {
        LedgerClient.Response response = c.get("finance", path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    private static Map<String, JsonNode> byContract(JsonNode rows) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.get("contractId").asText(), r));
        return byId;
    }

    private static Map<String, String> checksums(List<JsonNode> status) {
        Map<String, String> sums = new LinkedHashMap<>();
        status.forEach(s -> sums.put(s.get("name").asText(), s.get("checksum").asText()));
        assertThat(sums.keySet()).containsExactlyInAnyOrderElementsOf(READ_MODELS);
        return sums;
    }

    private static String replay() {
        LedgerClient.Response accepted = c.post("auditor", "/api/v1/admin/replay", "");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode answer = accepted.json();
        List<String> models = new ArrayList<>();
        answer.get("readModels").forEach(m -> models.add(m.asText()));
        assertThat(models).containsExactlyInAnyOrderElementsOf(READ_MODELS);
        return answer.get("replayId").asText();
    }

    private static void replayAndWait() {
        awaitReset(replay());
    }

    /** Until the service has logged that replay {@code replayId} reset every read model. */
    private static void awaitReset(String replayId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<String> messages;
            synchronized (replayLog) {
                messages = replayLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(m -> m.contains(replayId)).toList();
            }
            messages.stream().filter(m -> m.contains("could not reset")).findAny()
                    .ifPresent(m -> fail("replay failed: " + m));
            if (READ_MODELS.stream().allMatch(name -> messages.stream().anyMatch(m -> m.contains("rebuilding " + name)))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("replay " + replayId + " did not reset every read model within " + WAIT + ": " + messages);
            }
            sleep(50);
        }
    }

    /** Until every read model is caught up, not replaying, and past {@code position}; returns their status. */
    private static List<JsonNode> awaitCaughtUp(long position) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            LedgerClient.Response response = c.get("auditor", PROJECTIONS);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            status = response.json();
            List<JsonNode> models = new ArrayList<>();
            status.forEach(models::add);
            boolean done = models.size() == READ_MODELS.size() && models.stream().allMatch(m ->
                    m.get("caughtUp").asBoolean() && !m.get("replaying").asBoolean()
                            && m.get("position").asLong() >= position);
            if (done) {
                models.forEach(m -> assertThat(m.get("deadLetters").asLong()).as(m.toString()).isZero());
                return models;
            }
            sleep(100);
        }
        return fail("read models not caught up with position " + position + " within " + WAIT + ": " + status);
    }

    private static void awaitRounds(AtomicInteger rounds, int atLeast, AtomicReference<Throwable> failure) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rounds.get() < atLeast) {
            if (failure.get() != null) {
                fail("the writer failed", failure.get());
            }
            if (System.nanoTime() > deadline) {
                fail("the writer did not reach " + atLeast + " rounds");
            }
            sleep(20);
        }
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        lastPosition.accumulateAndGet(answer.get("position").asLong(), Math::max);
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
