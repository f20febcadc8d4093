package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.coownership.CoOwner;
import org.techtransfer.ledger.coownership.CoOwnerBooks.CoOwnerFigures;
import org.techtransfer.ledger.coownership.CoOwnerTerms;
import org.techtransfer.ledger.coownership.CoOwnersSet;
import org.techtransfer.ledger.coownership.SetCoOwners;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.DecideCashReward;
import org.techtransfer.ledger.reward.DecideEquityReward;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.PayReward;
import org.techtransfer.ledger.reward.PublicityRecorded;
import org.techtransfer.ledger.reward.RecordPublicity;
import org.techtransfer.ledger.reward.RewardDecisionWithdrawn;
import org.techtransfer.ledger.reward.RewardKind;
import org.techtransfer.ledger.reward.RewardPaid;
import org.techtransfer.ledger.reward.RewardStatus;
import org.techtransfer.ledger.reward.ShareAllocation;
import org.techtransfer.ledger.reward.WithdrawRewardDecision;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.assertj.core.groups.Tuple.tuple;
import static org.techtransfer.ledger.contract.ContractTestData.*;
import static org.techtransfer.ledger.rule.Rule.*;

/**
 * Issue 15, "Co-owned achievements": shares received are split among the co-owners like money, and a co-owner
 * other than the seller decides, publicises and pays its own reward on its own share, under its own policy, by the
 * same rules as the seller.
 */
class CoOwnerRewardsTest {

    private static final String NAT = "NAT-RI";
    private static final CoOwnersSet CO_OWNED = new CoOwnersSet(CONTRACT, "CO-1", List.of(
            new CoOwnerTerms("BJ-UNI", new BigDecimal("0.6"), BJ_TERMS),
            new CoOwnerTerms(NAT, new BigDecimal("0.4"), NAT_TERMS)));

