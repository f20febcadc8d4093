package org.techtransfer.ledger.implementation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.ReducedWageTax;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardStatus;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.reward.SelfImplementationPolicy.Window;
import org.techtransfer.ledger.reward.WageTaxReason;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.institution.OrganisationType.RESEARCH_INSTITUTE;
import static org.techtransfer.ledger.institution.OrganisationType.UNIVERSITY;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;
import static org.techtransfer.ledger.reward.PolicyName.NATIONAL;
import static org.techtransfer.ledger.reward.SelfImplementationPolicy.Counting.FROM_FIRST_PROFIT_YEAR;
import static org.techtransfer.ledger.reward.SelfImplementationPolicy.Counting.FROM_PRODUCTION_START;
import static org.techtransfer.ledger.rule.Rule.*;

/**
 * Issue 15, "Self-implementation": the yearly operating profit of an achievement the institution implements, the
 * years rewarded (Beijing: five from the first year of profit; national: three to five from the start of
 * production), and the reward owed on them, decided, publicised and paid by the rules of cash rewards.
 */
class ImplementationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
    static final String ID = "IMP-1";
    static final String STREAM = Implementation.streamOf(ID);
    static final LocalDate STARTED = LocalDate.of(2018, 6, 1);
    static final Contributor ALICE = new Contributor("alice", "Alice Wang", true, false, false);
    static final Contributor DEAN = new Contributor("dean", "Dean Zhao", false, true, false);
    static final List<Contributor> PEOPLE = List.of(ALICE, DEAN);
    static final InstitutionRegistered BJ = new InstitutionRegistered("BJ-UNI", "Huairou University", UNIVERSITY, true,
            "110116", BEIJING, null, null, null);
    static final InstitutionRegistered NAT = new InstitutionRegistered("NAT-RI", "National Institute",
            RESEARCH_INSTITUTE, true, "310104", NATIONAL, null, 24, null);
    static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

    private AggregateTestFixture<Implementation> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        setUp(CLOCK);
    }

    private void setUp(Clock clock) {
        fixture = new AggregateTestFixture<>(Implementation.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource((Institutions) id -> Optional.ofNullable(
                id.equals(BJ.institutionId()) ? BJ : id.equals(NAT.institutionId()) ? NAT : null));
        fixture.registerInjectableResource(clock);
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception e) {
                failure = e;
                throw e;
            }
        });
    }

    private void assertRefused(ResultValidator<Implementation> result, Rule rule, Object... arguments) {
        result.expectException(RuleViolation.class).expectNoEvents();
        RuleViolation violation = assertThat(failure).asInstanceOf(type(RuleViolation.class)).actual();
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.arguments()).containsExactly(arguments);
    }

    static RecordImplementation record(InstitutionRegistered institution, Integer years) {
        return new RecordImplementation(ID, institution.institutionId(), "Nano-generator pilot line",
                ImplementationMode.SELF, List.of("ZL201810000001.1"), STARTED, years, PEOPLE);
    }

    static ImplementationRecorded recorded(InstitutionRegistered institution, Window window, int deadlineMonths) {
        return new ImplementationRecorded(ID, institution.institutionId(), "Nano-generator pilot line",
                ImplementationMode.SELF, List.of("ZL201810000001.1"), STARTED, window,
                new RewardTerms("SELF-IMPLEMENTATION-" + institution.policy(), FIVE_PERCENT, FIVE_PERCENT,
                        deadlineMonths), PEOPLE);
    }

    static final ImplementationRecorded BEIJING_RECORDED = recorded(BJ, new Window(FROM_FIRST_PROFIT_YEAR, 5), 36);
    static final ImplementationRecorded NATIONAL_RECORDED = recorded(NAT, new Window(FROM_PRODUCTION_START, 3), 24);

    static RecordOperatingProfit profit(int year, String amount) {
        return new RecordOperatingProfit(ID, year, Money.of(amount));
    }

    static OperatingProfitRecorded profitRecorded(int year, String amount, boolean counted, String owed) {
        return new OperatingProfitRecorded(ID, year, Money.of(amount), counted, Money.of(owed));
    }

    // ---- the implementation ----

    @Test
    void records_an_implementation_with_the_years_of_its_institutions_policy() {
        fixture.givenNoPriorActivity().when(record(BJ, null)).expectEvents(BEIJING_RECORDED);
        fixture.givenNoPriorActivity().when(record(NAT, 3)).expectEvents(NATIONAL_RECORDED);
        fixture.givenNoPriorActivity().when(record(NAT, null))
                .expectEvents(recorded(NAT, new Window(FROM_PRODUCTION_START, 5), 24));
    }

    @Test
    void the_years_are_five_in_beijing_and_three_to_five_under_the_law() {
        fixture.givenNoPriorActivity().when(record(BJ, 4)).expectException(InvalidField.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(record(NAT, 2)).expectException(InvalidField.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(record(NAT, 6)).expectException(InvalidField.class).expectNoEvents();
    }

    @Test
    void refuses_an_unknown_institution_no_principal_and_a_start_in_the_future() {
        fixture.givenNoPriorActivity().when(new RecordImplementation(ID, "NOBODY", "x", ImplementationMode.SELF, null,
                STARTED, null, PEOPLE)).expectException(UnknownInstitution.class).expectNoEvents();
        assertRefused(fixture.givenNoPriorActivity().when(new RecordImplementation(ID, BJ.institutionId(), "x",
                ImplementationMode.COOPERATION, null, STARTED, null, List.of(DEAN))), NO_PRINCIPAL_CONTRIBUTOR, 1);
        LocalDate tomorrow = TODAY.plusDays(1);
        assertRefused(fixture.givenNoPriorActivity().when(new RecordImplementation(ID, BJ.institutionId(), "x",
                ImplementationMode.SELF, null, tomorrow, null, PEOPLE)), DATE_IN_FUTURE, tomorrow, TODAY);
    }

    // ---- yearly profits ----

    @Test
    void profits_are_recorded_year_after_year_from_the_start_of_production() {
        assertRefused(fixture.given(BEIJING_RECORDED).when(profit(2019, "1.00")), PROFIT_YEAR_NOT_NEXT, 2019, 2018);
        assertRefused(fixture.given(BEIJING_RECORDED, profitRecorded(2018, "0.00", false, "0.00"))
                .when(profit(2018, "1.00")), PROFIT_YEAR_NOT_NEXT, 2018, 2019);
    }

    @Test
    void a_year_not_yet_ended_cannot_be_recorded() {
        setUp(Clock.fixed(LocalDate.of(2018, 12, 30).atStartOfDay(SHANGHAI).toInstant(), SHANGHAI));
        assertRefused(fixture.given(BEIJING_RECORDED).when(profit(2018, "1.00")), DATE_IN_FUTURE,
                LocalDate.of(2018, 12, 31), LocalDate.of(2018, 12, 30));
    }

    @Test
    void beijing_rewards_five_years_from_the_first_year_of_profit() {
        fixture.given(BEIJING_RECORDED).when(profit(2018, "0.00"))
                .expectEvents(profitRecorded(2018, "0.00", false, "0.00"));
        // 5% of 1,000,000.01 is 50,000.0005: rounded up to the fen, in favour of personnel
        fixture.given(BEIJING_RECORDED, profitRecorded(2018, "0.00", false, "0.00")).when(profit(2019, "1000000.01"))
                .expectEvents(profitRecorded(2019, "1000000.01", true, "50000.01"));
        fixture.given(BEIJING_RECORDED, profitRecorded(2018, "0.00", false, "0.00"),
                        profitRecorded(2019, "1000000.01", true, "50000.01"), profitRecorded(2020, "0.00", true, "0.00"),
                        profitRecorded(2021, "10.00", true, "0.50"), profitRecorded(2022, "10.00", true, "0.50"))
                .when(profit(2023, "10.00")).expectEvents(profitRecorded(2023, "10.00", true, "0.50"));
        fixture.given(BEIJING_RECORDED, profitRecorded(2018, "0.00", false, "0.00"),
                        profitRecorded(2019, "1000000.01", true, "50000.01"), profitRecorded(2020, "0.00", true, "0.00"),
                        profitRecorded(2021, "10.00", true, "0.50"), profitRecorded(2022, "10.00", true, "0.50"),
                        profitRecorded(2023, "10.00", true, "0.50"))
                .when(profit(2024, "5000000.00")).expectEvents(profitRecorded(2024, "5000000.00", false, "0.00"));
    }

    @Test
    void the_law_rewards_the_chosen_years_from_the_start_of_production() {
        fixture.given(NATIONAL_RECORDED).when(profit(2018, "0.00"))
                .expectEvents(profitRecorded(2018, "0.00", true, "0.00"));
        fixture.given(NATIONAL_RECORDED, profitRecorded(2018, "0.00", true, "0.00"),
                        profitRecorded(2019, "100.00", true, "5.00"), profitRecorded(2020, "100.00", true, "5.00"))
                .when(profit(2021, "100.00")).expectEvents(profitRecorded(2021, "100.00", false, "0.00"));
    }

    // ---- the reward, by the rules of cash rewards ----

    private static final OperatingProfitRecorded[] YEARS = {profitRecorded(2018, "0.00", false, "0.00"),
            profitRecorded(2019, "2000000.00", true, "100000.00")};

    private static Object[] given(Object... more) {
        List<Object> all = new java.util.ArrayList<>(List.of(BEIJING_RECORDED));
        all.addAll(List.of(YEARS));
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static ImplementationRewardDecided decided(String total, String alice, String dean) {
        return new ImplementationRewardDecided(ID, "D-1", LocalDate.of(2020, 3, 1), Money.of(total),
                List.of(new Allocation("alice", Money.of(alice)), new Allocation("dean", Money.of(dean))));
    }

    @Test
    void a_decision_gives_at_least_what_the_counted_years_owe_half_to_principals() {
        fixture.given(given()).when(new DecideImplementationReward(ID, "D-1", LocalDate.of(2020, 3, 1),
                        Money.of("100000.00"), List.of(new Allocation("alice", Money.of("60000.00")),
                        new Allocation("dean", Money.of("40000.00")))))
                .expectEvents(decided("100000.00", "60000.00", "40000.00"));
        assertRefused(fixture.given(given()).when(new DecideImplementationReward(ID, "D-1", LocalDate.of(2020, 3, 1),
                        Money.of("99999.99"), List.of(new Allocation("alice", Money.of("99999.99"))))),
                REWARD_BELOW_MINIMUM, Money.of("100000.00"), Money.of("99999.99"), FIVE_PERCENT,
                "SELF-IMPLEMENTATION-BEIJING");
        assertRefused(fixture.given(given()).when(new DecideImplementationReward(ID, "D-1", LocalDate.of(2020, 3, 1),
                        Money.of("100000.00"), List.of(new Allocation("alice", Money.of("40000.00")),
                        new Allocation("dean", Money.of("60000.00"))))),
                PRINCIPAL_SHARE_BELOW_HALF, Money.of("40000.00"), Money.of("100000.00"));
    }

    @Test
    void a_leader_is_paid_once_the_publicity_notice_has_ended() {
        LocalDate paidOn = LocalDate.of(2020, 4, 1);
        assertRefused(fixture.given(given(decided("100000.00", "60000.00", "40000.00")))
                        .when(new PayImplementationReward(ID, "P-1", "dean", Money.of("40000.00"), paidOn, "bank")),
                PUBLICITY_REQUIRED, "dean", paidOn);
        assertRefused(fixture.given(given(decided("100000.00", "60000.00", "40000.00")))
                        .when(new PublicizeImplementationReward(ID, "N-1", "D-9", paidOn.minusDays(20), paidOn)),
                UNKNOWN_ENTRY, "D-9");
        ImplementationRewardPublicized notice = new ImplementationRewardPublicized(ID, "N-1", "D-1",
                paidOn.minusDays(20), paidOn.minusDays(5));
        fixture.given(given(decided("100000.00", "60000.00", "40000.00")))
                .when(new PublicizeImplementationReward(ID, "N-1", "D-1", paidOn.minusDays(20), paidOn.minusDays(5)))
                .expectEvents(notice);
        fixture.given(given(decided("100000.00", "60000.00", "40000.00"), notice))
                .when(new PayImplementationReward(ID, "P-1", "dean", Money.of("40000.00"), paidOn, "bank"))
                .expectEvents(new ImplementationRewardPaid(ID, "P-1", "dean", Money.of("40000.00"), paidOn, "bank"));
        assertRefused(fixture.given(given(decided("100000.00", "60000.00", "40000.00"), notice))
                        .when(new PayImplementationReward(ID, "P-1", "alice", Money.of("60000.01"), paidOn, "bank")),
                PAYMENT_EXCEEDS_ALLOCATION, "alice", Money.of("60000.01"), Money.of("60000.00"));
    }

    @Test
    void a_payment_never_takes_the_reduced_wage_tax_self_implementation_is_no_transfer_or_licence() {
        LocalDate paidOn = LocalDate.of(2020, 4, 1);
        ImplementationState state = ImplementationState.replay(List.of(given(decided("100000.00", "60000.00",
                "40000.00"), new ImplementationRewardPaid(ID, "P-1", "alice", Money.of("60000.00"), paidOn, "bank"))));
        assertThat(state.payments()).extracting(RewardBook.Payment::paymentId, RewardBook.Payment::reducedWageTax)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P-1",
                        ReducedWageTax.fails(WageTaxReason.SELF_IMPLEMENTATION)));
    }

    @Test
    void the_obligation_is_overdue_after_the_policy_deadline_from_the_years_end() {
        ImplementationState state = ImplementationState.replay(List.of(given()));
        assertThat(state.book().requiredReward()).isEqualTo(Money.of("100000.00"));
        assertThat(state.book().dueBy()).contains(LocalDate.of(2022, 12, 31));
        assertThat(state.book().status(TODAY)).isEqualTo(RewardStatus.OVERDUE);
    }

    // ---- corrections (issue 15, "Corrections and bad input") ----

    private static final LocalDate PAID_ON = LocalDate.of(2020, 4, 1);

    private static ImplementationRewardDecisionWithdrawn withdrawn(String withdrawalId, String decisionId) {
        return new ImplementationRewardDecisionWithdrawn(ID, withdrawalId, decisionId, List.of("alice", "dean"),
                "superseded");
    }

    @Test
    void a_decision_nothing_was_paid_from_is_withdrawn_and_the_reward_is_owed_again() {
        fixture.given(given(decided("100000.00", "60000.00", "40000.00")))
                .when(new WithdrawImplementationRewardDecision(ID, "W-1", "D-1", "superseded"))
                .expectEvents(withdrawn("W-1", "D-1"));
        ImplementationState state = ImplementationState.replay(List.of(given(decided("100000.00", "60000.00",
                "40000.00"), withdrawn("W-1", "D-1"))));
        assertThat(state.book().rewardDecided()).isEqualTo(Money.ZERO);
        assertThat(state.book().rewardUndecided()).isEqualTo(Money.of("100000.00"));
        assertThat(state.book().allocatedTo("alice")).isEqualTo(Money.ZERO);
        // decided again under a new id; the withdrawn decision's id stays taken
        fixture.given(given(decided("100000.00", "60000.00", "40000.00"), withdrawn("W-1", "D-1")))
                .when(new DecideImplementationReward(ID, "D-2", LocalDate.of(2020, 3, 2), Money.of("100000.00"),
                        List.of(new Allocation("alice", Money.of("100000.00")))))
                .expectEvents(new ImplementationRewardDecided(ID, "D-2", LocalDate.of(2020, 3, 2),
                        Money.of("100000.00"), List.of(new Allocation("alice", Money.of("100000.00")))));
        fixture.given(given(decided("100000.00", "60000.00", "40000.00"), withdrawn("W-1", "D-1")))
                .when(new DecideImplementationReward(ID, "D-1", LocalDate.of(2020, 3, 2), Money.of("100000.00"),
                        List.of(new Allocation("alice", Money.of("100000.00")))))
                .expectException(EntryIdInUse.class).expectNoEvents();
    }

    @Test
    void a_withdrawal_is_refused_for_an_unknown_a_withdrawn_or_a_paid_decision_and_a_used_id() {
        assertRefused(fixture.given(given(decided("100000.00", "60000.00", "40000.00")))
                .when(new WithdrawImplementationRewardDecision(ID, "W-1", "D-9", "typo")), UNKNOWN_ENTRY, "D-9");
        assertRefused(fixture.given(given(decided("100000.00", "60000.00", "40000.00"), withdrawn("W-1", "D-1")))
                .when(new WithdrawImplementationRewardDecision(ID, "W-2", "D-1", "again")), ALREADY_WITHDRAWN, "D-1");
        assertRefused(fixture.given(given(decided("100000.00", "60000.00", "40000.00"),
                        new ImplementationRewardPaid(ID, "P-1", "alice", Money.of("60000.00"), PAID_ON, "bank")))
                        .when(new WithdrawImplementationRewardDecision(ID, "W-1", "D-1", "too late")),
                DECISION_PAID, "D-1", "alice", Money.of("60000.00"), PAID_ON, Money.ZERO);
        fixture.given(given(decided("100000.00", "60000.00", "40000.00")))
                .when(new WithdrawImplementationRewardDecision(ID, "D-1", "D-1", "its own id"))
                .expectException(EntryIdInUse.class).expectNoEvents();
        assertThatThrownBy(() -> new WithdrawImplementationRewardDecision(ID, "W-1", "D-1", " "))
                .isInstanceOf(InvalidField.class);
    }

    private static OperatingProfitCorrected corrected(String id, int year, String previous, String profit) {
        return new OperatingProfitCorrected(ID, id, year, Money.of(previous), Money.of(profit), "accounts restated");
    }

    private static CorrectOperatingProfit correct(String id, int year, String profit) {
        return new CorrectOperatingProfit(ID, id, year, Money.of(profit), "accounts restated");
    }

    @Test
    void a_recorded_years_profit_is_corrected_and_the_reward_owed_follows() {
        fixture.given(given()).when(correct("K-1", 2019, "1000000.01"))
                .expectEvents(corrected("K-1", 2019, "2000000.00", "1000000.01"));
        ImplementationState state = ImplementationState.replay(List.of(given(
                corrected("K-1", 2019, "2000000.00", "1000000.01"))));
        assertThat(state.book().requiredReward()).isEqualTo(Money.of("50000.01"));
        assertThat(state.years()).containsExactly(profitRecorded(2018, "0.00", false, "0.00"),
                profitRecorded(2019, "1000000.01", true, "50000.01"));
        assertThat(state.book().dueBy()).contains(LocalDate.of(2022, 12, 31));
        // corrected again, to a loss: nothing is owed any more
        state.evolve(corrected("K-2", 2019, "1000000.01", "0.00"));
        assertThat(state.book().requiredReward()).isEqualTo(Money.ZERO);
        assertThat(state.book().dueBy()).isEmpty();
        assertThat(state.book().status(TODAY)).isEqualTo(RewardStatus.NOTHING_DUE);
    }

    @Test
    void a_correction_below_what_was_decided_leaves_the_decision_standing() {
        fixture.given(given(decided("100000.00", "60000.00", "40000.00"))).when(correct("K-1", 2019, "1000.00"))
                .expectEvents(corrected("K-1", 2019, "2000000.00", "1000.00"));
        ImplementationState state = ImplementationState.replay(List.of(given(decided("100000.00", "60000.00",
                "40000.00"), corrected("K-1", 2019, "2000000.00", "1000.00"))));
        assertThat(state.book().requiredReward()).isEqualTo(Money.of("50.00"));
        assertThat(state.book().rewardDecided()).isEqualTo(Money.of("100000.00"));
        assertThat(state.book().rewardUndecided()).isEqualTo(Money.ZERO);
        // what was decided may still be paid in full
        fixture.given(given(decided("100000.00", "60000.00", "40000.00"), corrected("K-1", 2019, "2000000.00", "1000.00")))
                .when(new PayImplementationReward(ID, "P-1", "alice", Money.of("60000.00"), PAID_ON, "bank"))
                .expectEvents(new ImplementationRewardPaid(ID, "P-1", "alice", Money.of("60000.00"), PAID_ON, "bank"));
    }

    @Test
    void only_a_recorded_year_is_corrected_under_an_unused_id_and_never_below_zero() {
        assertRefused(fixture.given(given()).when(correct("K-1", 2020, "1.00")), PROFIT_YEAR_NOT_RECORDED, 2020, 2020);
        assertRefused(fixture.given(given()).when(correct("K-1", 2017, "1.00")), PROFIT_YEAR_NOT_RECORDED, 2017, 2020);
        assertRefused(fixture.given(BEIJING_RECORDED).when(correct("K-1", 2018, "1.00")), PROFIT_YEAR_NOT_RECORDED,
                2018, 2018);
        fixture.given(given()).when(correct("profit-2019", 2019, "1.00")).expectException(EntryIdInUse.class)
                .expectNoEvents();
        fixture.given(given(corrected("K-1", 2019, "2000000.00", "1.00"))).when(correct("K-1", 2019, "2.00"))
                .expectException(EntryIdInUse.class).expectNoEvents();
        assertThatThrownBy(() -> new CorrectOperatingProfit(ID, "K-1", 2019, Money.of("-1.00"), "loss"))
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new CorrectOperatingProfit(ID, "K-1", 2019, Money.of("1.00"), null))
                .isInstanceOf(InvalidField.class);
    }

    @Test
    void correcting_the_first_year_of_profit_moves_the_beijing_years() {
        List<Object> events = new java.util.ArrayList<>(List.of(BEIJING_RECORDED,
                profitRecorded(2018, "0.00", false, "0.00"), profitRecorded(2019, "100.00", true, "5.00"),
                profitRecorded(2020, "100.00", true, "5.00"), profitRecorded(2021, "100.00", true, "5.00"),
                profitRecorded(2022, "100.00", true, "5.00"), profitRecorded(2023, "300.00", true, "15.00")));
        // 2018 made a profit after all: the five years are 2018 to 2022, and 2023 is no longer rewarded
        events.add(corrected("K-1", 2018, "0.00", "100.00"));
        ImplementationState state = ImplementationState.replay(events);
        assertThat(state.book().requiredReward()).isEqualTo(Money.of("25.00"));
        assertThat(state.years()).extracting(OperatingProfitRecorded::counted)
                .containsExactly(true, true, true, true, true, false);
        assertThat(state.years().get(5).owed()).isEqualTo(Money.ZERO);
        fixture.given(events.toArray()).when(profit(2024, "100.00"))
                .expectEvents(profitRecorded(2024, "100.00", false, "0.00"));
        // and back: 2023 counts again
        events.add(corrected("K-2", 2018, "100.00", "0.00"));
        state = ImplementationState.replay(events);
        assertThat(state.book().requiredReward()).isEqualTo(Money.of("35.00"));
        assertThat(state.years()).extracting(OperatingProfitRecorded::counted)
                .containsExactly(false, true, true, true, true, true);
        assertThat(state.years().get(5).owed()).isEqualTo(Money.of("15.00"));
    }
}
