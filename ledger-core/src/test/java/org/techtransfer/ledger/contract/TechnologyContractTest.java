package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.DecideCashReward;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.ShareAllocation;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.contract.ContractKind.EQUITY_INVESTMENT;
import static org.techtransfer.ledger.contract.ContractKind.LICENSE;
import static org.techtransfer.ledger.contract.ContractTestData.*;
import static org.techtransfer.ledger.rule.Rule.ALLOCATION_EXCEEDS_SHARES;
import static org.techtransfer.ledger.rule.Rule.ALLOCATION_SUM_MISMATCH;
import static org.techtransfer.ledger.rule.Rule.ALREADY_REVERSED;
import static org.techtransfer.ledger.rule.Rule.CONTRACT_TERMINATED;
import static org.techtransfer.ledger.rule.Rule.DUPLICATE_REGISTRATION_NUMBER;
import static org.techtransfer.ledger.rule.Rule.EQUITY_REWARD_BELOW_MINIMUM;
import static org.techtransfer.ledger.rule.Rule.NOT_A_CONTRIBUTOR;
import static org.techtransfer.ledger.rule.Rule.PAYMENT_EXCEEDS_ALLOCATION;
import static org.techtransfer.ledger.rule.Rule.PRINCIPAL_SHARE_BELOW_HALF;
import static org.techtransfer.ledger.rule.Rule.PUBLICITY_REQUIRED;
import static org.techtransfer.ledger.rule.Rule.REWARD_BELOW_MINIMUM;
import static org.techtransfer.ledger.rule.Rule.TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_ENTRY;

/**
 * The contract aggregate against docs/domain.md: every rule, every refusal code, at its boundaries.
 * A refusal is checked three ways: the exception is a {@link RuleViolation}, it names the expected
 * {@link Rule}, and nothing was recorded.
 */
class TechnologyContractTest {

    private static final Map<String, InstitutionRegistered> SELLERS = Map.of(
            BJ_UNI.institutionId(), BJ_UNI, NAT_RI.institutionId(), NAT_RI,
            BJ_HIGH.institutionId(), BJ_HIGH, BJ_LOW.institutionId(), BJ_LOW);

    private AggregateTestFixture<TechnologyContract> fixture;
    private InMemoryRegistrationNumbers numbers;
    /** The last exception a command handler threw: the fixture checks its type, we check its rule. */
    private Throwable failure;

