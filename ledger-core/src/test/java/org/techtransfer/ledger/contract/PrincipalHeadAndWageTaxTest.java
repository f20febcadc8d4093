package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.IpKind;
import org.techtransfer.ledger.reward.ReducedWageTax;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.WageTaxReason;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.contract.ContractKind.ASSIGNMENT;
import static org.techtransfer.ledger.contract.ContractKind.EQUITY_INVESTMENT;
import static org.techtransfer.ledger.contract.ContractKind.LICENSE;
import static org.techtransfer.ledger.contract.ContractTestData.*;
import static org.techtransfer.ledger.institution.OrganisationType.ENTERPRISE;
import static org.techtransfer.ledger.institution.OrganisationType.UNIVERSITY;
import static org.techtransfer.ledger.rule.Rule.PRINCIPAL_HEAD_EQUITY;
import static org.techtransfer.ledger.rule.Rule.PUBLICITY_REQUIRED;

/** Issue 22: the principal head's rewards and the reduced wage tax of each cash payment (docs/domain.md). */
class PrincipalHeadAndWageTaxTest {

    /** A principal contributor who is also the university's president (正职领导). */
    private static final Contributor PRESIDENT = new Contributor("president", "President Qian", true, true, true);
    private static final List<Contributor> WITH_PRESIDENT = List.of(ALICE, BOB, DEAN, PRESIDENT);

