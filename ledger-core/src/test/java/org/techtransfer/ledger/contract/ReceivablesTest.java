package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.receivable.Instalment;
import org.techtransfer.ledger.receivable.PaymentTermsSet;
import org.techtransfer.ledger.receivable.Receivable;
import org.techtransfer.ledger.receivable.ReceivableKind;
import org.techtransfer.ledger.receivable.ReceivableStatus;
import org.techtransfer.ledger.receivable.Receivables;
import org.techtransfer.ledger.receivable.ReportSales;
import org.techtransfer.ledger.receivable.RoyaltyTerms;
import org.techtransfer.ledger.receivable.SalesReported;
import org.techtransfer.ledger.receivable.SetPaymentTerms;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.contract.ContractTestData.*;
import static org.techtransfer.ledger.receivable.InstalmentKind.FIXED;
import static org.techtransfer.ledger.receivable.InstalmentKind.MILESTONE;
import static org.techtransfer.ledger.rule.Rule.*;

/**
 * Issue 15, "Schedules and receivables": a contract's payment terms and the licensee's sales reports, what they
 * make due, and what the receipts leave outstanding and overdue. Refusals record nothing.
 */
class ReceivablesTest {

    private static final LocalDate JUNE_2027 = LocalDate.of(2027, 6, 30);
    private static final Instalment UPFRONT = new Instalment("I-1", FIXED, yuan("300000.00"), RECEIVED, null);
    private static final Instalment BALANCE = new Instalment("I-2", FIXED, yuan("500000.00"), JUNE_2027, null);
    private static final Instalment APPROVAL = new Instalment("M-1", MILESTONE, yuan("200000.00"), null,
            "clinical trial approved");
    private static final RoyaltyTerms ROYALTY = new RoyaltyTerms(new BigDecimal("0.05"), yuan("100000.00"), 2021,
            2022, 30);

