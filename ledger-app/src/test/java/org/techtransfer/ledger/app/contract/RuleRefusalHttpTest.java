package org.techtransfer.ledger.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.rule.Rule;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

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
 * Every rule code the API contract asks for (docs/api.md, "Errors"), produced over HTTP: a 422 problem whose
 * {@code code} names the rule, and the contract left at the version it had. The reward floors are tried at the
 * fen: the minimum itself is accepted, one fen less is refused, under the Beijing (70%) and the national (50%)
 * policy.
 */
class RuleRefusalHttpTest {

    private static final String API = "/api/v1";
    private static final String R = "recorder-a";

    /** The contract's rule codes: those docs/api.md ("Errors") lists before the extra ones. */
    private static final Set<String> API_CODES = Set.of("REWARD_BELOW_MINIMUM", "PRINCIPAL_SHARE_BELOW_HALF",
            "ALLOCATION_SUM_MISMATCH", "NOT_A_CONTRIBUTOR", "PAYMENT_EXCEEDS_ALLOCATION", "EQUITY_REWARD_BELOW_MINIMUM",
            "ALLOCATION_EXCEEDS_SHARES", "TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL", "CONTRACT_TERMINATED",
            "DUPLICATE_REGISTRATION_NUMBER", "UNKNOWN_ENTRY", "ALREADY_REVERSED", "PUBLICITY_REQUIRED");

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

