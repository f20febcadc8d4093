package org.techtransfer.ledger.app.coownership;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.equity;
import static org.techtransfer.ledger.app.support.Deals.payment;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/** Issue 15 over HTTP: co-owners of a contract's achievements, their splits and each one's own obligation. */
class CoOwnershipHttpTest {

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

    private static Object owners(String a, String b) {
        return List.of(body("institutionId", "DEMO-A", "share", new BigDecimal(a)),
                body("institutionId", "DEMO-B", "share", new BigDecimal(b)));
    }

    @Test
    void each_co_owner_owes_on_its_own_share_under_its_own_policy_and_reads_it() {
        created(client.post(R, API + "/contracts", contract("C-CO", "DEMO-A", "LICENSE")));
        rule(post("C-CO", body("coOwnershipId", "CO-1", "owners", owners("0.6", "0.3"))), "CO_OWNER_SHARES_NOT_WHOLE");
        assertThat(post("C-CO", body("coOwnershipId", "CO-1", "owners",
                List.of(body("institutionId", "DEMO-A", "share", new BigDecimal("0.6")),
                        body("institutionId", "NOBODY", "share", new BigDecimal("0.4"))))).status()).isEqualTo(404);
        created(post("C-CO", body("coOwnershipId", "CO-1", "owners", owners("0.6", "0.4"))));
        long position = created(client.post(R, API + "/contracts/C-CO/incomes", income("IN-1", "1000.01", "2026-03-15")))
                .path("position").asLong();
        rule(post("C-CO", body("coOwnershipId", "CO-2", "owners", owners("0.5", "0.5"))), "CO_OWNERS_AFTER_RECEIPTS");

        // 1,000.01 split 600.006 / 400.004: 600.00 and 400.00, the fen left to DEMO-A's larger fraction
        JsonNode view = client.get("recorder-b", API + "/contracts/C-CO/co-owners").json();
        assertThat(view.path("coOwners").findValuesAsText("income")).containsExactly("600.01", "400.00");
        assertThat(view.path("coOwners").findValuesAsText("requiredReward")).containsExactly("420.01", "200.00");

        JsonNode rows = client.get("recorder-b", API + "/rewards/co-owner-obligations?position=" + position).json();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("institutionId").asText()).isEqualTo("DEMO-B");
        assertThat(rows.get(0).path("requiredReward").asText()).isEqualTo("200.00");
        assertThat(rows.get(0).path("policyId").asText()).isEqualTo("NATIONAL-2015");
        assertThat(client.get("finance", API + "/rewards/co-owner-obligations").json()).hasSize(2);
        // the seller's own obligation is its share, once: the contract's row equals its co-owner row
        JsonNode seller = null;
        for (JsonNode row : client.get("finance", API + "/rewards/obligations?institutionId=DEMO-A&position="
                + position).json()) {
            seller = "C-CO".equals(row.path("contractId").asText()) ? row : seller;
        }
        assertThat(seller.path("netIncome").asText()).isEqualTo("600.01");
        assertThat(seller.path("requiredReward").asText()).isEqualTo("420.01");
        assertThat(client.get(R, API + "/contracts/C-CO").json().path("requiredReward").asText()).isEqualTo("420.01");
        assertThat(client.get("recorder-b", API + "/rewards/obligations").json()).isEmpty();
        // a co-owner may read the split, not record on the seller's contract
        assertThat(client.post("recorder-b", API + "/contracts/C-CO/co-owners",
                body("coOwnershipId", "CO-3", "owners", owners("0.5", "0.5"))).status()).isEqualTo(403);
    }

    /**
     * 1,000.01 received: DEMO-B's 400.00, on which it owes 50% under its national policy, 200.00; 1,001 shares:
     * its 400, of which it owes 200, worth 2,000,000.00 of the 5,000,000.00 valuation.
     */
    @Test
    void a_co_owner_records_its_own_reward_on_its_own_share_and_only_its_own_recorder_may() {
        created(client.post(R, API + "/contracts", contract("C-OWN", "DEMO-A", "LICENSE")));
        created(post("C-OWN", body("coOwnershipId", "CO-1", "owners", owners("0.6", "0.4"))));
        created(client.post(R, API + "/contracts/C-OWN/incomes", income("IN-1", "1000.01", "2026-03-15")));
        created(client.post(R, API + "/contracts/C-OWN/equity", equity("E-1", 1001)));
        String decisions = API + "/contracts/C-OWN/reward-decisions";

        var own = decision("D-B", "100.00", "100.00", "200.00");
        own.put("institutionId", "DEMO-B");
        // the seller's recorder may not decide for the co-owner, nor the co-owner for the seller
        assertThat(client.post(R, decisions, own).status()).isEqualTo(403);
        assertThat(client.post("recorder-b", decisions, decision("D-B", "100.00", "100.00", "200.00")).status())
                .isEqualTo(403);
        var asSeller = decision("D-B", "300.01", "120.00", "420.01");
        asSeller.put("institutionId", "DEMO-A");
        assertThat(client.post("recorder-b", decisions, asSeller).status()).isEqualTo(403);
        var below = decision("D-B", "100.00", "99.99", "199.99");
        below.put("institutionId", "DEMO-B");
        rule(client.post("recorder-b", decisions, below), "REWARD_BELOW_MINIMUM");
        var outsider = decision("D-X", "100.00", "100.00", "200.00");
        outsider.put("institutionId", "DEMO-X");
        rule(client.post("admin", decisions, outsider), "NOT_A_CO_OWNER");
        created(client.post("recorder-b", decisions, own));

        var notice = body("noticeId", "N-B", "decisionId", "D-B", "from", "2026-04-01", "to", "2026-04-10",
                "institutionId", "DEMO-B");
        assertThat(client.post(R, API + "/contracts/C-OWN/publicity", notice).status()).isEqualTo(403);
        created(client.post("recorder-b", API + "/contracts/C-OWN/publicity", notice));
        var early = payment("P-B1", "P-1", "100.00", "2026-03-31");
        early.put("institutionId", "DEMO-B");
        rule(client.post("recorder-b", API + "/contracts/C-OWN/payments", early), "PAYMENT_BEFORE_DECISION");
        var paid = payment("P-B1", "P-1", "100.00", "2026-04-02");
        paid.put("institutionId", "DEMO-B");
        created(client.post("recorder-b", API + "/contracts/C-OWN/payments", paid));
        var byAdmin = payment("P-B2", "P-2", "100.00", "2026-04-02");
        byAdmin.put("institutionId", "DEMO-B");
        created(client.post("admin", API + "/contracts/C-OWN/payments", byAdmin));
        // the seller pays nothing the co-owner decided
        rule(client.post(R, API + "/contracts/C-OWN/payments", payment("P-A1", "P-1", "1.00", "2026-04-02")),
                "PAYMENT_EXCEEDS_ALLOCATION");
        long position = created(client.post("recorder-b", API + "/contracts/C-OWN/equity-rewards",
                body("decisionId", "Q-B", "decidedOn", "2026-04-01", "totalShares", 200,
                        "allocations", List.of(body("personId", "P-1", "shares", 200)), "institutionId", "DEMO-B")))
                .path("position").asLong();

        JsonNode row = null;
        for (JsonNode r : client.get("recorder-b", API + "/rewards/co-owner-obligations?position=" + position).json()) {
            row = "C-OWN".equals(r.path("contractId").asText()) ? r : row;
        }
        assertThat(List.of(row.path("requiredReward").asText(), row.path("rewardDecided").asText(),
                row.path("rewardPaid").asText(), row.path("outstanding").asText(), row.path("rewardStatus").asText(),
                row.path("equityValue").asText(), row.path("equityStatus").asText()))
                .containsExactly("200.00", "200.00", "200.00", "0.00", "COMPLIANT", "2000000.00", "COMPLIANT");
        assertThat(List.of(row.path("sharesReceived").asLong(), row.path("requiredShares").asLong(),
                row.path("sharesAllocated").asLong())).containsExactly(400L, 200L, 200L);
        JsonNode contract = client.get(R, API + "/contracts/C-OWN").json();
        assertThat(contract.path("rewardDecided").asText()).isEqualTo("0.00");
        assertThat(contract.path("sharesReceived").asLong()).isEqualTo(601);

        // the co-owner's people are paid under the co-owner, not the seller
        JsonNode payouts = client.get("recorder-b", API + "/payouts?personId=P-1&position=" + position).json();
        assertThat(payouts.get(0).path("items").findValuesAsText("institutionId")).containsOnly("DEMO-B");
        assertThat(payouts.get(0).path("paid").asText()).isEqualTo("100.00");
        for (JsonNode person : client.get(R, API + "/payouts").json()) {
            for (JsonNode item : person.path("items")) {
                assertThat(item.path("contractId").asText()).isNotEqualTo("C-OWN");
            }
        }
        assertThat(client.get("recorder-b", API + "/reports/reward-tax?year=2026").json().toString())
                .contains("P-B1", "P-B2");

        // a co-owner corrects its own record: its payment reversed, by its recorder only
        var reversal = body("reversalId", "R-B2", "entryId", "P-B2", "reason", "wrong account", "institutionId", "DEMO-B");
        assertThat(client.post(R, API + "/contracts/C-OWN/reversals", reversal).status()).isEqualTo(403);
        rule(client.post(R, API + "/contracts/C-OWN/reversals", body("reversalId", "R-B2", "entryId", "P-B2",
                "reason", "wrong account")), "UNKNOWN_ENTRY");
        long reversed = created(client.post("recorder-b", API + "/contracts/C-OWN/reversals", reversal))
                .path("position").asLong();
        for (JsonNode r : client.get("recorder-b", API + "/rewards/co-owner-obligations?position=" + reversed).json()) {
            if ("C-OWN".equals(r.path("contractId").asText())) {
                assertThat(r.path("rewardPaid").asText()).isEqualTo("100.00");
                assertThat(r.path("rewardStatus").asText()).isIn("OUTSTANDING", "OVERDUE");
            }
        }
        assertThat(client.get("recorder-b", API + "/payouts?personId=P-2&position=" + reversed).json().get(0)
                .path("paid").asText()).isEqualTo("0.00");
    }

    @Test
    void a_recorder_of_neither_seller_nor_co_owner_may_not_read() {
        created(client.post(R, API + "/contracts", contract("C-SOLO", "DEMO-A", "LICENSE")));
        assertThat(client.get("recorder-b", API + "/contracts/C-SOLO/co-owners").status()).isEqualTo(403);
        assertThat(client.get(R, API + "/contracts/C-SOLO/co-owners").json().path("coOwners")).isEmpty();
    }

    /** Issue 22's gap, closed with co-ownership's use of the library: the kind follows the achievements named. */
    @Test
    void a_contract_naming_registered_achievements_takes_their_kind_of_intellectual_property() {
        long position = created(client.post(R, API + "/achievements", body("achievementId", "ACH-1",
                "kind", "INVENTION_PATENT", "title", "Nano-generator", "ownerInstitutionIds", List.of("DEMO-A", "DEMO-B"),
                "inventors", List.of(body("name", "Wang", "personId", "P-1")), "technologyField", "nanotechnology",
                "number", "ZL202010000001.1", "numberDate", "2020-06-01", "regionCode", "110116")))
                .path("position").asLong();
        assertThat(client.get("admin", API + "/achievements?position=" + position).status()).isEqualTo(200);
        var named = contract("C-IPK", "DEMO-A", "LICENSE");
        named.put("achievements", List.of("ZL202010000001.1"));
        created(client.post(R, API + "/contracts", named));
        assertThat(client.get(R, API + "/contracts/C-IPK").json().path("ipKind").asText()).isEqualTo("PATENT");

        var unknown = contract("C-IPK-2", "DEMO-A", "LICENSE");
        unknown.put("achievements", List.of("ZL202010000001.1", "not in the library"));
        created(client.post(R, API + "/contracts", unknown));
        assertThat(client.get(R, API + "/contracts/C-IPK-2").json().path("ipKind").isNull()).isTrue();

        var given = contract("C-IPK-3", "DEMO-A", "LICENSE");
        given.put("achievements", List.of("ACH-1"));
        given.put("ipKind", "KNOW_HOW");
        created(client.post(R, API + "/contracts", given));
        assertThat(client.get(R, API + "/contracts/C-IPK-3").json().path("ipKind").asText()).isEqualTo("KNOW_HOW");
    }

    private static LedgerClient.Response post(String contractId, Object body) {
        return client.post(R, API + "/contracts/" + contractId + "/co-owners", body);
    }

    private static JsonNode created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static void rule(LedgerClient.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("code").asText()).as(response.toString()).isEqualTo(code);
    }
}
