package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.RewardDecisionWithdrawn;
import org.techtransfer.ledger.reward.RewardKind;
import org.techtransfer.ledger.reward.WithdrawRewardDecision;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.contract.ContractKind.EQUITY_INVESTMENT;
import static org.techtransfer.ledger.contract.ContractTestData.*;
import static org.techtransfer.ledger.rule.Rule.*;

/**
 * Issue 15, "Corrections and bad input": what a recorder can put right (contributors, reward decisions) and
 * what the ledger refuses instead of accepting into a dead end (no principal contributor, dates that have not
 * happened or precede the contract, payments ahead of their decision, income beyond the contract total).
 * A refusal is a {@link RuleViolation} naming the rule, with the figures its detail names, and no event.
 */
class ContractCorrectionsTest {

    private AggregateTestFixture<TechnologyContract> fixture;
    private InMemoryRegistrationNumbers numbers;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        numbers = new InMemoryRegistrationNumbers();
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI));
        fixture.registerInjectableResource(numbers);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(RECORDER);
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception e) {
                failure = e;
                throw e;
            }
        });
    }

    private RuleViolation assertRefused(ResultValidator<TechnologyContract> result, Rule rule, Object... arguments) {
        result.expectException(RuleViolation.class).expectNoEvents();
        RuleViolation violation = assertThat(failure).asInstanceOf(type(RuleViolation.class)).actual();
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.arguments()).containsExactly(arguments);
        return violation;
    }

    private static final Contributor CAROL = new Contributor("carol", "Carol Sun", true, false, false);

    private static ChangeContributors change(String changeId, Contributor... contributors) {
        return new ChangeContributors(CONTRACT, changeId, List.of(contributors), "names corrected");
    }

    private static ContributorsChanged changed(String changeId, Contributor... contributors) {
        return new ContributorsChanged(CONTRACT, changeId, List.of(contributors), "names corrected", BJ_UNI.institutionId());
    }

    private static WithdrawRewardDecision withdraw(String withdrawalId, String decisionId) {
        return new WithdrawRewardDecision(CONTRACT, withdrawalId, decisionId, "decided by mistake", null);
    }

    private static RewardDecisionWithdrawn withdrawn(String withdrawalId, String decisionId, RewardKind kind,
                                                     String... people) {
        return new RewardDecisionWithdrawn(CONTRACT, withdrawalId, decisionId, kind, List.of(people),
                "decided by mistake", null);
    }

    private static Contributor demoted(Contributor c) {
        return new Contributor(c.personId(), c.name(), false, c.leadership(), c.principalHead());
    }

    private static Contributor promoted(Contributor c) {
        return new Contributor(c.personId(), c.name(), true, c.leadership(), c.principalHead());
    }

    @Nested
    class Registration {

        @Test
        void refuses_a_contract_without_a_principal_contributor_and_claims_no_number() {
            RegisterContract command = new RegisterContract(CONTRACT, REGISTRATION, ContractKind.LICENSE,
                    BJ_UNI.institutionId(), BUYER, FIELD, yuan("1000.00"), yuan("1000.00"), SIGNED,
                    List.of(BOB, DEAN), null, null, null);
            RuleViolation refusal = assertRefused(fixture.givenNoPriorActivity().when(command),
                    NO_PRINCIPAL_CONTRIBUTOR, 2);
            assertThat(refusal).hasMessageContaining("none of the 2 contributors is principal");
            assertThat(numbers.holderOf(REGISTRATION)).isEmpty();
        }
    }

    @Nested
    class Contributors {

        @Test
        void records_the_whole_new_list_and_the_book_rewards_by_it() {
            Contributor deanNoLonger = new Contributor("dean", "Dean Zhao", false, false, false);
            fixture.given(beijingLicence())
                    .when(change("CH-1", ALICE, BOB, deanNoLonger, CAROL))
                    .expectEvents(changed("CH-1", ALICE, BOB, deanNoLonger, CAROL));
            // carol is now a contributor, and principal: she may carry the principal half alone
            fixture.given(beijingLicence(), changed("CH-1", ALICE, BOB, CAROL))
                    .when(decide("D-1", "10.00", allocation(CAROL, "5.00"), allocation(BOB, "5.00")))
                    .expectEvents(decided("D-1", "10.00", allocation(CAROL, "5.00"), allocation(BOB, "5.00")));
        }

        @Test
        void someone_left_out_is_no_longer_a_contributor() {
            assertRefused(fixture.given(beijingLicence(), changed("CH-1", ALICE, BOB))
                    .when(decide("D-1", "10.00", allocation(ALICE, "5.00"), allocation(DEAN, "5.00"))),
                    NOT_A_CONTRIBUTOR, "dean");
        }

        @Test
        void refuses_a_list_without_a_principal() {
            assertRefused(fixture.given(beijingLicence()).when(change("CH-1", BOB, DEAN)),
                    NO_PRINCIPAL_CONTRIBUTOR, 2);
        }

        @Test
        void refuses_to_leave_out_someone_allocated_cash_or_shares() {
            assertRefused(fixture.given(beijingLicence(),
                            decided("D-1", "10.00", allocation(ALICE, "5.00"), allocation(BOB, "5.00")))
                    .when(change("CH-1", ALICE, DEAN)), ALLOCATED_CONTRIBUTOR_REMOVED, "bob");
            setUp();
            assertRefused(fixture.given(registered(EQUITY_INVESTMENT, BJ_TERMS), equity("E-1", 10),
                            sharesDecided("Q-1", 10, shares(ALICE, 7), shares(BOB, 3)))
                    .when(change("CH-1", ALICE, DEAN)), ALLOCATED_CONTRIBUTOR_REMOVED, "bob");
        }

        @Test
        void someone_whose_only_decision_was_withdrawn_may_be_left_out() {
            fixture.given(beijingLicence(),
                            decided("D-1", "10.00", allocation(ALICE, "5.00"), allocation(BOB, "5.00")),
                            withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"))
                    .when(change("CH-1", ALICE, DEAN))
                    .expectEvents(changed("CH-1", ALICE, DEAN));
        }

        @Test
        void refuses_a_demotion_that_leaves_a_decision_below_the_principal_half() {
            assertRefused(fixture.given(beijingLicence(),
                            decided("D-1", "10.00", allocation(ALICE, "5.00"), allocation(BOB, "5.00")))
                    .when(change("CH-1", demoted(ALICE), CAROL, BOB, DEAN)),
                    DEMOTION_BREAKS_PRINCIPAL_SHARE, "D-1", yuan("0.00"), yuan("10.00"));
            setUp();
            assertRefused(fixture.given(registered(EQUITY_INVESTMENT, BJ_TERMS), equity("E-1", 11),
                            sharesDecided("Q-1", 11, shares(ALICE, 6), shares(BOB, 5)))
                    .when(change("CH-1", demoted(ALICE), CAROL, BOB, DEAN)),
                    DEMOTION_BREAKS_PRINCIPAL_SHARE, "Q-1", 0L, 11L);
        }

        @Test
        void accepts_a_demotion_that_keeps_every_decision_at_half_or_more() {
            // bob becomes principal: his 5.00 of 10.00 is half
            fixture.given(beijingLicence(),
                            decided("D-1", "10.00", allocation(ALICE, "5.00"), allocation(BOB, "5.00")))
                    .when(change("CH-1", demoted(ALICE), promoted(BOB), DEAN))
                    .expectEvents(changed("CH-1", demoted(ALICE), promoted(BOB), DEAN));
        }

        @Test
        void refuses_a_change_on_a_terminated_contract_and_an_id_in_use() {
            assertRefused(fixture.given(beijingLicence(), terminated()).when(change("CH-1", ALICE)),
                    CONTRACT_TERMINATED, LocalDate.of(2022, 1, 31));
            setUp();
            fixture.given(beijingLicence(), income("CH-1", "10.00"))
                    .when(change("CH-1", ALICE))
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawals {

        private final Object[] decidedD1 = {beijingLicence(), income("I-1", "1000.00"),
                decided("D-1", "700.00", allocation(ALICE, "400.00"), allocation(BOB, "300.00"))};

        @Test
        void records_the_withdrawal_of_a_cash_decision_with_the_people_it_allocated_to() {
            fixture.given(decidedD1)
                    .when(withdraw("W-1", "D-1"))
                    .expectResultMessagePayload(3L)
                    .expectEvents(withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"));
        }

        @Test
        void once_withdrawn_the_minimum_is_owed_again_and_nothing_is_allocated() {
            Object[] history = Stream.concat(Stream.of(decidedD1),
                    Stream.of(withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"))).toArray();
            assertRefused(fixture.given(history).when(decide("D-2", "699.99", allocation(ALICE, "699.99"))),
                    REWARD_BELOW_MINIMUM, yuan("700.00"), yuan("699.99"), BJ_TERMS.cashRate(), "BEIJING-2020");
            setUp();
            assertRefused(fixture.given(history).when(pay("P-1", "bob", "0.01", PAID)),
                    PAYMENT_EXCEEDS_ALLOCATION, "bob", yuan("0.01"), yuan("0.00"));
            setUp();
            // superseding: withdraw, then decide anew
            fixture.given(history)
                    .when(decide("D-2", "700.00", allocation(ALICE, "350.00"), allocation(BOB, "350.00")))
                    .expectEvents(decided("D-2", "700.00", allocation(ALICE, "350.00"), allocation(BOB, "350.00")));
        }

        @Test
        void records_the_withdrawal_of_an_equity_decision_and_frees_its_shares() {
            Object[] history = {registered(EQUITY_INVESTMENT, BJ_TERMS), equity("E-1", 10),
                    sharesDecided("Q-1", 10, shares(ALICE, 10))};
            fixture.given(history)
                    .when(withdraw("W-1", "Q-1"))
                    .expectEvents(withdrawn("W-1", "Q-1", RewardKind.EQUITY, "alice"));
            setUp();
            fixture.given(Stream.concat(Stream.of(history),
                            Stream.of(withdrawn("W-1", "Q-1", RewardKind.EQUITY, "alice"))).toArray())
                    .when(decideShares("Q-2", 10, shares(ALICE, 6), shares(BOB, 4)))
                    .expectEvents(sharesDecided("Q-2", 10, shares(ALICE, 6), shares(BOB, 4)));
        }

        @Test
        void refuses_what_is_not_a_decision_and_a_second_withdrawal() {
            assertRefused(fixture.given(decidedD1).when(withdraw("W-1", "I-1")), UNKNOWN_ENTRY, "I-1");
            setUp();
            assertRefused(fixture.given(decidedD1).when(withdraw("W-1", "D-404")), UNKNOWN_ENTRY, "D-404");
            setUp();
            assertRefused(fixture.given(Stream.concat(Stream.of(decidedD1),
                            Stream.of(withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"))).toArray())
                    .when(withdraw("W-2", "D-1")), ALREADY_WITHDRAWN, "D-1");
        }

        @Test
        void refuses_a_notice_of_a_withdrawn_decision() {
            assertRefused(fixture.given(Stream.concat(Stream.of(decidedD1),
                            Stream.of(withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"))).toArray())
                    .when(publicize("N-1", "D-1", DECIDED, DECIDED)), ALREADY_WITHDRAWN, "D-1");
        }

        @Test
        void refuses_to_withdraw_a_decision_that_was_paid() {
            assertRefused(fixture.given(Stream.concat(Stream.of(decidedD1),
                            Stream.of(paid("P-1", "bob", "0.01", PAID))).toArray())
                    .when(withdraw("W-1", "D-1")), DECISION_PAID, "D-1", "bob", yuan("0.01"), PAID, yuan("0.00"));
        }

        @Test
        void a_reversed_payment_no_longer_holds_the_decision() {
            fixture.given(Stream.concat(Stream.of(decidedD1), Stream.of(paid("P-1", "bob", "300.00", PAID),
                            reversed("R-1", "P-1", EntryType.PAYMENT))).toArray())
                    .when(withdraw("W-1", "D-1"))
                    .expectEvents(withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"));
        }

        @Test
        void a_payment_covered_by_an_earlier_decision_does_not_hold_a_later_one() {
            LocalDate later = PAID.plusDays(10);
            fixture.given(beijingLicence(), decided("D-1", "10.00", allocation(ALICE, "10.00")),
                            paid("P-1", "alice", "10.00", PAID),
                            new org.techtransfer.ledger.reward.CashRewardDecided(CONTRACT, "D-2", later, yuan("5.00"),
                                    List.of(allocation(ALICE, "5.00")), null))
                    .when(withdraw("W-1", "D-2"))
                    .expectEvents(withdrawn("W-1", "D-2", RewardKind.CASH, "alice"));
        }

        @Test
        void a_payment_made_before_the_other_decision_still_holds_the_earlier_one() {
            // P-1 on PAID was covered by D-1 alone: D-2 came ten days later
            LocalDate later = PAID.plusDays(10);
            assertRefused(fixture.given(beijingLicence(), decided("D-1", "10.00", allocation(ALICE, "10.00")),
                            paid("P-1", "alice", "10.00", PAID),
                            new org.techtransfer.ledger.reward.CashRewardDecided(CONTRACT, "D-2", later, yuan("10.00"),
                                    List.of(allocation(ALICE, "10.00")), null))
                    .when(withdraw("W-1", "D-1")), DECISION_PAID, "D-1", "alice", yuan("10.00"), PAID, yuan("0.00"));
        }

        @Test
        void is_allowed_on_a_terminated_contract_like_a_reversal() {
            fixture.given(Stream.concat(Stream.of(decidedD1), Stream.of(terminated())).toArray())
                    .when(withdraw("W-1", "D-1"))
                    .expectEvents(withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"));
        }

        @Test
        void the_withdrawal_id_is_an_entry_id_of_the_contract() {
            fixture.given(decidedD1)
                    .when(withdraw("I-1", "D-1"))
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
            setUp();
            fixture.given(Stream.concat(Stream.of(decidedD1),
                            Stream.of(withdrawn("W-1", "D-1", RewardKind.CASH, "alice", "bob"))).toArray())
                    .when(recordIncome("W-1", "1.00"))
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class BusinessDates {

        /** Each dated entry, as a command dated {@code on}, on a contract where it is otherwise accepted. */
        static Stream<Arguments> datedEntries() {
            return Stream.of(
                    Arguments.of("income", (Function<LocalDate, Object>) on ->
                            new RecordIncome(CONTRACT, "I-9", yuan("1.00"), on, IncomeCategory.ROYALTY)),
                    Arguments.of("cost", (Function<LocalDate, Object>) on ->
                            new RecordCost(CONTRACT, "K-9", yuan("1.00"), on, CostCategory.TAX)),
                    Arguments.of("equity", (Function<LocalDate, Object>) on ->
                            new ReceiveEquity(CONTRACT, "E-9", "Huairou Pharma Co.", 5, yuan("10.00"), on)),
                    Arguments.of("payment", (Function<LocalDate, Object>) on -> pay("P-9", "alice", "1.00", on)));
        }

        /** A decision dated on the signing day, so that a payment on any later day is covered. */
        private final Object[] running = {registered(EQUITY_INVESTMENT, BJ_TERMS),
                new org.techtransfer.ledger.reward.CashRewardDecided(CONTRACT, "D-1", SIGNED, yuan("10.00"),
                        List.of(allocation(ALICE, "10.00")), null)};

        @ParameterizedTest(name = "{0}")
        @MethodSource("datedEntries")
        void accepts_today_in_the_ledger_zone_and_the_signing_day(String what, Function<LocalDate, Object> dated) {
            // 00:30 in Shanghai: still yesterday in UTC, but today for the ledger
            fixture.given(running).when(dated.apply(TODAY)).expectSuccessfulHandlerExecution();
            setUp();
            fixture.given(running).when(dated.apply(SIGNED)).expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("datedEntries")
        void refuses_tomorrow(String what, Function<LocalDate, Object> dated) {
            assertRefused(fixture.given(running).when(dated.apply(TODAY.plusDays(1))),
                    DATE_IN_FUTURE, TODAY.plusDays(1), TODAY);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("datedEntries")
        void refuses_the_day_before_signing(String what, Function<LocalDate, Object> dated) {
            assertRefused(fixture.given(running).when(dated.apply(SIGNED.minusDays(1))),
                    DATE_BEFORE_SIGNING, SIGNED.minusDays(1), SIGNED);
        }

        @Test
        void refuses_a_payment_dated_before_the_decision_that_allocated_it() {
            Object[] history = {beijingLicence(), decided("D-1", "10.00", allocation(ALICE, "10.00"))};
            assertRefused(fixture.given(history).when(pay("P-1", "alice", "0.01", DECIDED.minusDays(1))),
                    PAYMENT_BEFORE_DECISION, "alice", yuan("0.01"), DECIDED.minusDays(1), yuan("0.00"));
            setUp();
            fixture.given(history).when(pay("P-1", "alice", "10.00", DECIDED))
                    .expectEvents(paid("P-1", "alice", "10.00", DECIDED));
        }

        @Test
        void a_payment_may_not_take_what_a_later_decision_gave_nor_push_a_later_payment_past_its_cover() {
            LocalDate later = DECIDED.plusDays(20);
            Object[] history = {beijingLicence(), decided("D-1", "10.00", allocation(ALICE, "10.00")),
                    new org.techtransfer.ledger.reward.CashRewardDecided(CONTRACT, "D-2", later, yuan("10.00"),
                            List.of(allocation(ALICE, "10.00")), null)};
            // by DECIDED + 1 only D-1's 10.00 was decided
            assertRefused(fixture.given(history).when(pay("P-1", "alice", "10.01", DECIDED.plusDays(1))),
                    PAYMENT_BEFORE_DECISION, "alice", yuan("10.01"), DECIDED.plusDays(1), yuan("10.00"));
            setUp();
            // a payment of 10.00 on DECIDED + 5 is covered; one of 0.01 backdated to DECIDED then is not
            assertRefused(fixture.given(Stream.concat(Stream.of(history),
                            Stream.of(paid("P-1", "alice", "10.00", DECIDED.plusDays(5)))).toArray())
                    .when(pay("P-2", "alice", "0.01", DECIDED)),
                    PAYMENT_BEFORE_DECISION, "alice", yuan("10.01"), DECIDED.plusDays(5), yuan("10.00"));
            setUp();
            fixture.given(history).when(pay("P-1", "alice", "20.00", later))
                    .expectEvents(paid("P-1", "alice", "20.00", later));
        }
    }

    @Nested
    class IncomeBound {

        // the contract total is 1000000.00
        @Test
        void income_up_to_the_contract_total_is_accepted_a_fen_more_refused() {
            fixture.given(beijingLicence(), income("I-1", "999999.00"))
                    .when(recordIncome("I-2", "1.00"))
                    .expectEvents(income("I-2", "1.00"));
            setUp();
            assertRefused(fixture.given(beijingLicence(), income("I-1", "999999.00"))
                    .when(recordIncome("I-2", "1.01")), INCOME_EXCEEDS_TOTAL, yuan("1000000.01"), yuan("1000000.00"));
        }

        @Test
        void the_case_of_the_issue_is_refused() {
            assertRefused(fixture.given(beijingLicence()).when(recordIncome("I-1", "999999999999999.99")),
                    INCOME_EXCEEDS_TOTAL, yuan("999999999999999.99"), yuan("1000000.00"));
        }

        @Test
        void reversed_income_does_not_count_and_an_amended_total_does() {
            fixture.given(beijingLicence(), income("I-1", "1000000.00"), reversed("R-1", "I-1", EntryType.INCOME))
                    .when(recordIncome("I-2", "1000000.00"))
                    .expectEvents(income("I-2", "1000000.00"));
            setUp();
            fixture.given(beijingLicence(), income("I-1", "1000000.00"),
                            new ContractAmended(CONTRACT, "A-1", yuan("1500000.00"), yuan("800000.00"), "royalties"))
                    .when(recordIncome("I-2", "500000.00"))
                    .expectEvents(income("I-2", "500000.00"));
        }

        @Test
        void an_amendment_may_not_put_the_total_below_the_income_received() {
            assertRefused(fixture.given(beijingLicence(), income("I-1", "500000.00"))
                    .when(amend("A-1", "499999.99", "400000.00")), INCOME_EXCEEDS_TOTAL, yuan("500000.00"),
                    yuan("499999.99"));
            setUp();
            fixture.given(beijingLicence(), income("I-1", "500000.00"))
                    .when(amend("A-1", "500000.00", "400000.00"))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