    @BeforeEach
    void setUp() {
        numbers = new InMemoryRegistrationNumbers();
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver()); // as the service routes
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI, BJ_HIGH, BJ_LOW));
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

    private void assertRefused(ResultValidator<TechnologyContract> result, Rule rule) {
        result.expectException(RuleViolation.class).expectNoEvents();
        assertThat(failure).asInstanceOf(type(RuleViolation.class))
                .extracting(RuleViolation::rule)
                .isEqualTo(rule);
    }

    private static ContractRegistered expectedRegistration(ContractKind kind, InstitutionRegistered seller,
                                                           LocalDate signedOn, RewardTerms terms) {
        return new ContractRegistered(CONTRACT, REGISTRATION, kind, seller.institutionId(), seller.type(),
                seller.regionCode(), BUYER, FIELD, yuan("1000000.00"), yuan("800000.00"), signedOn, CONTRIBUTORS,
                LicenseScope.EXCLUSIVE, ACHIEVEMENTS, terms, null, seller.countsAsNonProfit());
    }

    @Nested
    class Registration {

        @Test
        void records_the_contract_with_the_seller_as_registered_and_the_terms_in_force_on_the_signing_date() {
            fixture.givenNoPriorActivity()
                    .when(register(LICENSE, BJ_UNI.institutionId(), SIGNED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expectedRegistration(LICENSE, BJ_UNI, SIGNED, BJ_TERMS));
            assertThat(numbers.holderOf(REGISTRATION)).contains(CONTRACT);
        }

        @ParameterizedTest(name = "{0} signed {1}, {2}: {3} at {4}, {5} months")
        @CsvSource({
                "BJ-UNI,  2021-03-15, LICENSE,           BEIJING-2020,  0.70, 36",
                "BJ-UNI,  2020-01-01, ASSIGNMENT,        BEIJING-2020,  0.70, 36",
                "BJ-UNI,  2019-12-31, LICENSE,           BEIJING-2017,  0.70, 36",
                "BJ-UNI,  2016-06-30, LICENSE,           BEIJING-2017,  0.70, 36",
                "NAT-RI,  2021-03-15, LICENSE,           NATIONAL-2015, 0.50, 36",
                "NAT-RI,  2021-03-15, EQUITY_INVESTMENT, NATIONAL-2015, 0.50, 36",
                "BJ-HIGH, 2021-03-15, LICENSE,           BEIJING-2020,  0.80, 24",
                "BJ-HIGH, 2021-03-15, EQUITY_INVESTMENT, BEIJING-2020,  0.80, 24",
                "BJ-LOW,  2021-03-15, ASSIGNMENT,        BEIJING-2020,  0.70, 36",
                "BJ-UNI,  2021-03-15, DEVELOPMENT,       BEIJING-2020,  0,    36",
                "BJ-UNI,  2021-03-15, CONSULTING,        BEIJING-2020,  0,    36",
                "BJ-UNI,  2021-03-15, SERVICE,           BEIJING-2020,  0,    36",
                "BJ-HIGH, 2021-03-15, SERVICE,           BEIJING-2020,  0,    24",
                "NAT-RI,  2021-03-15, DEVELOPMENT,       NATIONAL-2015, 0,    36",
        })
        void records_the_reward_terms_resolved_from_policy_and_institution(String sellerId, LocalDate signedOn,
                                                                           ContractKind kind, String policyId,
                                                                           BigDecimal rate, int deadlineMonths) {
            InstitutionRegistered seller = SELLERS.get(sellerId);
            fixture.givenNoPriorActivity()
                    .when(register(kind, sellerId, signedOn))
                    .expectEvents(expectedRegistration(kind, seller, signedOn,
                            new RewardTerms(policyId, rate, rate, deadlineMonths)));
        }

        @Test
        void accepts_a_technology_amount_equal_to_the_total() {
            fixture.givenNoPriorActivity()
                    .when(register("500000.00", "500000.00"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContractRegistered(CONTRACT, REGISTRATION, LICENSE, BJ_UNI.institutionId(),
                            BJ_UNI.type(), BJ_UNI.regionCode(), BUYER, FIELD, yuan("500000.00"), yuan("500000.00"),
                            SIGNED, CONTRIBUTORS, null, List.of(), BJ_TERMS, null, true));
        }

        @Test
        void refuses_a_technology_amount_one_fen_above_the_total_and_claims_no_number() {
            assertRefused(fixture.givenNoPriorActivity().when(register("500000.00", "500000.01")),
                    TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL);
            assertThat(numbers.holderOf(REGISTRATION)).isEmpty();
        }

        @Test
        void refuses_a_registration_number_held_by_another_contract() {
            numbers.heldBy(REGISTRATION, "C-OTHER");

            assertRefused(fixture.givenNoPriorActivity().when(register(LICENSE, BJ_UNI.institutionId(), SIGNED)),
                    DUPLICATE_REGISTRATION_NUMBER);
            assertThat(numbers.holderOf(REGISTRATION)).contains("C-OTHER");
        }

        @Test
        void refuses_an_unregistered_seller_and_claims_no_number() {
            fixture.givenNoPriorActivity()
                    .when(register(LICENSE, "NOBODY", SIGNED))
                    .expectException(UnknownInstitution.class)
                    .expectNoEvents();
            assertThat(failure).hasMessageContaining("NOBODY");
            assertThat(numbers.holderOf(REGISTRATION)).isEmpty();
        }
    }

    @Nested
    class IncomeAndCosts {

        @Test
        void records_an_income() {
            fixture.given(beijingLicence())
                    .when(new RecordIncome(CONTRACT, "I-1", yuan("1250.00"), RECEIVED, IncomeCategory.UPFRONT))
                    .expectResultMessagePayload(1L)
                    .expectEvents(new IncomeRecorded(CONTRACT, "I-1", yuan("1250.00"), RECEIVED,
                            IncomeCategory.UPFRONT));
        }

        @Test
        void records_a_cost() {
            fixture.given(beijingLicence())
                    .when(new RecordCost(CONTRACT, "K-1", yuan("80.00"), RECEIVED, CostCategory.TAX))
                    .expectEvents(new CostRecorded(CONTRACT, "K-1", yuan("80.00"), RECEIVED, CostCategory.TAX));
        }

        @Test
        void costs_of_every_category_reduce_the_net_income_the_minimum_is_taken_from() {
            // net income 100000 - 10000 - 5000 - 5000 = 80000; 70% = 56000
            fixture.given(beijingLicence(), income("I-1", "100000.00"),
                            cost("K-1", "10000.00", CostCategory.TAX),
                            cost("K-2", "5000.00", CostCategory.MAINTENANCE),
                            cost("K-3", "5000.00", CostCategory.TRANSACTION))
                    .when(decide("D-1", "56000.00", allocation(ALICE, "56000.00")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(decided("D-1", "56000.00", allocation(ALICE, "56000.00")));
        }

        @Test
        void refuses_a_fen_below_the_minimum_on_net_income_after_costs() {
            assertRefused(fixture.given(beijingLicence(), income("I-1", "100000.00"),
                            cost("K-1", "20000.00", CostCategory.TAX))
                    .when(decide("D-1", "55999.99", allocation(ALICE, "55999.99"))), REWARD_BELOW_MINIMUM);
        }

        @Test
        void net_income_is_never_below_zero_so_costs_above_income_leave_nothing_owed() {
            fixture.given(beijingLicence(), income("I-1", "100.00"), cost("K-1", "500.00", CostCategory.TAX))
                    .when(decide("D-1", "0.01", allocation(ALICE, "0.01")))
                    .expectEvents(decided("D-1", "0.01", allocation(ALICE, "0.01")));
        }

        @Test
        void costs_above_income_are_still_deducted_from_later_income() {
            // 1100 income - 500 costs = 600 net; 70% = 420
            assertRefused(fixture.given(beijingLicence(), income("I-1", "100.00"),
                            cost("K-1", "500.00", CostCategory.TAX), income("I-2", "1000.00"))
                    .when(decide("D-1", "419.99", allocation(ALICE, "419.99"))), REWARD_BELOW_MINIMUM);
        }

        @Test
        void a_cost_reimbursement_counts_as_income() {
            assertRefused(fixture.given(beijingLicence(),
                            income("I-1", "1000.00", IncomeCategory.COST_REIMBURSEMENT))
                    .when(decide("D-1", "699.99", allocation(ALICE, "699.99"))), REWARD_BELOW_MINIMUM);
        }

        @Test
        void a_cost_reimbursement_offsets_a_maintenance_cost() {
            // 10000 royalty + 2000 reimbursement - 2000 maintenance = 10000 net; 70% = 7000
            fixture.given(beijingLicence(), income("I-1", "10000.00"),
                            income("I-2", "2000.00", IncomeCategory.COST_REIMBURSEMENT),
                            cost("K-1", "2000.00", CostCategory.MAINTENANCE))
                    .when(decide("D-1", "7000.00", allocation(ALICE, "7000.00")))
                    .expectEvents(decided("D-1", "7000.00", allocation(ALICE, "7000.00")));
        }
    }

    @Nested
    class CashRewardMinimum {

        /** The minimum of a licence (and an assignment) at the seller's rate, rounded up to the fen. */
        @ParameterizedTest(name = "{0} {1}, net income {2}: minimum {3}")
        @CsvSource({
                "BEIJING,  LICENSE,    100000.00, 70000.00",
                "BEIJING,  ASSIGNMENT, 100000.00, 70000.00",
                "BEIJING,  LICENSE,    0.03,      0.03",     // 0.021 -> 0.03
                "BEIJING,  LICENSE,    100.01,    70.01",    // 70.007 -> 70.01
                "BEIJING,  LICENSE,    0.10,      0.07",     // exact
                "BEIJING,  EQUITY_INVESTMENT, 1000.00, 700.00",
                "NATIONAL, LICENSE,    100000.00, 50000.00",
                "NATIONAL, ASSIGNMENT, 100000.00, 50000.00",
                "NATIONAL, LICENSE,    100.01,    50.01",    // 50.005 -> 50.01
                "NATIONAL, LICENSE,    0.03,      0.02",     // 0.015 -> 0.02
                "NATIONAL, EQUITY_INVESTMENT, 1000.01, 500.01",
        })
        void a_decision_of_exactly_the_minimum_is_accepted(String policy, ContractKind kind, String netIncome,
                                                           String minimum) {
            RewardTerms terms = policy.equals("BEIJING") ? BJ_TERMS : NAT_TERMS;
            fixture.given(registered(kind, terms), income("I-1", netIncome))
                    .when(decide("D-1", minimum, allocation(ALICE, minimum)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(decided("D-1", minimum, allocation(ALICE, minimum)));
        }

        @ParameterizedTest(name = "{0} {1}, net income {2}: {3} refused")
        @CsvSource({
                "BEIJING,  LICENSE,    100000.00, 69999.99",
                "BEIJING,  ASSIGNMENT, 100000.00, 69999.99",
                "BEIJING,  LICENSE,    0.03,      0.02",
                "BEIJING,  LICENSE,    100.01,    70.00",
                "BEIJING,  LICENSE,    0.10,      0.06",
                "BEIJING,  EQUITY_INVESTMENT, 1000.00, 699.99",
                "NATIONAL, LICENSE,    100000.00, 49999.99",
                "NATIONAL, ASSIGNMENT, 100000.00, 49999.99",
                "NATIONAL, LICENSE,    100.01,    50.00",
                "NATIONAL, LICENSE,    0.03,      0.01",
                "NATIONAL, EQUITY_INVESTMENT, 1000.01, 500.00",
        })
        void a_decision_one_fen_below_the_minimum_is_refused(String policy, ContractKind kind, String netIncome,
                                                             String belowMinimum) {
            RewardTerms terms = policy.equals("BEIJING") ? BJ_TERMS : NAT_TERMS;
            assertRefused(fixture.given(registered(kind, terms), income("I-1", netIncome))
                    .when(decide("D-1", belowMinimum, allocation(ALICE, belowMinimum))), REWARD_BELOW_MINIMUM);
        }

        @Test
        void an_institution_rate_above_the_policy_raises_the_minimum() {
            RewardTerms high = new RewardTerms("BEIJING-2020", new BigDecimal("0.80"), new BigDecimal("0.80"), 24);
            assertRefused(fixture.given(registered(LICENSE, high), income("I-1", "1000.00"))
                    .when(decide("D-1", "799.99", allocation(ALICE, "799.99"))), REWARD_BELOW_MINIMUM);
        }

        @Test
        void rewarding_more_than_the_minimum_is_allowed() {
            fixture.given(beijingLicence(), income("I-1", "1000.00"))
                    .when(decide("D-1", "1000.00", allocation(ALICE, "600.00"), allocation(BOB, "400.00")))
                    .expectEvents(decided("D-1", "1000.00", allocation(ALICE, "600.00"), allocation(BOB, "400.00")));
        }

        @Test
        void a_later_decision_must_cover_what_the_new_income_added() {
            // required 0.70 * 110000 = 77000, 70000 already decided: 7000 owed
            assertRefused(fixture.given(beijingLicence(), income("I-1", "100000.00"),
                            decided("D-1", "70000.00", allocation(ALICE, "70000.00")), income("I-2", "10000.00"))
                    .when(decide("D-2", "6999.99", allocation(ALICE, "6999.99"))), REWARD_BELOW_MINIMUM);
        }

        @Test
        void a_later_decision_of_exactly_what_is_owed_is_accepted() {
            fixture.given(beijingLicence(), income("I-1", "100000.00"),
                            decided("D-1", "70000.00", allocation(ALICE, "70000.00")), income("I-2", "10000.00"))
                    .when(decide("D-2", "7000.00", allocation(ALICE, "7000.00")))
                    .expectEvents(decided("D-2", "7000.00", allocation(ALICE, "7000.00")));
        }

        @Test
        void once_the_minimum_is_decided_any_further_reward_is_accepted() {
            fixture.given(beijingLicence(), income("I-1", "100000.00"),
                            decided("D-1", "70000.00", allocation(ALICE, "70000.00")))
                    .when(decide("D-2", "0.01", allocation(ALICE, "0.01")))
                    .expectEvents(decided("D-2", "0.01", allocation(ALICE, "0.01")));
        }

        @ParameterizedTest
        @EnumSource(value = ContractKind.class, names = {"DEVELOPMENT", "CONSULTING", "SERVICE"})
        void kinds_without_a_statutory_floor_accept_any_valid_decision(ContractKind kind) {
            fixture.given(registered(kind, NO_FLOOR_TERMS), income("I-1", "100000.00"))
                    .when(decide("D-1", "0.01", allocation(ALICE, "0.01")))
                    .expectEvents(decided("D-1", "0.01", allocation(ALICE, "0.01")));
        }

        @ParameterizedTest
        @EnumSource(value = ContractKind.class, names = {"DEVELOPMENT", "CONSULTING", "SERVICE"})
        void kinds_without_a_statutory_floor_still_apply_the_split_rules(ContractKind kind) {
            assertRefused(fixture.given(registered(kind, NO_FLOOR_TERMS), income("I-1", "100000.00"))
                    .when(decide("D-1", "10.00", allocation(ALICE, "4.99"), allocation(BOB, "5.01"))),
                    PRINCIPAL_SHARE_BELOW_HALF);
        }
    }

    @Nested
    class CashRewardSplit {

        @Test
        void refuses_allocations_one_fen_short_of_the_total() {
            assertRefused(fixture.given(beijingLicence())
                    .when(decide("D-1", "100.00", allocation(ALICE, "60.00"), allocation(BOB, "39.99"))),
                    ALLOCATION_SUM_MISMATCH);
        }

        @Test
        void refuses_allocations_one_fen_above_the_total() {
            assertRefused(fixture.given(beijingLicence())
                    .when(decide("D-1", "100.00", allocation(ALICE, "60.00"), allocation(BOB, "40.01"))),
                    ALLOCATION_SUM_MISMATCH);
        }

        @Test
        void refuses_an_allocation_to_someone_who_is_not_a_contributor() {
            assertRefused(fixture.given(beijingLicence())
                    .when(decide("D-1", "100.00", allocation(ALICE, "60.00"), allocation("mallory", "40.00"))),
                    NOT_A_CONTRIBUTOR);
            assertThat(failure).hasMessageContaining("mallory");
        }

        @ParameterizedTest(name = "total {0}: principal {1}, other {2}")
        @CsvSource({
                "100.00, 50.00, 50.00",
                "100.01, 50.01, 50.00",
                "0.03,   0.02,  0.01",
                "0.01,   0.01,  ",
                "999999.99, 500000.00, 499999.99",
        })
        void accepts_principal_contributors_getting_exactly_half_or_more(String total, String principal,
                                                                         String other) {
            DecideCashReward command = other == null
                    ? decide("D-1", total, allocation(ALICE, principal))
                    : decide("D-1", total, allocation(ALICE, principal), allocation(BOB, other));
            fixture.given(beijingLicence())
                    .when(command)
                    .expectEvents(new CashRewardDecided(CONTRACT, "D-1", DECIDED,
                            command.total(), command.allocations(), null));
        }

        @ParameterizedTest(name = "total {0}: principal {1}, others {2}")
        @CsvSource({
                "100.00, 49.99, 50.01",
                "100.01, 50.00, 50.01",
                "0.03,   0.01,  0.02",
                "999999.99, 499999.99, 500000.00",
        })
        void refuses_principal_contributors_getting_a_fen_less_than_half(String total, String principal,
                                                                          String other) {
            assertRefused(fixture.given(beijingLicence())
                    .when(decide("D-1", total, allocation(ALICE, principal), allocation(BOB, other))),
                    PRINCIPAL_SHARE_BELOW_HALF);
        }

        @Test
        void refuses_a_reward_to_non_principal_contributors_only() {
            assertRefused(fixture.given(beijingLicence())
                    .when(decide("D-1", "100.00", allocation(BOB, "50.00"), allocation(DEAN, "50.00"))),
                    PRINCIPAL_SHARE_BELOW_HALF);
        }
    }

    @Nested
    class Payments {

        private final Object[] decidedForAliceAndBob = {beijingLicence(),
                decided("D-1", "100.00", allocation(ALICE, "60.00"), allocation(BOB, "40.00"))};

        @Test
        void records_a_payment_of_exactly_the_allocation() {
            fixture.given(decidedForAliceAndBob)
                    .when(pay("P-1", BOB.personId(), "40.00", PAID))
                    .expectEvents(paid("P-1", BOB.personId(), "40.00", PAID));
        }

        @Test
        void refuses_a_payment_one_fen_above_the_allocation() {
            assertRefused(fixture.given(decidedForAliceAndBob).when(pay("P-1", BOB.personId(), "40.01", PAID)),
                    PAYMENT_EXCEEDS_ALLOCATION);
        }

        @Test
        void counts_earlier_payments_against_the_allocation() {
            assertRefused(fixture.given(beijingLicence(),
                            decided("D-1", "100.00", allocation(ALICE, "60.00"), allocation(BOB, "40.00")),
                            paid("P-1", BOB.personId(), "25.00", PAID))
                    .when(pay("P-2", BOB.personId(), "15.01", PAID)), PAYMENT_EXCEEDS_ALLOCATION);
        }

        @Test
        void accepts_several_payments_up_to_the_allocation() {
            fixture.given(beijingLicence(),
                            decided("D-1", "100.00", allocation(ALICE, "60.00"), allocation(BOB, "40.00")),
                            paid("P-1", BOB.personId(), "25.00", PAID))
                    .when(pay("P-2", BOB.personId(), "15.00", PAID))
                    .expectEvents(paid("P-2", BOB.personId(), "15.00", PAID));
        }

        @Test
        void adds_up_the_allocations_of_several_decisions() {
            Object[] twoDecisions = {beijingLicence(),
                    decided("D-1", "100.00", allocation(ALICE, "60.00"), allocation(BOB, "40.00")),
                    decided("D-2", "20.00", allocation(ALICE, "10.00"), allocation(BOB, "10.00"))};
            fixture.given(twoDecisions)
                    .when(pay("P-1", BOB.personId(), "50.00", PAID))
                    .expectEvents(paid("P-1", BOB.personId(), "50.00", PAID));
            setUp();
            assertRefused(fixture.given(twoDecisions).when(pay("P-1", BOB.personId(), "50.01", PAID)),
                    PAYMENT_EXCEEDS_ALLOCATION);
        }

        @Test
        void one_persons_allocation_does_not_cover_another_person() {
            assertRefused(fixture.given(beijingLicence(),
                            decided("D-1", "100.00", allocation(ALICE, "100.00")))
                    .when(pay("P-1", BOB.personId(), "0.01", PAID)), PAYMENT_EXCEEDS_ALLOCATION);
        }

        @Test
        void refuses_a_payment_to_someone_who_is_not_a_contributor() {
            assertRefused(fixture.given(decidedForAliceAndBob).when(pay("P-1", "mallory", "1.00", PAID)),
                    NOT_A_CONTRIBUTOR);
        }

        @Test
        void a_reversed_payment_frees_the_allocation_again() {
            fixture.given(beijingLicence(),
                            decided("D-1", "100.00", allocation(ALICE, "60.00"), allocation(BOB, "40.00")),
                            paid("P-1", BOB.personId(), "40.00", PAID),
                            reversed("R-1", "P-1", EntryType.PAYMENT))
                    .when(pay("P-2", BOB.personId(), "40.00", PAID))
                    .expectEvents(paid("P-2", BOB.personId(), "40.00", PAID));
        }
    }

    @Nested
    class Publicity {

        private static final LocalDate FROM = LocalDate.of(2021, 5, 2);
        private static final LocalDate TO = LocalDate.of(2021, 5, 10);

        private Object[] decidedForTheDean(Object... more) {
            Object[] base = {beijingLicence(),
                    decided("D-1", "1000.00", allocation(ALICE, "500.00"), allocation(DEAN, "500.00"))};
            return Stream.concat(Stream.of(base), Stream.of(more)).toArray();
        }

        @Test
        void records_a_notice_for_a_decision() {
            fixture.given(decidedForTheDean())
                    .when(publicize("N-1", "D-1", FROM, TO))
                    .expectEvents(publicized("N-1", "D-1", FROM, TO));
        }

        @Test
        void refuses_to_pay_a_leader_before_any_notice() {
            assertRefused(fixture.given(decidedForTheDean()).when(pay("P-1", DEAN.personId(), "500.00", PAID)),
                    PUBLICITY_REQUIRED);
        }

        @Test
        void refuses_to_pay_a_leader_the_day_before_the_notice_ends() {
            assertRefused(fixture.given(decidedForTheDean(publicized("N-1", "D-1", FROM, TO)))
                    .when(pay("P-1", DEAN.personId(), "500.00", TO.minusDays(1))), PUBLICITY_REQUIRED);
        }

        @Test
        void pays_a_leader_on_the_day_the_notice_ends() {
            fixture.given(decidedForTheDean(publicized("N-1", "D-1", FROM, TO)))
                    .when(pay("P-1", DEAN.personId(), "500.00", TO))
                    .expectEvents(paid("P-1", DEAN.personId(), "500.00", TO));
        }

        @Test
        void a_notice_of_a_decision_that_did_not_allocate_to_the_leader_does_not_count() {
            assertRefused(fixture.given(decidedForTheDean(
                            decided("D-2", "10.00", allocation(ALICE, "10.00")),
                            publicized("N-1", "D-2", FROM, TO)))
                    .when(pay("P-1", DEAN.personId(), "500.00", PAID)), PUBLICITY_REQUIRED);
        }

        @Test
        void a_leader_is_still_held_to_the_allocation_after_the_notice() {
            assertRefused(fixture.given(decidedForTheDean(publicized("N-1", "D-1", FROM, TO)))
                    .when(pay("P-1", DEAN.personId(), "500.01", PAID)), PAYMENT_EXCEEDS_ALLOCATION);
        }

        @Test
        void a_contributor_without_a_leadership_post_needs_no_notice() {
            fixture.given(decidedForTheDean())
                    .when(pay("P-1", ALICE.personId(), "500.00", DECIDED))
                    .expectEvents(paid("P-1", ALICE.personId(), "500.00", DECIDED));
        }

        @Test
        void refuses_a_notice_for_an_unknown_decision() {
            assertRefused(fixture.given(decidedForTheDean()).when(publicize("N-1", "D-404", FROM, TO)),
                    UNKNOWN_ENTRY);
        }

        @Test
        void refuses_a_notice_for_an_entry_that_is_not_a_decision() {
            assertRefused(fixture.given(decidedForTheDean(income("I-1", "100.00")))
                    .when(publicize("N-1", "I-1", FROM, TO)), UNKNOWN_ENTRY);
        }

        @Test
        void records_a_notice_for_an_equity_decision() {
            fixture.given(registered(EQUITY_INVESTMENT, BJ_TERMS), equity("E-1", 1001),
                            sharesDecided("Q-1", 701, shares(ALICE, 701)))
                    .when(publicize("N-1", "Q-1", FROM, TO))
                    .expectEvents(publicized("N-1", "Q-1", FROM, TO));
        }
    }

    @Nested
    class EquityRewards {

        private Object[] sharesReceived(RewardTerms terms, Object... more) {
            Object[] base = {registered(EQUITY_INVESTMENT, terms), equity("E-1", 1001)};
            return Stream.concat(Stream.of(base), Stream.of(more)).toArray();
        }

        @Test
        void records_equity_received() {
            fixture.given(registered(EQUITY_INVESTMENT, BJ_TERMS))
                    .when(receiveEquity("E-1", 1001))
                    .expectEvents(equity("E-1", 1001));
        }

        @Test
        void accepts_701_of_1001_shares_under_70_percent() {
            fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 701, shares(ALICE, 701)))
                    .expectEvents(sharesDecided("Q-1", 701, shares(ALICE, 701)));
        }

        @Test
        void refuses_700_of_1001_shares_under_70_percent() {
            assertRefused(fixture.given(sharesReceived(BJ_TERMS)).when(decideShares("Q-1", 700, shares(ALICE, 700))),
                    EQUITY_REWARD_BELOW_MINIMUM);
        }

        @Test
        void accepts_501_of_1001_shares_under_50_percent() {
            fixture.given(sharesReceived(NAT_TERMS))
                    .when(decideShares("Q-1", 501, shares(ALICE, 501)))
                    .expectEvents(sharesDecided("Q-1", 501, shares(ALICE, 501)));
        }

        @Test
        void refuses_500_of_1001_shares_under_50_percent() {
            assertRefused(fixture.given(sharesReceived(NAT_TERMS)).when(decideShares("Q-1", 500, shares(ALICE, 500))),
                    EQUITY_REWARD_BELOW_MINIMUM);
        }

        @Test
        void a_later_equity_decision_only_needs_what_is_still_owed() {
            // 2002 shares received, required 1402, 701 allocated: 701 owed
            fixture.given(sharesReceived(BJ_TERMS, sharesDecided("Q-1", 701, shares(ALICE, 701)),
                            equity("E-2", 1001)))
                    .when(decideShares("Q-2", 701, shares(ALICE, 701)))
                    .expectEvents(sharesDecided("Q-2", 701, shares(ALICE, 701)));
            setUp();
            assertRefused(fixture.given(sharesReceived(BJ_TERMS, sharesDecided("Q-1", 701, shares(ALICE, 701)),
                            equity("E-2", 1001)))
                    .when(decideShares("Q-2", 700, shares(ALICE, 700))), EQUITY_REWARD_BELOW_MINIMUM);
        }

        @Test
        void accepts_allocating_every_share_received() {
            fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 1001, shares(ALICE, 600), shares(BOB, 401)))
                    .expectEvents(sharesDecided("Q-1", 1001, shares(ALICE, 600), shares(BOB, 401)));
        }

        @Test
        void refuses_allocating_one_share_more_than_received() {
            assertRefused(fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 1002, shares(ALICE, 600), shares(BOB, 402))), ALLOCATION_EXCEEDS_SHARES);
        }

        @Test
        void refuses_decisions_that_together_allocate_more_than_received() {
            assertRefused(fixture.given(sharesReceived(BJ_TERMS, sharesDecided("Q-1", 701, shares(ALICE, 701))))
                    .when(decideShares("Q-2", 301, shares(ALICE, 301))), ALLOCATION_EXCEEDS_SHARES);
        }

        @Test
        void accepts_decisions_that_together_allocate_exactly_what_was_received() {
            fixture.given(sharesReceived(BJ_TERMS, sharesDecided("Q-1", 701, shares(ALICE, 701))))
                    .when(decideShares("Q-2", 300, shares(ALICE, 300)))
                    .expectEvents(sharesDecided("Q-2", 300, shares(ALICE, 300)));
        }

        @Test
        void refuses_shares_when_none_were_received() {
            assertRefused(fixture.given(registered(EQUITY_INVESTMENT, BJ_TERMS))
                    .when(decideShares("Q-1", 1, shares(ALICE, 1))), ALLOCATION_EXCEEDS_SHARES);
        }

        @Test
        void accepts_principal_contributors_getting_exactly_half_of_an_odd_total_rounded_up() {
            fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 701, shares(ALICE, 351), shares(BOB, 350)))
                    .expectEvents(sharesDecided("Q-1", 701, shares(ALICE, 351), shares(BOB, 350)));
        }

        @Test
        void refuses_principal_contributors_getting_less_than_half_of_the_shares() {
            assertRefused(fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 701, shares(ALICE, 350), shares(BOB, 351))), PRINCIPAL_SHARE_BELOW_HALF);
        }

        @Test
        void refuses_share_allocations_that_do_not_add_up() {
            assertRefused(fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 701, shares(ALICE, 400), shares(BOB, 300))), ALLOCATION_SUM_MISMATCH);
            setUp();
            assertRefused(fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 701, shares(ALICE, 400), shares(BOB, 302))), ALLOCATION_SUM_MISMATCH);
        }

        @Test
        void refuses_shares_to_someone_who_is_not_a_contributor() {
            assertRefused(fixture.given(sharesReceived(BJ_TERMS))
                    .when(decideShares("Q-1", 701, shares(ALICE, 400),
                            new ShareAllocation("mallory", 301))), NOT_A_CONTRIBUTOR);
        }

        @Test
        void a_reversed_equity_receipt_no_longer_counts() {
            assertRefused(fixture.given(sharesReceived(BJ_TERMS, reversed("R-1", "E-1", EntryType.EQUITY)))
                    .when(decideShares("Q-1", 701, shares(ALICE, 701))), ALLOCATION_EXCEEDS_SHARES);
        }
    }

    @Nested
    class Amendments {

        @Test
        void records_an_amendment_with_the_technology_amount_equal_to_the_total() {
            fixture.given(beijingLicence())
                    .when(amend("A-1", "2000000.00", "2000000.00"))
                    .expectEvents(new ContractAmended(CONTRACT, "A-1", yuan("2000000.00"), yuan("2000000.00"),
                            "price corrected"));
        }

        @Test
        void refuses_an_amendment_with_the_technology_amount_one_fen_above_the_total() {
            assertRefused(fixture.given(beijingLicence()).when(amend("A-1", "2000000.00", "2000000.01")),
                    TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL);
        }
    }

    @Nested
    class Reversals {

        @ParameterizedTest
        @CsvSource({"I-1, INCOME", "K-1, COST", "E-1, EQUITY", "P-1, PAYMENT"})
        void records_the_reversal_with_the_type_of_entry_it_takes_back(String entryId, EntryType type) {
            fixture.given(registered(EQUITY_INVESTMENT, BJ_TERMS), income("I-1", "1000.00"),
                            cost("K-1", "100.00", CostCategory.TAX), equity("E-1", 10),
                            decided("D-1", "630.00", allocation(ALICE, "630.00")),
                            paid("P-1", ALICE.personId(), "100.00", PAID))
                    .when(reverse("R-1", entryId))
                    .expectEvents(reversed("R-1", entryId, type));
        }

        @Test
        void refuses_to_reverse_an_unknown_entry() {
            assertRefused(fixture.given(beijingLicence()).when(reverse("R-1", "I-404")), UNKNOWN_ENTRY);
        }

        @ParameterizedTest
        @CsvSource({"D-1", "N-1", "R-1", "A-1"})
        void refuses_to_reverse_an_entry_that_cannot_be_reversed(String entryId) {
            assertRefused(fixture.given(beijingLicence(), income("I-1", "10.00"),
                            decided("D-1", "7.00", allocation(ALICE, "7.00")),
                            publicized("N-1", "D-1", DECIDED, DECIDED),
                            reversed("R-1", "I-1", EntryType.INCOME),
                            new ContractAmended(CONTRACT, "A-1", yuan("10.00"), yuan("10.00"), "typo"))
                    .when(reverse("R-2", entryId)), UNKNOWN_ENTRY);
        }

        @Test
        void refuses_to_reverse_an_entry_twice() {
            assertRefused(fixture.given(beijingLicence(), income("I-1", "10.00"),
                            reversed("R-1", "I-1", EntryType.INCOME))
                    .when(reverse("R-2", "I-1")), ALREADY_REVERSED);
        }

        @Test
        void a_reversed_income_no_longer_counts_in_the_minimum() {
            // without the reversal the minimum is 0.70 * 150000 = 105000
            assertRefused(fixture.given(beijingLicence(), income("I-1", "100000.00"), income("I-2", "50000.00"))
                    .when(decide("D-1", "70000.00", allocation(ALICE, "70000.00"))), REWARD_BELOW_MINIMUM);
            setUp();
            fixture.given(beijingLicence(), income("I-1", "100000.00"), income("I-2", "50000.00"),
                            reversed("R-1", "I-2", EntryType.INCOME))
                    .when(decide("D-1", "70000.00", allocation(ALICE, "70000.00")))
                    .expectEvents(decided("D-1", "70000.00", allocation(ALICE, "70000.00")));
        }

        @Test
        void a_reversed_cost_no_longer_reduces_net_income() {
            assertRefused(fixture.given(beijingLicence(), income("I-1", "100000.00"),
                            cost("K-1", "20000.00", CostCategory.TAX), reversed("R-1", "K-1", EntryType.COST))
                    .when(decide("D-1", "69999.99", allocation(ALICE, "69999.99"))), REWARD_BELOW_MINIMUM);
        }
    }

    @Nested
    class Termination {

        /** An equity deal where every command below would be accepted while it runs. */
        private static Object[] runningDeal(Object... more) {
            Object[] base = {registered(EQUITY_INVESTMENT, BJ_TERMS), income("I-1", "1000.00"), equity("E-1", 1001),
                    decided("D-1", "700.00", allocation(ALICE, "700.00")),
                    sharesDecided("Q-1", 701, shares(ALICE, 701))};
            return Stream.concat(Stream.of(base), Stream.of(more)).toArray();
        }

        static Stream<Arguments> newEntries() {
            return Stream.of(
                    Arguments.of("income", recordIncome("I-2", "100.00")),
                    Arguments.of("cost", recordCost("K-2", "10.00")),
                    Arguments.of("equity", receiveEquity("E-2", 10)),
                    Arguments.of("cash decision", decide("D-2", "100.00", allocation(ALICE, "100.00"))),
                    Arguments.of("equity decision", decideShares("Q-2", 10, shares(ALICE, 10))),
                    Arguments.of("publicity", publicize("N-2", "D-1", DECIDED, DECIDED.plusDays(7))),
                    Arguments.of("amendment", amend("A-2", "900000.00", "800000.00")),
                    Arguments.of("termination", terminate()));
        }

        @Test
        void records_the_termination() {
            fixture.given(runningDeal())
                    .when(terminate())
                    .expectResultMessagePayload(5L)
                    .expectEvents(terminated());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("newEntries")
        void accepts_each_new_entry_while_the_contract_runs(String what, Object command) {
            fixture.given(runningDeal())
                    .when(command)
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("newEntries")
        void refuses_any_new_entry_once_terminated(String what, Object command) {
            assertRefused(fixture.given(runningDeal(terminated())).when(command), CONTRACT_TERMINATED);
        }

        @Test
        void still_accepts_a_reversal() {
            fixture.given(runningDeal(terminated()))
                    .when(reverse("R-1", "I-1"))
                    .expectEvents(reversed("R-1", "I-1", EntryType.INCOME));
        }

        @Test
        void still_accepts_paying_what_was_decided() {
            fixture.given(runningDeal(terminated()))
                    .when(pay("P-1", ALICE.personId(), "700.00", PAID))
                    .expectEvents(paid("P-1", ALICE.personId(), "700.00", PAID));
        }

        @Test
        void still_refuses_paying_more_than_was_decided() {
            assertRefused(fixture.given(runningDeal(terminated()))
                    .when(pay("P-1", ALICE.personId(), "700.01", PAID)), PAYMENT_EXCEEDS_ALLOCATION);
        }
    }

    @Nested
    class EntryIds {

        static Stream<Arguments> commandsReusingAnId() {
            return Stream.of(
                    Arguments.of("income reusing an income id", "X-1", recordIncome("X-1", "5.00")),
                    Arguments.of("income reusing a decision id", "D-1", recordIncome("D-1", "5.00")),
                    Arguments.of("cost", "X-1", recordCost("X-1", "5.00")),
                    Arguments.of("equity", "X-1", receiveEquity("X-1", 5)),
                    Arguments.of("cash decision", "X-1", decide("X-1", "5.00", allocation(ALICE, "5.00"))),
                    Arguments.of("equity decision", "E-1", decideShares("E-1", 5, shares(ALICE, 5))),
                    Arguments.of("publicity", "X-1", publicize("X-1", "D-1", DECIDED, DECIDED)),
                    Arguments.of("payment", "D-1", pay("D-1", ALICE.personId(), "1.00", PAID)),
                    Arguments.of("amendment", "X-1", amend("X-1", "100.00", "100.00")),
                    Arguments.of("reversal", "X-1", reverse("X-1", "X-1")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsReusingAnId")
        void refuses_an_id_already_used_by_another_entry_of_the_contract(String what, String id, Object command) {
            fixture.given(registered(EQUITY_INVESTMENT, BJ_TERMS), income("X-1", "10.00"), equity("E-1", 100),
                            decided("D-1", "7.00", allocation(ALICE, "7.00")))
                    .when(command)
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
            assertThat(failure).hasMessageContaining("'" + id + "'");
        }

        @Test
        void an_id_reused_on_a_terminated_contract_is_still_an_id_conflict() {
            fixture.given(beijingLicence(), income("X-1", "10.00"), terminated())
                    .when(recordIncome("X-1", "10.00"))
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
        }
    }
}