    /** One of each, on one contract: whichever other tests run, every code of the contract is produced here. */
    @Test
    void every_rule_code_of_api_md_is_produced_over_http() {
        Set<String> here = new TreeSet<>();
        String c = register("C-ALL", "DEMO-A", "EQUITY_INVESTMENT");
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        ok(post(c, "equity", equity("E-1", 10)));
        here.add(refused(c, "reward-decisions", decision("D-1", "300.00", "300.00", "600.00"), "REWARD_BELOW_MINIMUM"));
        here.add(refused(c, "reward-decisions", decision("D-1", "300.00", "500.00", "800.00"), "PRINCIPAL_SHARE_BELOW_HALF"));
        here.add(refused(c, "reward-decisions", decision("D-1", "400.00", "400.00", "700.00"), "ALLOCATION_SUM_MISMATCH"));
        here.add(refused(c, "reward-decisions", body("decisionId", "D-1", "decidedOn", "2026-04-01", "total", "700.00",
                "allocations", List.of(body("personId", "P-X", "amount", "700.00"))), "NOT_A_CONTRIBUTOR"));
        ok(post(c, "reward-decisions", body("decisionId", "D-1", "decidedOn", "2026-04-01", "total", "700.00",
                "allocations", List.of(body("personId", "P-1", "amount", "350.00"),
                        body("personId", "P-L", "amount", "350.00")))));
        here.add(refused(c, "payments", payment("PAY-1", "P-1", "350.01", "2026-04-20"), "PAYMENT_EXCEEDS_ALLOCATION"));
        here.add(refused(c, "payments", payment("PAY-1", "P-L", "350.00", "2026-04-20"), "PUBLICITY_REQUIRED"));
        here.add(refused(c, "equity-rewards", shares("ED-1", 6, 6, 0), "EQUITY_REWARD_BELOW_MINIMUM"));
        here.add(refused(c, "equity-rewards", shares("ED-1", 11, 11, 0), "ALLOCATION_EXCEEDS_SHARES"));
        here.add(refused(c, "amendments", body("amendmentId", "A-1", "totalAmount", "1.00", "technologyAmount", "2.00",
                "reason", "typo"), "TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL"));
        here.add(refused(c, "reversals", body("reversalId", "R-1", "entryId", "NOPE", "reason", "typo"), "UNKNOWN_ENTRY"));
        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "E-1", "reason", "never issued")));
        here.add(refused(c, "reversals", body("reversalId", "R-2", "entryId", "E-1", "reason", "again"), "ALREADY_REVERSED"));
        ok(post(c, "termination", body("terminatedOn", "2026-09-30", "reason", "ended")));
        here.add(refused(c, "incomes", income("I-2", "1.00", "2026-10-01"), "CONTRACT_TERMINATED"));
        Map<String, Object> duplicate = contract("C-ALL-2", "DEMO-A", "LICENSE");
        duplicate.put("registrationNumber", "REG-" + c);
        problem(client.post(R, API + "/contracts", duplicate), "DUPLICATE_REGISTRATION_NUMBER");
        here.add("DUPLICATE_REGISTRATION_NUMBER");
        assertThat(here).containsExactlyInAnyOrderElementsOf(API_CODES);
    }

    /** The detail follows Accept-Language, with the same figures; the code and the English default do not change. */
    @Test
    void a_refusal_asked_for_in_chinese_says_it_in_chinese_with_the_same_figures() throws Exception {
        String c = register("C-ZH", "DEMO-A", "LICENSE");
        ok(post(c, "incomes", income("I-1", "1000000.00", "2026-03-15")));
        String path = API + "/contracts/" + c + "/reward-decisions";
        String body = new ObjectMapper()
                .writeValueAsString(decision("D-1", "300000.00", "300000.00", "600000.00"));
        LedgerClient.Response chinese = client.send("admin", HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + path))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        problem(chinese, "REWARD_BELOW_MINIMUM");
        assertThat(chinese.json().path("detail").asText())
                .startsWith("奖励低于最低标准：尚需决定的奖励为 700,000.00，本次决定仅 600,000.00。")
                .contains("法定最低比例为 50%");
        LedgerClient.Response english = client.post("admin", path, decision("D-1", "300000.00", "300000.00", "600000.00"));
        problem(english, "REWARD_BELOW_MINIMUM");
        assertThat(english.json().path("detail").asText())
                .startsWith("the required reward still undecided is 700000.00, the decision gives 600000.00");
    }

    /** Every rule the domain can refuse with has its message in both languages of the console. */
    @Test
    void every_rule_has_its_message_in_english_and_chinese() {
        for (String bundle : List.of("messages", "messages_zh")) {
            Properties messages = new Properties();
            try (var in = getClass().getResourceAsStream("/" + bundle + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Rule rule : Rule.values()) {
                assertThat(messages.getProperty("rule." + rule.name())).as(bundle + ": rule." + rule.name()).isNotBlank();
            }
        }
    }

    // ---- reward floors at the fen ----

    @Test
    void beijing_seventy_percent_rounded_up_the_minimum_is_accepted_one_fen_less_refused() {
        String c = register("C-BJ-1", "DEMO-A", "LICENSE");
        ok(post(c, "incomes", income("I-1", "1000.01", "2026-03-15")));
        // 0.70 × 1000.01 = 700.007 → 700.01
        assertThat(figure(c, "requiredReward")).isEqualTo("700.01");
        refused(c, "reward-decisions", decision("D-1", "350.00", "350.00", "700.00"), "REWARD_BELOW_MINIMUM");
        ok(post(c, "reward-decisions", decision("D-1", "350.01", "350.00", "700.01")));

        String d = register("C-BJ-2", "DEMO-A", "ASSIGNMENT");
        ok(post(d, "incomes", income("I-1", "10000.00", "2026-03-15")));
        ok(post(d, "costs", cost("K-1", "1.43", "TRANSACTION")));
        // 0.70 × 9998.57 = 6998.999 → 6999.00
        assertThat(figure(d, "requiredReward")).isEqualTo("6999.00");
        refused(d, "reward-decisions", decision("D-1", "3500.00", "3498.99", "6998.99"), "REWARD_BELOW_MINIMUM");
        ok(post(d, "reward-decisions", decision("D-1", "3500.00", "3499.00", "6999.00")));
        // what is still undecided after a new income: 0.70 × 100.00 = 70.00
        ok(post(d, "incomes", income("I-2", "100.00", "2026-04-15")));
        refused(d, "reward-decisions", decision("D-2", "35.00", "34.99", "69.99"), "REWARD_BELOW_MINIMUM");
        ok(post(d, "reward-decisions", decision("D-2", "35.00", "35.00", "70.00")));
        // nothing is owed any more: any reward is allowed
        ok(post(d, "reward-decisions", decision("D-3", "0.01", "0.01", "0.02")));
    }

    @Test
    void national_fifty_percent_rounded_up_the_minimum_is_accepted_one_fen_less_refused() {
        String c = register("C-NAT-1", "DEMO-N", "LICENSE");
        ok(post(c, "incomes", income("I-1", "1000.01", "2026-03-15")));
        // 0.50 × 1000.01 = 500.005 → 500.01
        assertThat(figure(c, "requiredReward")).isEqualTo("500.01");
        refused(c, "reward-decisions", decision("D-1", "250.00", "250.00", "500.00"), "REWARD_BELOW_MINIMUM");
        ok(post(c, "reward-decisions", decision("D-1", "250.01", "250.00", "500.01")));

        String d = register("C-NAT-2", "DEMO-N", "EQUITY_INVESTMENT");
        ok(post(d, "incomes", income("I-1", "333.33", "2026-03-15")));
        // 0.50 × 333.33 = 166.665 → 166.67
        assertThat(figure(d, "requiredReward")).isEqualTo("166.67");
        refused(d, "reward-decisions", decision("D-1", "83.33", "83.33", "166.66"), "REWARD_BELOW_MINIMUM");
        ok(post(d, "reward-decisions", decision("D-1", "83.34", "83.33", "166.67")));
    }

    @Test
    void equity_floors_in_whole_shares_rounded_up_under_both_policies() {
        String bj = register("C-EQ-BJ", "DEMO-A", "EQUITY_INVESTMENT");
        ok(post(bj, "equity", equity("E-1", 1001)));
        // ceil(0.70 × 1001) = ceil(700.7) = 701
        assertThat(client.get("admin", API + "/contracts/" + bj).json().path("requiredShares").asLong()).isEqualTo(701);
        refused(bj, "equity-rewards", shares("ED-1", 700, 700, 0), "EQUITY_REWARD_BELOW_MINIMUM");
        ok(post(bj, "equity-rewards", shares("ED-1", 701, 701, 0)));

        String nat = register("C-EQ-NAT", "DEMO-N", "EQUITY_INVESTMENT");
        ok(post(nat, "equity", equity("E-1", 1001)));
        // ceil(0.50 × 1001) = ceil(500.5) = 501
        assertThat(client.get("admin", API + "/contracts/" + nat).json().path("requiredShares").asLong()).isEqualTo(501);
        refused(nat, "equity-rewards", shares("ED-1", 500, 500, 0), "EQUITY_REWARD_BELOW_MINIMUM");
        ok(post(nat, "equity-rewards", shares("ED-1", 501, 501, 0)));
    }

    @Test
    void development_contracts_owe_nothing_so_any_reward_may_be_decided() {
        String c = register("C-DEV", "DEMO-A", "DEVELOPMENT");
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        assertThat(figure(c, "requiredReward")).isEqualTo("0.00");
        ok(post(c, "reward-decisions", decision("D-1", "0.01", "0.01", "0.02")));
    }

    // ---- the other rules ----

    @Test
    void allocations_principal_share_and_contributors() {
        String c = register("C-ALLOC", "DEMO-A", "EQUITY_INVESTMENT");
        ok(post(c, "incomes", income("I-1", "1000.01", "2026-03-15")));
        ok(post(c, "equity", equity("E-1", 1001)));
        // the allocations must add up to the total, to the fen
        refused(c, "reward-decisions", decision("D-1", "350.01", "349.99", "700.01"), "ALLOCATION_SUM_MISMATCH");
        refused(c, "reward-decisions", decision("D-1", "350.01", "350.01", "700.01"), "ALLOCATION_SUM_MISMATCH");
        refused(c, "equity-rewards", shares("ED-1", 701, 400, 300), "ALLOCATION_SUM_MISMATCH");
        // principal contributors together at least half: 2 × 350.00 < 700.01 is refused, 2 × 350.01 is enough
        refused(c, "reward-decisions", decision("D-1", "350.00", "350.01", "700.01"), "PRINCIPAL_SHARE_BELOW_HALF");
        refused(c, "equity-rewards", shares("ED-1", 701, 350, 351), "PRINCIPAL_SHARE_BELOW_HALF");
        // only contributors of the contract
        refused(c, "reward-decisions", body("decisionId", "D-1", "decidedOn", "2026-04-01", "total", "700.01",
                "allocations", List.of(body("personId", "P-1", "amount", "350.01"),
                        body("personId", "P-9", "amount", "350.00"))), "NOT_A_CONTRIBUTOR");
        refused(c, "equity-rewards", body("decisionId", "ED-1", "decidedOn", "2026-04-01", "totalShares", 701,
                "allocations", List.of(body("personId", "P-9", "shares", 701))), "NOT_A_CONTRIBUTOR");
        refused(c, "payments", payment("PAY-1", "P-9", "1.00", "2026-04-20"), "NOT_A_CONTRIBUTOR");
        ok(post(c, "reward-decisions", decision("D-1", "350.01", "350.00", "700.01")));
        ok(post(c, "equity-rewards", shares("ED-1", 701, 351, 350)));
    }

    @Test
    void shares_allocated_in_all_never_exceed_shares_received() {
        String c = register("C-SHARES", "DEMO-A", "EQUITY_INVESTMENT");
        ok(post(c, "equity", equity("E-1", 1001)));
        refused(c, "equity-rewards", shares("ED-1", 1002, 1002, 0), "ALLOCATION_EXCEEDS_SHARES");
        ok(post(c, "equity-rewards", shares("ED-1", 701, 701, 0)));
        refused(c, "equity-rewards", shares("ED-2", 301, 301, 0), "ALLOCATION_EXCEEDS_SHARES");
        ok(post(c, "equity-rewards", shares("ED-2", 300, 300, 0)));
        refused(c, "equity-rewards", shares("ED-3", 1, 1, 0), "ALLOCATION_EXCEEDS_SHARES");
        // shares received and then reversed are no longer there to allocate
        ok(post(c, "equity", equity("E-2", 10)));
        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "E-2", "reason", "shares never issued")));
        refused(c, "equity-rewards", shares("ED-3", 1, 1, 0), "ALLOCATION_EXCEEDS_SHARES");
    }

    @Test
    void a_huge_share_count_is_refused_as_exceeding_the_shares_not_a_server_error() {
        String c = register("C-SHARES-HUGE", "DEMO-A", "EQUITY_INVESTMENT");
        ok(post(c, "equity", equity("E-1", 1001)));
        ok(post(c, "equity-rewards", shares("ED-1", 701, 701, 0)));
        long total = Long.MAX_VALUE - 100;
        long principal = total / 2 + 1;
        refused(c, "equity-rewards", shares("ED-2", total, principal, total - principal), "ALLOCATION_EXCEEDS_SHARES");
    }

    @Test
    void payments_never_exceed_what_was_allocated_to_the_person() {
        String c = register("C-PAY", "DEMO-A", "LICENSE");
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        refused(c, "payments", payment("PAY-1", "P-1", "0.01", "2026-04-20"), "PAYMENT_EXCEEDS_ALLOCATION");
        ok(post(c, "reward-decisions", decision("D-1", "350.00", "350.00", "700.00")));
        refused(c, "payments", payment("PAY-1", "P-2", "350.01", "2026-04-20"), "PAYMENT_EXCEEDS_ALLOCATION");
        ok(post(c, "payments", payment("PAY-1", "P-2", "200.00", "2026-04-20")));
        refused(c, "payments", payment("PAY-2", "P-2", "150.01", "2026-04-21"), "PAYMENT_EXCEEDS_ALLOCATION");
        ok(post(c, "payments", payment("PAY-2", "P-2", "150.00", "2026-04-21")));
        refused(c, "payments", payment("PAY-3", "P-2", "0.01", "2026-04-22"), "PAYMENT_EXCEEDS_ALLOCATION");
        // a reversed payment gives the room back
        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "PAY-2", "reason", "bounced")));
        ok(post(c, "payments", payment("PAY-3", "P-2", "150.00", "2026-04-23")));
    }

    @Test
    void a_leader_is_paid_only_once_a_publicity_notice_of_the_decision_has_ended() {
        String c = register("C-LEAD", "DEMO-A", "LICENSE");
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        ok(post(c, "reward-decisions", body("decisionId", "D-L", "decidedOn", "2026-04-01", "total", "700.00",
                "allocations", List.of(body("personId", "P-1", "amount", "350.00"),
                        body("personId", "P-L", "amount", "350.00")))));
        refused(c, "payments", payment("PAY-L", "P-L", "350.00", "2026-04-20"), "PUBLICITY_REQUIRED");
        // the decision accepted, a non-leader is paid without any notice
        ok(post(c, "payments", payment("PAY-1", "P-1", "350.00", "2026-04-02")));
        ok(post(c, "publicity", body("noticeId", "N-1", "decisionId", "D-L", "from", "2026-04-01", "to", "2026-04-10")));
        refused(c, "payments", payment("PAY-L", "P-L", "350.00", "2026-04-09"), "PUBLICITY_REQUIRED");
        ok(post(c, "payments", payment("PAY-L", "P-L", "350.00", "2026-04-10")));

    }

    @Test
    void technology_amount_never_above_the_total() {
        Map<String, Object> tooMuch = contract("C-TECH", "DEMO-A", "LICENSE");
        tooMuch.put("technologyAmount", "1200000.01");
        LedgerClient.Response r = client.post(R, API + "/contracts", tooMuch);
        problem(r, "TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL");
        assertThat(client.get("admin", API + "/contracts/C-TECH").status()).isEqualTo(404);

        // refused, it took neither the id nor the registration number
        tooMuch.put("technologyAmount", "1200000.00");
        ok(client.post(R, API + "/contracts", tooMuch));
        refused("C-TECH", "amendments", body("amendmentId", "A-1", "totalAmount", "100.00", "technologyAmount", "100.01",
                "reason", "renegotiated"), "TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL");
        ok(post("C-TECH", "amendments", body("amendmentId", "A-1", "totalAmount", "100.00", "technologyAmount", "100.00",
                "reason", "renegotiated")));
    }

    @Test
    void a_registration_number_belongs_to_one_contract() {
        register("C-REG-1", "DEMO-A", "LICENSE");
        Map<String, Object> second = contract("C-REG-2", "DEMO-A", "LICENSE");
        second.put("registrationNumber", "REG-C-REG-1");
        problem(client.post(R, API + "/contracts", second), "DUPLICATE_REGISTRATION_NUMBER");
        assertThat(client.get("admin", API + "/contracts/C-REG-2").status()).isEqualTo(404);
        // another institution's contract may not take it either
        Map<String, Object> third = contract("C-REG-3", "DEMO-N", "LICENSE");
        third.put("registrationNumber", "REG-C-REG-1");
        problem(client.post("admin", API + "/contracts", third), "DUPLICATE_REGISTRATION_NUMBER");
        // the refused contract's id is still free
        second.put("registrationNumber", "REG-C-REG-2");
        ok(client.post(R, API + "/contracts", second));
    }

    @Test
    void reversals_of_unknown_or_reversed_entries_and_publicity_of_unknown_decisions() {
        String c = register("C-REV", "DEMO-A", "EQUITY_INVESTMENT");
        String other = register("C-REV-OTHER", "DEMO-A", "LICENSE");
        ok(post(other, "incomes", income("I-OTHER", "10.00", "2026-03-15")));
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        ok(post(c, "costs", cost("K-1", "10.00", "TAX")));
        ok(post(c, "reward-decisions", decision("D-1", "350.00", "343.00", "693.00")));

        refused(c, "reversals", body("reversalId", "R-1", "entryId", "NOPE", "reason", "typo"), "UNKNOWN_ENTRY");
        refused(c, "reversals", body("reversalId", "R-1", "entryId", "I-OTHER", "reason", "other contract"), "UNKNOWN_ENTRY");
        refused(c, "reversals", body("reversalId", "R-1", "entryId", "D-1", "reason", "a decision"), "UNKNOWN_ENTRY");
        refused(c, "publicity", body("noticeId", "N-1", "decisionId", "D-NOPE", "from", "2026-04-01",
                "to", "2026-04-10"), "UNKNOWN_ENTRY");
        refused(c, "publicity", body("noticeId", "N-1", "decisionId", "I-1", "from", "2026-04-01",
                "to", "2026-04-10"), "UNKNOWN_ENTRY");

        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "K-1", "reason", "not deductible")));
        refused(c, "reversals", body("reversalId", "R-2", "entryId", "K-1", "reason", "again"), "ALREADY_REVERSED");
        ok(post(c, "reversals", body("reversalId", "R-2", "entryId", "I-1", "reason", "never received")));
        refused(c, "reversals", body("reversalId", "R-3", "entryId", "I-1", "reason", "again"), "ALREADY_REVERSED");
    }

    @Test
    void a_terminated_contract_takes_no_new_entry_but_reversals_and_payments_of_what_was_decided() {
        String c = register("C-END", "DEMO-A", "EQUITY_INVESTMENT");
        ok(post(c, "incomes", income("I-1", "1000.00", "2026-03-15")));
        ok(post(c, "equity", equity("E-1", 100)));
        ok(post(c, "reward-decisions", decision("D-1", "350.00", "350.00", "700.00")));
        ok(post(c, "termination", body("terminatedOn", "2026-09-30", "reason", "licensee insolvent")));

        refused(c, "incomes", income("I-2", "1.00", "2026-10-01"), "CONTRACT_TERMINATED");
        refused(c, "costs", cost("K-1", "1.00", "TAX"), "CONTRACT_TERMINATED");
        refused(c, "equity", equity("E-2", 1), "CONTRACT_TERMINATED");
        refused(c, "reward-decisions", decision("D-2", "1.00", "1.00", "2.00"), "CONTRACT_TERMINATED");
        refused(c, "equity-rewards", shares("ED-1", 70, 70, 0), "CONTRACT_TERMINATED");
        refused(c, "publicity", body("noticeId", "N-1", "decisionId", "D-1", "from", "2026-10-01", "to", "2026-10-10"),
                "CONTRACT_TERMINATED");
        refused(c, "amendments", body("amendmentId", "A-1", "totalAmount", "10.00", "technologyAmount", "10.00",
                "reason", "late"), "CONTRACT_TERMINATED");
        // a termination has no id of its own: sent again it is the same command (200), changed it is a 409
        assertThat(post(c, "termination", body("terminatedOn", "2026-09-30", "reason", "licensee insolvent")).status())
                .isEqualTo(200);
        assertThat(post(c, "termination", body("terminatedOn", "2026-10-30", "reason", "again")).status()).isEqualTo(409);

        ok(post(c, "payments", payment("PAY-1", "P-1", "350.00", "2026-10-05")));
        ok(post(c, "reversals", body("reversalId", "R-1", "entryId", "PAY-1", "reason", "wrong account")));
        assertThat(client.get("admin", API + "/contracts/" + c).json().path("terminated").asBoolean()).isTrue();
    }

    // ---- helpers ----

    private static String register(String contractId, String seller, String kind) {
        ok(client.post("admin", API + "/contracts", contract(contractId, seller, kind)));
        return contractId;
    }

    private static LedgerClient.Response post(String contractId, String command, Object body) {
        return client.post("admin", API + "/contracts/" + contractId + "/" + command, body);
    }

    private static Map<String, Object> shares(String decisionId, long total, long toPrincipal, long toOther) {
        List<Object> allocations = new java.util.ArrayList<>();
        if (toPrincipal > 0) {
            allocations.add(body("personId", "P-1", "shares", toPrincipal));
        }
        if (toOther > 0) {
            allocations.add(body("personId", "P-2", "shares", toOther));
        }
        return body("decisionId", decisionId, "decidedOn", "2026-04-02", "totalShares", total, "allocations", allocations);
    }

    /** Posts a command the rule must refuse; the contract's version and events stay as they were. */
    private static String refused(String contractId, String command, Object body, String code) {
        String path = API + "/contracts/" + contractId;
        LedgerClient.Response before = client.get("admin", path);
        JsonNode eventsBefore = client.get("admin", path + "/events").json();
        problem(client.post("admin", path + "/" + command, body), code);
        LedgerClient.Response after = client.get("admin", path);
        assertThat(after.json().path("version")).as(command + " refused: version unchanged")
                .isEqualTo(before.json().path("version"));
        assertThat(after.json()).as(command + " refused: figures unchanged").isEqualTo(before.json());
        assertThat(client.get("admin", path + "/events").json()).isEqualTo(eventsBefore);
        return code;
    }

    private static void problem(LedgerClient.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.hasNonNull("type")).isTrue();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static String figure(String contractId, String name) {
        return client.get("admin", API + "/contracts/" + contractId).json().path(name).asText();
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