    private AggregateTestFixture<TechnologyContract> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver()); // as the service routes
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI, BJ_HIGH, BJ_LOW));
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

    private static ContractRegistered registration(ContractKind kind, OrganisationType sellerType,
                                                   Boolean sellerNonProfit, IpKind ipKind, LocalDate signedOn,
                                                   List<Contributor> contributors) {
        return new ContractRegistered(CONTRACT, REGISTRATION, kind, BJ_UNI.institutionId(), sellerType,
                BJ_UNI.regionCode(), BUYER, FIELD, yuan("1000000.00"), yuan("800000.00"), signedOn, contributors,
                null, ACHIEVEMENTS, BJ_TERMS, ipKind, sellerNonProfit);
    }

    @Nested
    class PrincipalHead {

        @Test
        void a_principal_head_without_a_leadership_post_is_a_malformed_contributor() {
            assertThatThrownBy(() -> new Contributor("p", "P", true, false, true))
                    .isInstanceOf(InvalidField.class)
                    .extracting(e -> ((InvalidField) e).field()).isEqualTo("principalHead");
        }

        @Test
        void refuses_an_equity_reward_that_gives_shares_to_the_principal_head() {
            assertRefused(fixture.given(registration(EQUITY_INVESTMENT, UNIVERSITY, true, IpKind.PATENT, SIGNED,
                                    WITH_PRESIDENT), equity("E-1", 1000))
                            .when(decideShares("D-1", 700, shares(ALICE, 400), shares(PRESIDENT, 300))),
                    PRINCIPAL_HEAD_EQUITY, PRESIDENT.personId());
        }

        @Test
        void records_an_equity_reward_that_leaves_the_principal_head_out() {
            fixture.given(registration(EQUITY_INVESTMENT, UNIVERSITY, true, IpKind.PATENT, SIGNED, WITH_PRESIDENT),
                            equity("E-1", 1000))
                    .when(decideShares("D-1", 700, shares(ALICE, 700)))
                    .expectEvents(sharesDecided("D-1", 700, shares(ALICE, 700)));
        }

        @Test
        void refuses_to_mark_as_principal_head_someone_who_was_given_shares() {
            Contributor deanAsHead = new Contributor(DEAN.personId(), DEAN.name(), false, true, true);
            assertRefused(fixture.given(registration(EQUITY_INVESTMENT, UNIVERSITY, true, IpKind.PATENT, SIGNED,
                                    CONTRIBUTORS), equity("E-1", 1000),
                            sharesDecided("D-1", 700, shares(ALICE, 400), shares(DEAN, 300)))
                            .when(new ChangeContributors(CONTRACT, "CH-1", List.of(ALICE, BOB, deanAsHead),
                                    "the dean became president")),
                    PRINCIPAL_HEAD_EQUITY, DEAN.personId(), "D-1");
        }

        @Test
        void a_principal_head_is_paid_cash_only_after_the_publicity_notice_like_any_leader() {
            List<Object> given = List.of(registration(LICENSE, UNIVERSITY, true, IpKind.PATENT, SIGNED, WITH_PRESIDENT),
                    income("I-1", "1000.00"),
                    decided("D-1", "700.00", allocation(ALICE, "400.00"), allocation(PRESIDENT, "300.00")));
            assertRefused(fixture.given(given).when(pay("P-1", PRESIDENT.personId(), "300.00", PAID)),
                    PUBLICITY_REQUIRED, PRESIDENT.personId(), PAID);
        }

        @Test
        void a_contract_registered_before_the_principal_head_existed_reads_everyone_as_not_one() {
            // a stored contributor without the field: Jackson leaves the boolean false
            ContractState state = ContractState.replay(List.of(registration(EQUITY_INVESTMENT, UNIVERSITY, null, null,
                    SIGNED, CONTRIBUTORS)));
            assertThat(state.contributors()).noneMatch(Contributor::principalHead);
        }
    }

    @Nested
    class ReducedWageTaxOfEachPayment {

        private static final LocalDate RECEIVED_2021 = RECEIVED;

        /** Income on 2021-04-01, a decision for Alice, a notice if asked: then Alice is paid on {@code paidOn}. */
        private ReducedWageTax taxOfPaying(ContractRegistered registration, boolean notice, LocalDate paidOn) {
            List<Object> given = new ArrayList<>(List.of(registration, income("I-1", "1000.00"),
                    decided("D-1", "700.00", allocation(ALICE, "700.00"))));
            if (notice) {
                given.add(publicized("N-1", "D-1", DECIDED, DECIDED.plusDays(15)));
            }
            List<ReducedWageTax> tags = new ArrayList<>();
            fixture.given(given)
                    .when(pay("P-1", ALICE.personId(), "700.00", paidOn))
                    .expectEvents(paid("P-1", ALICE.personId(), "700.00", paidOn))
                    .expectState(c -> tags.add(c.state().book().taxOf("P-1").orElseThrow()));
            return tags.get(0);
        }

        private ContractRegistered patentLicenceOfAUniversity() {
            return registration(LICENSE, UNIVERSITY, true, IpKind.PATENT, SIGNED, CONTRIBUTORS);
        }

        @Test
        void a_publicised_payment_for_a_patent_licence_of_a_non_profit_university_within_36_months_qualifies() {
            assertThat(taxOfPaying(patentLicenceOfAUniversity(), true, PAID)).isEqualTo(ReducedWageTax.QUALIFIES);
        }

        @Test
        void an_assignment_of_software_copyright_qualifies_too() {
            assertThat(taxOfPaying(registration(ASSIGNMENT, UNIVERSITY, true, IpKind.SOFTWARE_COPYRIGHT, SIGNED,
                    CONTRIBUTORS), true, PAID)).isEqualTo(ReducedWageTax.QUALIFIES);
        }

        @Test
        void seller_not_non_profit() {
            assertThat(taxOfPaying(registration(LICENSE, UNIVERSITY, false, IpKind.PATENT, SIGNED, CONTRIBUTORS),
                    true, PAID)).isEqualTo(ReducedWageTax.fails(WageTaxReason.SELLER_NOT_NON_PROFIT));
        }

        @Test
        void an_enterprise_seller_is_not_a_non_profit_university_or_institute_even_when_marked_non_profit() {
            assertThat(taxOfPaying(registration(LICENSE, ENTERPRISE, true, IpKind.PATENT, SIGNED, CONTRIBUTORS),
                    true, PAID)).isEqualTo(ReducedWageTax.fails(WageTaxReason.SELLER_NOT_NON_PROFIT));
        }

        @Test
        void not_license_or_assignment() {
            assertThat(taxOfPaying(registration(EQUITY_INVESTMENT, UNIVERSITY, true, IpKind.PATENT, SIGNED,
                    CONTRIBUTORS), true, PAID)).isEqualTo(ReducedWageTax.fails(WageTaxReason.NOT_LICENSE_OR_ASSIGNMENT));
        }

        @Test
        void ip_kind_excluded_for_a_trade_secret() {
            assertThat(taxOfPaying(registration(LICENSE, UNIVERSITY, true, IpKind.TRADE_SECRET, SIGNED, CONTRIBUTORS),
                    true, PAID)).isEqualTo(ReducedWageTax.fails(WageTaxReason.IP_KIND_EXCLUDED));
        }

        @Test
        void ip_kind_excluded_when_unknown() {
            assertThat(taxOfPaying(registration(LICENSE, UNIVERSITY, true, null, SIGNED, CONTRIBUTORS),
                    true, PAID)).isEqualTo(ReducedWageTax.fails(WageTaxReason.IP_KIND_EXCLUDED));
        }

        @Test
        void no_publicity() {
            assertThat(taxOfPaying(patentLicenceOfAUniversity(), false, PAID))
                    .isEqualTo(ReducedWageTax.fails(WageTaxReason.NO_PUBLICITY));
        }

        @Test
        void outside_36_months_from_the_day_after_the_window() {
            assertThat(taxOfPaying(patentLicenceOfAUniversity(), true, RECEIVED_2021.plusMonths(36)))
                    .isEqualTo(ReducedWageTax.QUALIFIES);
            assertThat(taxOfPaying(patentLicenceOfAUniversity(), true, RECEIVED_2021.plusMonths(36).plusDays(1)))
                    .isEqualTo(ReducedWageTax.fails(WageTaxReason.OUTSIDE_36_MONTHS));
        }

        @Test
        void before_2018_07_01() {
            LocalDate signed = LocalDate.of(2018, 1, 10);
            List<Object> given = List.of(registration(LICENSE, UNIVERSITY, true, IpKind.PATENT, signed, CONTRIBUTORS),
                    new IncomeRecorded(CONTRACT, "I-1", yuan("1000.00"), signed, IncomeCategory.UPFRONT),
                    new org.techtransfer.ledger.reward.CashRewardDecided(CONTRACT, "D-1", signed, yuan("700.00"),
                            List.of(allocation(ALICE, "700.00")), null),
                    publicized("N-1", "D-1", signed, signed.plusDays(15)));
            LocalDate paidOn = LocalDate.of(2018, 6, 30);
            fixture.given(given)
                    .when(pay("P-1", ALICE.personId(), "700.00", paidOn))
                    .expectState(c -> assertThat(c.state().book().taxOf("P-1")).contains(
                            ReducedWageTax.fails(WageTaxReason.BEFORE_2018_07_01)));
        }

        @Test
        void a_payment_is_judged_on_the_oldest_accrual_it_settles_and_the_next_on_the_next() {
            LocalDate later = LocalDate.of(2023, 1, 10);
            LocalDate paidOn = LocalDate.of(2024, 6, 1); // 38 months after the first receipt, 17 after the second
            ContractState state = ContractState.replay(List.of(patentLicenceOfAUniversity(), income("I-1", "1000.00"),
                    new IncomeRecorded(CONTRACT, "I-2", yuan("1000.00"), later, IncomeCategory.ROYALTY),
                    decided("D-1", "1400.00", allocation(ALICE, "1400.00")),
                    publicized("N-1", "D-1", DECIDED, DECIDED.plusDays(15)),
                    paid("P-1", ALICE.personId(), "700.01", paidOn), // settles I-1's 700.00 and a fen of I-2's
                    paid("P-2", ALICE.personId(), "699.99", paidOn)));
            RewardBook book = state.book();
            assertThat(book.taxOf("P-1")).contains(ReducedWageTax.fails(WageTaxReason.OUTSIDE_36_MONTHS));
            assertThat(book.taxOf("P-2")).contains(ReducedWageTax.QUALIFIES);
        }

        @Test
        void a_contract_registered_before_the_tax_fields_reads_as_of_unknown_ip_kind() {
            assertThat(taxOfPaying(registration(LICENSE, UNIVERSITY, null, null, SIGNED, CONTRIBUTORS), true, PAID))
                    .isEqualTo(ReducedWageTax.fails(WageTaxReason.IP_KIND_EXCLUDED));
        }

        @Test
        void the_registration_records_what_the_seller_and_the_command_say() {
            RegisterContract command = new RegisterContract(CONTRACT, REGISTRATION, LICENSE, BJ_HIGH.institutionId(),
                    BUYER, FIELD, yuan("1000000.00"), yuan("800000.00"), SIGNED, CONTRIBUTORS, null, ACHIEVEMENTS,
                    IpKind.PATENT);
            fixture.givenNoPriorActivity().when(command)
                    .expectEvents(new ContractRegistered(CONTRACT, REGISTRATION, LICENSE, BJ_HIGH.institutionId(),
                            ENTERPRISE, BJ_HIGH.regionCode(), BUYER, FIELD, yuan("1000000.00"), yuan("800000.00"),
                            SIGNED, CONTRIBUTORS, null, ACHIEVEMENTS,
                            new org.techtransfer.ledger.reward.RewardTerms("BEIJING-2020",
                                    new java.math.BigDecimal("0.80"), new java.math.BigDecimal("0.80"), 24),
                            IpKind.PATENT, false));
        }
    }
}
