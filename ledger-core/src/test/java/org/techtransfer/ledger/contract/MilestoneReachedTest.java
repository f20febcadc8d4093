package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.receivable.Instalment;
import org.techtransfer.ledger.receivable.MilestoneReached;
import org.techtransfer.ledger.receivable.PaymentTermsSet;
import org.techtransfer.ledger.receivable.Receivable;
import org.techtransfer.ledger.receivable.ReceivableStatus;
import org.techtransfer.ledger.receivable.RecordMilestoneReached;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.contract.ContractTestData.*;
import static org.techtransfer.ledger.receivable.InstalmentKind.FIXED;
import static org.techtransfer.ledger.receivable.InstalmentKind.MILESTONE;
import static org.techtransfer.ledger.rule.Rule.*;

/**
 * Issue 15: a milestone payment awaiting its event is recorded as reached on a business date, and is then due on
 * that date as a milestone dated in the terms is. Refusals record nothing.
 */
class MilestoneReachedTest {

    private static final LocalDate DATED = LocalDate.of(2027, 6, 30);
    private static final LocalDate REACHED = LocalDate.of(2023, 5, 10);
    private static final Instalment UPFRONT = new Instalment("I-1", FIXED, yuan("300000.00"), RECEIVED, null);
    private static final Instalment APPROVAL = new Instalment("M-1", MILESTONE, yuan("200000.00"), null,
            "clinical trial approved");
    private static final Instalment LAUNCH = new Instalment("M-2", MILESTONE, yuan("500000.00"), DATED, "launch");

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

    private static PaymentTermsSet terms(String termsId, Instalment... instalments) {
        return new PaymentTermsSet(CONTRACT, termsId, List.of(instalments), null, termsId.equals("T-1") ? null : "changed");
    }

    private static RecordMilestoneReached reach(String reachedId, String instalmentId, LocalDate on) {
        return new RecordMilestoneReached(CONTRACT, reachedId, instalmentId, on, "approval no. 2023-17");
    }

    private static MilestoneReached reached(String reachedId, String instalmentId, LocalDate on) {
        return new MilestoneReached(CONTRACT, reachedId, instalmentId, on, "approval no. 2023-17");
    }