    private AggregateTestFixture<TechnologyContract> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI));
        fixture.registerInjectableResource(new InMemoryRegistrationNumbers());
        fixture.registerInjectableResource(CLOCK);
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

    private static SetPaymentTerms setTerms(String termsId, RoyaltyTerms royalty, String reason, Instalment... instalments) {
        return new SetPaymentTerms(CONTRACT, termsId, List.of(instalments), royalty, reason);
    }

    private static PaymentTermsSet termsSet(String termsId, RoyaltyTerms royalty, String reason, Instalment... instalments) {
        return new PaymentTermsSet(CONTRACT, termsId, List.of(instalments), royalty, reason);
    }

    private static ReportSales report(String reportId, LocalDate from, LocalDate to, String netSales) {
        return new ReportSales(CONTRACT, reportId, from, to, yuan(netSales));
    }

    private static SalesReported reported(String reportId, LocalDate from, LocalDate to, String netSales,
                                          String royalty) {
        return new SalesReported(CONTRACT, reportId, from, to, yuan(netSales), yuan(royalty), to.plusDays(30));
    }

    // ---- terms ----

    @Test
    void records_instalments_and_milestones_that_add_up_to_the_contract_amount() {
        fixture.given(beijingLicence())
                .when(setTerms("T-1", null, null, UPFRONT, BALANCE, APPROVAL))
                .expectEvents(termsSet("T-1", null, null, UPFRONT, BALANCE, APPROVAL));
    }

    @Test
    void refuses_instalments_that_do_not_add_up_to_the_contract_amount() {
        assertRefused(fixture.given(beijingLicence()).when(setTerms("T-1", null, null, UPFRONT, BALANCE)),
                SCHEDULE_SUM_MISMATCH, yuan("800000.00"), yuan("1000000.00"));
    }

    @Test
    void beside_a_royalty_the_instalments_may_leave_room_but_not_go_above_the_amount() {
        fixture.given(beijingLicence())
                .when(setTerms("T-1", ROYALTY, null, UPFRONT))
                .expectEvents(termsSet("T-1", ROYALTY, null, UPFRONT));
        Instalment tooMuch = new Instalment("I-3", FIXED, yuan("200000.01"), JUNE_2027, null);
        assertRefused(fixture.given(beijingLicence()).when(setTerms("T-1", ROYALTY, null, UPFRONT, BALANCE, tooMuch)),
                SCHEDULE_SUM_MISMATCH, yuan("1000000.01"), yuan("1000000.00"));
    }

    @Test
    void refuses_an_instalment_due_before_the_contract_was_signed() {
        Instalment early = new Instalment("I-0", FIXED, yuan("1000000.00"), SIGNED.minusDays(1), null);
        assertRefused(fixture.given(beijingLicence()).when(setTerms("T-1", null, null, early)),
                DATE_BEFORE_SIGNING, SIGNED.minusDays(1), SIGNED);
    }

    @Test
    void terms_that_replace_earlier_ones_say_why() {
        Instalment dated = new Instalment("M-1", MILESTONE, yuan("200000.00"), JUNE_2027, "clinical trial approved");
        fixture.given(beijingLicence(), termsSet("T-1", null, null, UPFRONT, BALANCE, APPROVAL))
                .when(setTerms("T-2", null, null, UPFRONT, BALANCE, dated))
                .expectException(InvalidField.class).expectNoEvents();
        fixture.given(beijingLicence(), termsSet("T-1", null, null, UPFRONT, BALANCE, APPROVAL))
                .when(setTerms("T-2", null, "trial approved", UPFRONT, BALANCE, dated))
                .expectEvents(termsSet("T-2", null, "trial approved", UPFRONT, BALANCE, dated));
    }

    @Test
    void refuses_terms_on_a_terminated_contract() {
        assertRefused(fixture.given(beijingLicence(), terminated()).when(setTerms("T-1", null, null, UPFRONT, BALANCE,
                APPROVAL)), CONTRACT_TERMINATED, LocalDate.of(2022, 1, 31));
    }

    @Test
    void a_command_without_instalments_or_royalty_is_malformed() {
        assertThatThrownBy(() -> new SetPaymentTerms(CONTRACT, "T-1", List.of(), null, null))
                .isInstanceOf(InvalidField.class).hasMessageContaining("instalments");
        assertThatThrownBy(() -> new Instalment("M-9", MILESTONE, yuan("1.00"), null, null))
                .isInstanceOf(InvalidField.class).hasMessageContaining("milestone");
        assertThatThrownBy(() -> new RoyaltyTerms(new BigDecimal("0.05"), null, 2022, 2021, 30))
                .isInstanceOf(InvalidField.class).hasMessageContaining("lastYear");
    }

    // ---- sales reports ----

    @Test
    void a_sales_report_records_the_royalty_it_makes_due() {
        LocalDate from = LocalDate.of(2021, 4, 1);
        LocalDate to = LocalDate.of(2021, 6, 30);
        fixture.given(beijingLicence(), termsSet("T-1", ROYALTY, null, UPFRONT))
                .when(report("S-1", from, to, "123456.78"))
                // 5% of 123,456.78 is 6,172.839: to the nearest fen
                .expectEvents(reported("S-1", from, to, "123456.78", "6172.84"));
    }

    @Test
    void refuses_a_sales_report_without_a_running_royalty() {
        assertRefused(fixture.given(beijingLicence(), termsSet("T-1", null, null, UPFRONT, BALANCE, APPROVAL))
                .when(report("S-1", RECEIVED, RECEIVED.plusMonths(1), "1000.00")), NO_ROYALTY_TERMS);
        assertRefused(fixture.given(beijingLicence())
                .when(report("S-1", RECEIVED, RECEIVED.plusMonths(1), "1000.00")), NO_ROYALTY_TERMS);
    }

    @Test
    void refuses_a_period_an_earlier_report_covers() {
        LocalDate from = LocalDate.of(2021, 4, 1);
        LocalDate to = LocalDate.of(2021, 6, 30);
        assertRefused(fixture.given(beijingLicence(), termsSet("T-1", ROYALTY, null, UPFRONT),
                        reported("S-1", from, to, "1000.00", "50.00"))
                        .when(report("S-2", to, LocalDate.of(2021, 9, 30), "1000.00")),
                SALES_PERIOD_OVERLAP, to, LocalDate.of(2021, 9, 30), "S-1", from, to);
    }

    @Test
    void refuses_a_period_that_has_not_ended_or_began_before_signing() {
        assertRefused(fixture.given(beijingLicence(), termsSet("T-1", ROYALTY, null, UPFRONT))
                        .when(report("S-1", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "1000.00")),
                DATE_IN_FUTURE, LocalDate.of(2026, 12, 31), TODAY);
        assertRefused(fixture.given(beijingLicence(), termsSet("T-1", ROYALTY, null, UPFRONT))
                        .when(report("S-1", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), "1000.00")),
                DATE_BEFORE_SIGNING, LocalDate.of(2021, 1, 1), SIGNED);
    }

    @Test
    void a_period_must_lie_within_one_year() {
        assertThatThrownBy(() -> report("S-1", LocalDate.of(2021, 12, 1), LocalDate.of(2022, 1, 31), "1.00"))
                .isInstanceOf(InvalidField.class).hasMessageContaining("periodTo");
    }

    // ---- receivables ----

    @Test
    void receipts_settle_the_oldest_instalment_first_and_what_is_left_past_its_date_is_overdue() {
        ContractState state = ContractState.replay(List.of(beijingLicence(),
                termsSet("T-1", null, null, UPFRONT, BALANCE, APPROVAL), income("IN-1", "200000.00")));
        Receivables r = state.receivables(TODAY);
        assertThat(r.expected()).isEqualTo(yuan("1000000.00"));
        assertThat(r.received()).isEqualTo(yuan("200000.00"));
        assertThat(r.outstanding()).isEqualTo(yuan("800000.00"));
        assertThat(r.overdue()).isEqualTo(yuan("100000.00"));
        assertThat(r.items()).extracting(Receivable::itemId, Receivable::received, Receivable::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("I-1", yuan("200000.00"), ReceivableStatus.OVERDUE),
                org.assertj.core.groups.Tuple.tuple("I-2", Money.ZERO, ReceivableStatus.NOT_YET_DUE),
                org.assertj.core.groups.Tuple.tuple("M-1", Money.ZERO, ReceivableStatus.AWAITING_EVENT));
        // the reward the outstanding 800,000 will raise at 70% (required so far: 140,000 of 200,000)
        assertThat(r.forecastReward()).isEqualTo(yuan("560000.00"));
        assertThat(state.book().requiredReward()).isEqualTo(yuan("140000.00"));
    }

    @Test
    void a_reimbursement_of_costs_or_a_reversed_income_settles_nothing() {
        ContractState state = ContractState.replay(List.of(beijingLicence(),
                termsSet("T-1", null, null, UPFRONT, BALANCE, APPROVAL),
                income("IN-1", "300000.00", IncomeCategory.COST_REIMBURSEMENT), income("IN-2", "300000.00"),
                reversed("R-1", "IN-2", EntryType.INCOME)));
        Receivables r = state.receivables(TODAY);
        assertThat(r.received()).isEqualTo(Money.ZERO);
        assertThat(r.overdue()).isEqualTo(yuan("300000.00"));
    }

    @Test
    void royalties_and_the_shortfall_below_the_minimum_annual_royalty_are_expected() {
        LocalDate from = LocalDate.of(2021, 4, 1);
        LocalDate to = LocalDate.of(2021, 6, 30);
        ContractState state = ContractState.replay(List.of(beijingLicence(), termsSet("T-1", ROYALTY, null, UPFRONT),
                reported("S-1", from, to, "1000000.00", "50000.00"), income("IN-1", "320000.00")));
        Receivables r = state.receivables(TODAY);
        assertThat(r.items()).extracting(Receivable::itemId, Receivable::kind, Receivable::amount, Receivable::dueOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("I-1", ReceivableKind.INSTALMENT, yuan("300000.00"), RECEIVED),
                        org.assertj.core.groups.Tuple.tuple("S-1", ReceivableKind.ROYALTY, yuan("50000.00"), to.plusDays(30)),
                        org.assertj.core.groups.Tuple.tuple("MIN-2021", ReceivableKind.MINIMUM_ROYALTY, yuan("50000.00"),
                                LocalDate.of(2022, 1, 30)),
                        org.assertj.core.groups.Tuple.tuple("MIN-2022", ReceivableKind.MINIMUM_ROYALTY,
                                yuan("100000.00"), LocalDate.of(2023, 1, 30)));
        assertThat(r.expected()).isEqualTo(yuan("500000.00"));
        assertThat(r.received()).isEqualTo(yuan("320000.00"));
        assertThat(r.overdue()).isEqualTo(yuan("180000.00"));
    }

    @Test
    void receipts_beyond_the_terms_are_unscheduled_and_a_contract_without_terms_expects_nothing() {
        ContractState state = ContractState.replay(List.of(beijingLicence(), income("IN-1", "1000.00")));
        Receivables r = state.receivables(TODAY);
        assertThat(r.hasTerms()).isFalse();
        assertThat(r.expected()).isEqualTo(Money.ZERO);
        assertThat(r.unscheduled()).isEqualTo(yuan("1000.00"));
        assertThat(r.forecastReward()).isEqualTo(Money.ZERO);
    }

    @Test
    void the_terms_survive_a_snapshot() {
        ContractState state = ContractState.replay(List.of(beijingLicence(), termsSet("T-1", ROYALTY, null, UPFRONT),
                reported("S-1", LocalDate.of(2021, 4, 1), LocalDate.of(2021, 6, 30), "1000000.00", "50000.00"),
                income("IN-1", "300000.00", IncomeCategory.COST_REIMBURSEMENT)));
        ContractState restored = ContractState.restore(state.snapshot());
        assertThat(restored.receivables(TODAY))
                .isEqualTo(state.receivables(TODAY));
        assertThat(restored.usesEntryId("S-1")).isTrue();
    }
}