    private AggregateTestFixture<TechnologyContract> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI, BJ_HIGH));
        fixture.registerInjectableResource(new InMemoryRegistrationNumbers());
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

    private void assertRefused(ResultValidator<TechnologyContract> result, Rule rule, Object... arguments) {
        result.expectException(RuleViolation.class).expectNoEvents();
        RuleViolation violation = assertThat(failure).asInstanceOf(type(RuleViolation.class)).actual();
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.arguments()).containsExactly(arguments);
    }

    /** 1,000.01 received: the seller's 600.01, NAT-RI's 400.00, of which it owes 50% under its policy, 200.00. */
    private static Object[] received(Object... more) {
        List<Object> events = new ArrayList<>(List.of(beijingLicence(), CO_OWNED, income("IN-1", "1000.01")));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static DecideCashReward natDecides(String id, String total, Allocation... allocations) {
        return new DecideCashReward(CONTRACT, id, DECIDED, yuan(total), List.of(allocations), NAT);
    }

    private static CashRewardDecided natDecided(String id, String total, Allocation... allocations) {
        return new CashRewardDecided(CONTRACT, id, DECIDED, yuan(total), List.of(allocations), NAT);
    }

    private static PayReward natPays(String id, String personId, String amount, LocalDate on) {
        return new PayReward(CONTRACT, id, personId, yuan(amount), on, "bank transfer " + id, NAT);
    }

    private static RewardPaid natPaid(String id, String personId, String amount, LocalDate on) {
        return new RewardPaid(CONTRACT, id, personId, yuan(amount), on, "bank transfer " + id, NAT);
    }

    private static PublicityRecorded natPublicized(String id, String decisionId, LocalDate from, LocalDate to) {
        return new PublicityRecorded(CONTRACT, id, decisionId, from, to, NAT);
    }

    @Test
    void a_co_owner_decides_on_its_own_share_under_its_own_policy() {
        fixture.given(received()).when(natDecides("D-N", "200.00", allocation(ALICE, "200.00")))
                .expectEvents(natDecided("D-N", "200.00", allocation(ALICE, "200.00")));
        assertRefused(fixture.given(received()).when(natDecides("D-N", "199.99", allocation(ALICE, "199.99"))),
                REWARD_BELOW_MINIMUM, yuan("200.00"), yuan("199.99"), new BigDecimal("0.50"), "NATIONAL-2015");
    }

    @Test
    void a_co_owner_s_decision_gives_principal_contributors_at_least_half() {
        assertRefused(fixture.given(received()).when(natDecides("D-N", "200.00", allocation(BOB, "200.00"))),
                PRINCIPAL_SHARE_BELOW_HALF, yuan("0.00"), yuan("200.00"));
    }

    @Test
    void only_a_co_owner_records_on_its_own_share() {
        DecideCashReward byOutsider = new DecideCashReward(CONTRACT, "D-N", DECIDED, yuan("200.00"),
                List.of(allocation(ALICE, "200.00")), "BJ-HIGH");
        assertRefused(fixture.given(received()).when(byOutsider), NOT_A_CO_OWNER, "BJ-HIGH");
        assertRefused(fixture.given(beijingLicence()).when(natDecides("D-N", "1.00", allocation(ALICE, "1.00"))),
                NOT_A_CO_OWNER, NAT);
        assertRefused(fixture.given(received()).when(new PayReward(CONTRACT, "P-N", "alice", yuan("1.00"), PAID,
                "bank", "BJ-HIGH")), NOT_A_CO_OWNER, "BJ-HIGH");
    }

    @Test
    void the_seller_named_is_the_seller_s_own_decision_as_before() {
        fixture.given(received()).when(new DecideCashReward(CONTRACT, "D-1", DECIDED, yuan("420.01"),
                        List.of(allocation(ALICE, "420.01")), "BJ-UNI"))
                .expectEvents(decided("D-1", "420.01", allocation(ALICE, "420.01")));
    }

    @Test
    void a_co_owner_pays_what_it_decided_not_before_and_not_in_the_future() {
        Object[] given = received(natDecided("D-N", "200.00", allocation(ALICE, "200.00")));
        fixture.given(given).when(natPays("P-N", "alice", "200.00", PAID))
                .expectEvents(natPaid("P-N", "alice", "200.00", PAID));
        assertRefused(fixture.given(given).when(natPays("P-N", "alice", "200.01", PAID)),
                PAYMENT_EXCEEDS_ALLOCATION, "alice", yuan("200.01"), yuan("200.00"));
        assertRefused(fixture.given(given).when(natPays("P-N", "alice", "200.00", RECEIVED)),
                PAYMENT_BEFORE_DECISION, "alice", yuan("200.00"), RECEIVED, yuan("0.00"));
        assertRefused(fixture.given(given).when(natPays("P-N", "alice", "200.00", TODAY.plusDays(1))),
                DATE_IN_FUTURE, TODAY.plusDays(1), TODAY);
    }

    @Test
    void the_seller_pays_nothing_a_co_owner_decided_and_a_co_owner_nothing_the_seller_decided() {
        Object[] given = received(natDecided("D-N", "200.00", allocation(ALICE, "200.00")),
                decided("D-1", "420.01", allocation(ALICE, "420.01")));
        assertRefused(fixture.given(given).when(pay("P-1", "alice", "420.02", PAID)),
                PAYMENT_EXCEEDS_ALLOCATION, "alice", yuan("420.02"), yuan("420.01"));
        assertRefused(fixture.given(given).when(natPays("P-N", "alice", "200.01", PAID)),
                PAYMENT_EXCEEDS_ALLOCATION, "alice", yuan("200.01"), yuan("200.00"));
        assertRefused(fixture.given(given).when(new RecordPublicity(CONTRACT, "N-1", "D-1", DECIDED, PAID, NAT)),
                UNKNOWN_ENTRY, "D-1");
        assertRefused(fixture.given(given).when(publicize("N-1", "D-N", DECIDED, PAID)), UNKNOWN_ENTRY, "D-N");
    }

    @Test
    void a_co_owner_pays_its_leaders_once_its_own_notice_has_ended() {
        Object[] given = received(natDecided("D-N", "200.00", allocation(ALICE, "100.00"), allocation(DEAN, "100.00")));
        assertRefused(fixture.given(given).when(natPays("P-N", "dean", "100.00", PAID)),
                PUBLICITY_REQUIRED, "dean", PAID);
        fixture.given(given).when(new RecordPublicity(CONTRACT, "N-N", "D-N", DECIDED, PAID.minusDays(1), NAT))
                .expectEvents(natPublicized("N-N", "D-N", DECIDED, PAID.minusDays(1)));
        Object[] noticed = received(natDecided("D-N", "200.00", allocation(ALICE, "100.00"), allocation(DEAN, "100.00")),
                natPublicized("N-N", "D-N", DECIDED, PAID.minusDays(1)));
        fixture.given(noticed).when(natPays("P-N", "dean", "100.00", PAID))
                .expectEvents(natPaid("P-N", "dean", "100.00", PAID));
    }

    @Test
    void ids_are_the_contract_s_whatever_the_book() {
        fixture.given(received(natDecided("D-N", "200.00", allocation(ALICE, "200.00")),
                        natPaid("P-N", "alice", "200.00", PAID)))
                .when(pay("P-N", "alice", "1.00", PAID)).expectException(EntryIdInUse.class).expectNoEvents();
        fixture.given(received(natDecided("D-N", "200.00", allocation(ALICE, "200.00"))))
                .when(decide("D-N", "420.01", allocation(ALICE, "420.01")))
                .expectException(EntryIdInUse.class).expectNoEvents();
    }

    @Test
    void a_contributor_a_co_owner_rewarded_stays() {
        assertRefused(fixture.given(received(natDecided("D-N", "200.00", allocation(ALICE, "100.00"),
                                allocation(BOB, "100.00"))))
                        .when(new ChangeContributors(CONTRACT, "CH-1", List.of(ALICE, DEAN), "bob left")),
                ALLOCATED_CONTRIBUTOR_REMOVED, "bob");
    }

    @Test
    void a_co_owner_withdraws_its_own_decision_while_nothing_of_it_is_paid() {
        Object[] given = received(natDecided("D-N", "200.00", allocation(ALICE, "200.00")));
        fixture.given(given).when(new WithdrawRewardDecision(CONTRACT, "W-N", "D-N", "wrong total", NAT))
                .expectEvents(new RewardDecisionWithdrawn(CONTRACT, "W-N", "D-N", RewardKind.CASH, List.of("alice"),
                        "wrong total", NAT));
        assertRefused(fixture.given(given).when(new WithdrawRewardDecision(CONTRACT, "W-N", "D-N", "wrong total", null)), UNKNOWN_ENTRY, "D-N");
        assertRefused(fixture.given(received(natDecided("D-N", "200.00", allocation(ALICE, "200.00")),
                        natPaid("P-N", "alice", "1.00", PAID)))
                        .when(new WithdrawRewardDecision(CONTRACT, "W-N", "D-N", "wrong total", NAT)),
                DECISION_PAID, "D-N", "alice", yuan("1.00"), PAID, yuan("0.00"));
        ContractState state = ContractState.replay(List.of(received(
                natDecided("D-N", "200.00", allocation(ALICE, "200.00")),
                new RewardDecisionWithdrawn(CONTRACT, "W-N", "D-N", RewardKind.CASH, List.of("alice"), "wrong", NAT))));
        assertThat(state.bookOf(NAT).rewardDecided()).isEqualTo(yuan("0.00"));
    }

    @Test
    void a_co_owner_reverses_its_own_payments_and_nothing_else() {
        Object[] given = received(natDecided("D-N", "200.00", allocation(ALICE, "200.00")),
                natPaid("P-N", "alice", "200.00", PAID));
        fixture.given(given).when(new ReverseEntry(CONTRACT, "R-N", "P-N", "wrong account", NAT))
                .expectEvents(new EntryReversed(CONTRACT, "R-N", "P-N", EntryType.PAYMENT, "wrong account", NAT));
        assertRefused(fixture.given(given).when(reverse("R-N", "P-N")), UNKNOWN_ENTRY, "P-N");
        assertRefused(fixture.given(given).when(new ReverseEntry(CONTRACT, "R-N", "IN-1", "not ours", NAT)),
                UNKNOWN_ENTRY, "IN-1");
        ContractState state = ContractState.replay(List.of(received(natDecided("D-N", "200.00",
                        allocation(ALICE, "200.00")), natPaid("P-N", "alice", "200.00", PAID),
                new EntryReversed(CONTRACT, "R-N", "P-N", EntryType.PAYMENT, "wrong account", NAT))));
        assertThat(state.bookOf(NAT).rewardPaid()).isEqualTo(yuan("0.00"));
        assertThat(state.income()).isEqualTo(yuan("1000.01"));
        assertRefused(fixture.given(received(natDecided("D-N", "200.00", allocation(ALICE, "200.00")),
                                natPaid("P-N", "alice", "200.00", PAID),
                                new EntryReversed(CONTRACT, "R-N", "P-N", EntryType.PAYMENT, "wrong account", NAT)))
                        .when(new ReverseEntry(CONTRACT, "R-N2", "P-N", "again", NAT)),
                ALREADY_REVERSED, "P-N");
    }

    /** 1,001 shares split 600.6 and 400.4: the share left over goes to the larger fraction, the seller's. */
    @Test
    void shares_received_are_split_like_money_and_each_co_owner_owes_on_its_part() {
        Object[] given = received(equity("E-1", 1001));
        ContractState state = ContractState.replay(List.of(given));
        assertThat(state.coOwners().figures(TODAY)).extracting(CoOwnerFigures::institutionId,
                CoOwnerFigures::sharesReceived, CoOwnerFigures::equityValue, CoOwnerFigures::requiredShares).containsExactly(
                tuple("BJ-UNI", 601L, yuan("3000000.00"), 421L), tuple(NAT, 400L, yuan("2000000.00"), 200L));
        assertThat(state.book().sharesReceived()).isEqualTo(601);
        fixture.given(given).when(new DecideEquityReward(CONTRACT, "Q-N", DECIDED, 200,
                        List.of(new ShareAllocation("alice", 200)), NAT))
                .expectEvents(new EquityRewardDecided(CONTRACT, "Q-N", DECIDED, 200,
                        List.of(new ShareAllocation("alice", 200)), NAT));
        assertRefused(fixture.given(given).when(new DecideEquityReward(CONTRACT, "Q-N", DECIDED, 401,
                        List.of(new ShareAllocation("alice", 401)), NAT)),
                ALLOCATION_EXCEEDS_SHARES, 401L, 0L, 400L);
        assertRefused(fixture.given(given).when(decideShares("Q-1", 420, shares(ALICE, 420))),
                EQUITY_REWARD_BELOW_MINIMUM, 421L, 420L, new BigDecimal("0.70"), "BEIJING-2020");
    }

    @Test
    void a_reversed_equity_receipt_takes_back_every_part() {
        ContractState state = ContractState.replay(List.of(received(equity("E-1", 1001), equity("E-2", 3),
                reversed("R-1", "E-1", EntryType.EQUITY))));
        assertThat(state.coOwners().figures(TODAY)).extracting(CoOwnerFigures::sharesReceived,
                CoOwnerFigures::equityValue).containsExactly(tuple(2L, yuan("3000000.00")), tuple(1L, yuan("2000000.00")));
    }

    @Test
    void co_owners_are_set_before_the_first_shares() {
        assertRefused(fixture.given(beijingLicence(), equity("E-1", 1000))
                        .when(new SetCoOwners(CONTRACT, "CO-1", List.of(new CoOwner("BJ-UNI", new BigDecimal("0.6")),
                                new CoOwner(NAT, new BigDecimal("0.4"))))),
                CO_OWNERS_AFTER_EQUITY, 1000L);
    }

    @Test
    void each_co_owner_s_row_shows_what_it_decided_and_paid_and_the_seller_s_is_its_own_book() {
        ContractState state = ContractState.replay(List.of(received(
                natDecided("D-N", "200.00", allocation(ALICE, "200.00")), natPaid("P-N", "alice", "150.00", PAID),
                decided("D-1", "420.01", allocation(ALICE, "420.01")), paid("P-1", "alice", "420.01", PAID))));
        assertThat(state.coOwners().figures(TODAY)).extracting(CoOwnerFigures::institutionId,
                CoOwnerFigures::requiredReward, CoOwnerFigures::rewardDecided, CoOwnerFigures::rewardPaid,
                CoOwnerFigures::outstanding, CoOwnerFigures::rewardStatus).containsExactly(
                tuple("BJ-UNI", yuan("420.01"), yuan("420.01"), yuan("420.01"), yuan("0.00"), RewardStatus.COMPLIANT),
                tuple(NAT, yuan("200.00"), yuan("200.00"), yuan("150.00"), yuan("50.00"), RewardStatus.OVERDUE));
        assertThat(state.book().rewardPaid()).isEqualTo(yuan("420.01"));
        assertThat(state.book().allocatedTo("alice")).isEqualTo(yuan("420.01"));
        assertThat(state.bookOf(NAT).paidTo("alice")).isEqualTo(yuan("150.00"));
        ContractState restored = ContractState.restore(state.snapshot());
        assertThat(restored.coOwners().figures(TODAY)).isEqualTo(state.coOwners().figures(TODAY));
        assertThat(restored.bookOf(NAT).payments()).isEqualTo(state.bookOf(NAT).payments());
    }

    /** Decisions and payments made before the co-owners were set stay in the seller's row, as in its book. */
    @Test
    void the_seller_s_row_starts_from_the_contract_s_book() {
        ContractState state = ContractState.replay(List.of(beijingLicence(),
                decided("D-1", "10.00", allocation(ALICE, "10.00")), CO_OWNED));
        assertThat(state.coOwners().figures(TODAY).get(0).rewardDecided()).isEqualTo(yuan("10.00"));
        assertThat(state.coOwners().figures(TODAY).get(1).rewardDecided()).isEqualTo(yuan("0.00"));
    }
}