    private void assertRefused(ResultValidator<TechnologyContract> result, Rule rule, Object... arguments) {
        result.expectException(RuleViolation.class).expectNoEvents();
        RuleViolation violation = assertThat(failure).asInstanceOf(type(RuleViolation.class)).actual();
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.arguments()).containsExactly(arguments);
    }

    @Test
    void a_milestone_awaiting_its_event_is_recorded_as_reached() {
        fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH))
                .when(reach("MR-1", "M-1", REACHED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reached("MR-1", "M-1", REACHED));
    }

    @Test
    void the_reached_milestone_is_due_on_the_day_it_was_reached() {
        ContractState awaiting = ContractState.replay(List.of(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH),
                income("IN-1", "300000.00")));
        assertThat(awaiting.receivables(TODAY).items()).extracting(Receivable::itemId, Receivable::dueOn,
                Receivable::status).contains(tuple("M-1", null, ReceivableStatus.AWAITING_EVENT));

        ContractState state = ContractState.replay(List.of(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH),
                income("IN-1", "300000.00"), reached("MR-1", "M-1", REACHED)));
        // due on its day it comes before the launch, dated later, and is overdue today
        assertThat(state.receivables(TODAY).items()).extracting(Receivable::itemId, Receivable::dueOn,
                Receivable::status).containsExactly(
                tuple("I-1", RECEIVED, ReceivableStatus.RECEIVED),
                tuple("M-1", REACHED, ReceivableStatus.OVERDUE),
                tuple("M-2", DATED, ReceivableStatus.NOT_YET_DUE));
        assertThat(state.receivables(TODAY).overdue()).isEqualTo(yuan("200000.00"));
        assertThat(state.receivables(REACHED.minusDays(1)).items().get(1).status())
                .isEqualTo(ReceivableStatus.NOT_YET_DUE);
        assertThat(state.usesEntryId("MR-1")).isTrue();
    }

    @Test
    void a_reached_milestone_stays_reached_when_the_terms_are_set_again_unless_they_date_it() {
        Instalment dated = new Instalment("M-1", MILESTONE, yuan("200000.00"), DATED, "clinical trial approved");
        ContractState kept = ContractState.replay(List.of(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH),
                reached("MR-1", "M-1", REACHED), terms("T-2", UPFRONT, APPROVAL, LAUNCH)));
        assertThat(kept.receivables(TODAY).items().get(1).dueOn()).isEqualTo(REACHED);
        ContractState redated = ContractState.replay(List.of(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH),
                reached("MR-1", "M-1", REACHED), terms("T-2", UPFRONT, dated, LAUNCH)));
        assertThat(redated.receivables(TODAY).items()).extracting(Receivable::itemId, Receivable::dueOn)
                .contains(tuple("M-1", DATED));
    }

    @Test
    void the_reached_milestones_survive_a_snapshot() {
        ContractState state = ContractState.replay(List.of(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH),
                reached("MR-1", "M-1", REACHED)));
        ContractState restored = ContractState.restore(state.snapshot());
        assertThat(restored.receivables(TODAY)).isEqualTo(state.receivables(TODAY));
        assertThat(restored.deal().reached()).containsEntry("M-1", REACHED);
        assertThat(restored.usesEntryId("MR-1")).isTrue();
    }

    @Test
    void refuses_a_date_after_today_in_the_ledgers_zone() {
        LocalDate tomorrow = TODAY.plusDays(1);
        assertRefused(fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH))
                .when(reach("MR-1", "M-1", tomorrow)), DATE_IN_FUTURE, tomorrow, TODAY);
    }

    @Test
    void refuses_a_date_before_the_signing() {
        LocalDate before = SIGNED.minusDays(1);
        assertRefused(fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH))
                .when(reach("MR-1", "M-1", before)), DATE_BEFORE_SIGNING, before, SIGNED);
    }

    @Test
    void refuses_an_instalment_the_terms_do_not_have_or_a_contract_without_terms() {
        assertRefused(fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH))
                .when(reach("MR-1", "M-9", REACHED)), UNKNOWN_INSTALMENT, "M-9");
        assertRefused(fixture.given(beijingLicence()).when(reach("MR-1", "M-1", REACHED)), UNKNOWN_INSTALMENT, "M-1");
    }

    @Test
    void refuses_a_fixed_instalment_or_a_milestone_dated_in_the_terms() {
        assertRefused(fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH))
                .when(reach("MR-1", "I-1", REACHED)), NOT_AN_EVENT_MILESTONE, "I-1", RECEIVED);
        assertRefused(fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH))
                .when(reach("MR-1", "M-2", REACHED)), NOT_AN_EVENT_MILESTONE, "M-2", DATED);
    }

    @Test
    void refuses_a_milestone_already_reached() {
        assertRefused(fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH),
                        reached("MR-1", "M-1", REACHED))
                .when(reach("MR-2", "M-1", REACHED.plusDays(3))), MILESTONE_ALREADY_REACHED, "M-1", REACHED);
    }

    @Test
    void refuses_a_milestone_on_a_terminated_contract_and_a_reused_id() {
        assertRefused(fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH), terminated())
                .when(reach("MR-1", "M-1", REACHED)), CONTRACT_TERMINATED, LocalDate.of(2022, 1, 31));
        fixture.given(beijingLicence(), terms("T-1", UPFRONT, APPROVAL, LAUNCH))
                .when(reach("T-1", "M-1", REACHED))
                .expectException(EntryIdInUse.class).expectNoEvents();
    }

    @Test
    void a_command_without_its_date_or_with_a_blank_note_is_malformed() {
        assertThatThrownBy(() -> new RecordMilestoneReached(CONTRACT, "MR-1", "M-1", null, null))
                .isInstanceOf(InvalidField.class).hasMessageContaining("reachedOn");
        assertThatThrownBy(() -> new RecordMilestoneReached(CONTRACT, "MR-1", "M-1", REACHED, " "))
                .isInstanceOf(InvalidField.class).hasMessageContaining("note");
    }
}
