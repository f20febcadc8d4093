package org.techtransfer.ledger.institution;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.approval.ApprovalLevel;
import org.techtransfer.ledger.approval.ApprovalPolicySet;
import org.techtransfer.ledger.approval.ApprovalStep;
import org.techtransfer.ledger.approval.SetApprovalPolicy;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.deal.DealNoticeRecorded;
import org.techtransfer.ledger.deal.RecordDealNotice;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.InvalidField;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techtransfer.ledger.approval.ApprovalLevel.COLLEGE;
import static org.techtransfer.ledger.approval.ApprovalLevel.PRESIDENT_MEETING;
import static org.techtransfer.ledger.approval.ApprovalLevel.RESEARCH_OFFICE;
import static org.techtransfer.ledger.approval.ApprovalLevel.VICE_PRESIDENT;
import static org.techtransfer.ledger.institution.OrganisationType.UNIVERSITY;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;

/** An institution's own process: its deal notices (Law Art. 18) and its approval policies. */
class InstitutionProcessTest {

    private static final InstitutionRegistered REGISTERED = new InstitutionRegistered("BJ-UNI", "Huairou University",
            UNIVERSITY, true, "110116", BEIJING, null, null, true);
    private static final LocalDate FROM = LocalDate.of(2021, 2, 1);
    /** Yangtze University's amounts: the research office up to 2 million, the vice-president to 5, the meeting above. */
    private static final List<ApprovalStep> STEPS = List.of(new ApprovalStep(COLLEGE, Money.ZERO),
            new ApprovalStep(RESEARCH_OFFICE, Money.of("0.01")), new ApprovalStep(VICE_PRESIDENT, Money.of("2000000.00")),
            new ApprovalStep(PRESIDENT_MEETING, Money.of("5000000.00")));

    private AggregateTestFixture<Institution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Institution.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
    }

    @Test
    void records_a_deal_notice() {
        fixture.given(REGISTERED)
                .when(new RecordDealNotice("BJ-UNI", "DN-1", "CN201910000001.X", Money.of("900000.00"), FROM,
                        FROM.plusDays(20)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DealNoticeRecorded("BJ-UNI", "DN-1", "CN201910000001.X", Money.of("900000.00"), FROM,
                        FROM.plusDays(20)));
    }

    @Test
    void a_notice_id_is_taken_once() {
        fixture.given(REGISTERED, new DealNoticeRecorded("BJ-UNI", "DN-1", "X", Money.of("1.00"), FROM, FROM))
                .when(new SetApprovalPolicy("BJ-UNI", "DN-1", FROM, STEPS))
                .expectException(EntryIdInUse.class).expectNoEvents();
    }

    @Test
    void a_notice_ends_on_or_after_it_starts() {
        assertThatThrownBy(() -> new RecordDealNotice("BJ-UNI", "DN-1", "X", Money.of("1.00"), FROM, FROM.minusDays(1)))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("to");
    }

    @Test
    void sets_an_approval_policy_whose_steps_route_by_amount_in_order() {
        fixture.given(REGISTERED)
                .when(new SetApprovalPolicy("BJ-UNI", "AP-1", FROM, STEPS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApprovalPolicySet("BJ-UNI", "AP-1", FROM, STEPS));
        ApprovalPolicySet policy = new ApprovalPolicySet("BJ-UNI", "AP-1", FROM, STEPS);
        assertThat(policy.levelsFor(Money.ZERO)).containsExactly(COLLEGE);
        assertThat(policy.levelsFor(Money.of("1999999.99"))).containsExactly(COLLEGE, RESEARCH_OFFICE);
        assertThat(policy.levelsFor(Money.of("2000000.00"))).containsExactly(COLLEGE, RESEARCH_OFFICE, VICE_PRESIDENT);
        assertThat(policy.levelsFor(Money.of("5000000.00"))).containsExactly(ApprovalLevel.values());
    }

    @Test
    void a_policy_names_each_level_once_and_at_least_one() {
        assertThatThrownBy(() -> new SetApprovalPolicy("BJ-UNI", "AP-1", FROM, List.of(
                new ApprovalStep(COLLEGE, Money.ZERO), new ApprovalStep(COLLEGE, Money.of("5.00")))))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("steps[1].level");
        assertThatThrownBy(() -> new SetApprovalPolicy("BJ-UNI", "AP-1", FROM, List.of()))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("steps");
        assertThatThrownBy(() -> new ApprovalStep(COLLEGE, Money.of("-1.00")))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("from");
    }
}
