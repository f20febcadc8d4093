package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.approval.ApprovalLevel;
import org.techtransfer.ledger.approval.ApprovalPolicySet;
import org.techtransfer.ledger.approval.ApprovalRoute;
import org.techtransfer.ledger.approval.ApprovalStep;
import org.techtransfer.ledger.approval.ApproveRewardDecision;
import org.techtransfer.ledger.approval.CashRewardProposed;
import org.techtransfer.ledger.approval.DecisionApprovalRecorded;
import org.techtransfer.ledger.approval.DecisionStatus;
import org.techtransfer.ledger.approval.EquityRewardProposed;
import org.techtransfer.ledger.command.CommandActor;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.approval.ApprovalLevel.COLLEGE;
import static org.techtransfer.ledger.approval.ApprovalLevel.PRESIDENT_MEETING;
import static org.techtransfer.ledger.approval.ApprovalLevel.RESEARCH_OFFICE;
import static org.techtransfer.ledger.approval.ApprovalLevel.VICE_PRESIDENT;
import static org.techtransfer.ledger.contract.ContractTestData.*;

/** Reward decisions routed by amount under the seller's approval policy, and what waits for the approval. */
class ApprovalRoutingTest {

    /** Every decision needs the college; from 100,000 the research office; 500,000 the vice-president; 800,000 the meeting. */
    static final ApprovalPolicySet POLICY = new ApprovalPolicySet(BJ_UNI.institutionId(), "AP-2021", SIGNED,
            List.of(new ApprovalStep(COLLEGE, yuan("0.00")), new ApprovalStep(RESEARCH_OFFICE, yuan("100000.00")),
                    new ApprovalStep(VICE_PRESIDENT, yuan("500000.00")),
                    new ApprovalStep(PRESIDENT_MEETING, yuan("800000.00"))));
    static final LocalDate APPROVED_ON = DECIDED.plusDays(3);

    private AggregateTestFixture<TechnologyContract> fixture;
    private final Actor actor = new Actor();
    private Throwable failure;

    /** The user sending the next command. */
    static final class Actor implements CommandActor {
        String name = "recorder-a";

        @Override
        public String name() {
            return name;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI).with(POLICY));
        fixture.registerInjectableResource(new InMemoryRegistrationNumbers());
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(actor);
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
        assertThat(failure).asInstanceOf(type(RuleViolation.class)).extracting(RuleViolation::rule).isEqualTo(rule);
    }

    static CashRewardProposed proposed(String decisionId, String total, List<ApprovalLevel> levels,
                                       Allocation... allocations) {
        return new CashRewardProposed(CONTRACT, decisionId, DECIDED, yuan(total), List.of(allocations),
                new ApprovalRoute(POLICY.policyId(), levels, "recorder-a"));
    }

    static DecisionApprovalRecorded answered(String approvalId, String decisionId, ApprovalLevel level,
                                             boolean approved, String approver) {
        return new DecisionApprovalRecorded(CONTRACT, approvalId, decisionId, level, approved, APPROVED_ON,
                approved ? "agreed" : "the shares are not agreed", level.needsMinutes() ? "M-2021-07" : null, approver);
    }

    static ApproveRewardDecision approve(String approvalId, String decisionId, ApprovalLevel level, boolean approved) {
        return new ApproveRewardDecision(CONTRACT, decisionId, approvalId, approved, APPROVED_ON,
                approved ? "agreed" : "the shares are not agreed", level.needsMinutes() ? "M-2021-07" : null, level);
    }

    private static final Allocation[] SMALL = {allocation(ALICE, "30000.00"), allocation(BOB, "20000.00")};
    private static final Allocation[] LARGE = {allocation(ALICE, "600000.00"), allocation(DEAN, "300000.00")};

    @Nested
    class Routing {

        @Test
        void a_decision_below_every_step_but_the_first_needs_the_first_alone() {
            fixture.given(beijingLicence())
                    .when(decide("D-1", "50000.00", SMALL))
                    .expectEvents(proposed("D-1", "50000.00", List.of(COLLEGE), SMALL));
        }

        @Test
        void its_one_approval_makes_it_decided() {
            actor.name = "college-dean";
            fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL))
                    .when(approve("AP-1", "D-1", COLLEGE, true))
                    .expectEvents(answered("AP-1", "D-1", COLLEGE, true, "college-dean"),
                            decided("D-1", "50000.00", SMALL));
        }

        @Test
        void a_decision_above_every_step_needs_all_of_them_in_order() {
            List<ApprovalLevel> all = List.of(COLLEGE, RESEARCH_OFFICE, VICE_PRESIDENT, PRESIDENT_MEETING);
            fixture.given(beijingLicence())
                    .when(decide("D-2", "900000.00", LARGE))
                    .expectEvents(proposed("D-2", "900000.00", all, LARGE));
            List<Object> given = new ArrayList<>(List.of(beijingLicence(), proposed("D-2", "900000.00", all, LARGE)));
            String[] approvers = {"college-dean", "approver-office", "approver-vp", "president-office"};
            for (int step = 0; step < all.size(); step++) {
                actor.name = approvers[step];
                ResultValidator<TechnologyContract> result = fixture.given(given)
                        .when(approve("AP-" + step, "D-2", all.get(step), true));
                DecisionApprovalRecorded answer = answered("AP-" + step, "D-2", all.get(step), true, approvers[step]);
                if (step < all.size() - 1) {
                    result.expectEvents(answer);
                } else {
                    result.expectEvents(answer, decided("D-2", "900000.00", LARGE));
                }
                given.add(answer);
            }
        }

        @Test
        void an_equity_decision_is_routed_by_the_shares_value_at_the_receipts_valuation() {
            // 10,000 shares valued at 5,000,000: 100 shares are worth 50,000, 2,000 shares 1,000,000
            fixture.given(registered(ContractKind.EQUITY_INVESTMENT, BJ_TERMS), equity("E-1", 10_000))
                    .when(decideShares("S-1", 7_000, shares(ALICE, 7_000)))
                    .expectEvents(new EquityRewardProposed(CONTRACT, "S-1", DECIDED, 7_000,
                            List.of(shares(ALICE, 7_000)), yuan("3500000.00"), new ApprovalRoute("AP-2021",
                            List.of(COLLEGE, RESEARCH_OFFICE, VICE_PRESIDENT, PRESIDENT_MEETING), "recorder-a")));
        }

        @Test
        void a_seller_without_a_policy_decides_outright() {
            fixture.given(natLicence())
                    .when(decide("D-1", "50000.00", SMALL))
                    .expectEvents(decided("D-1", "50000.00", SMALL));
        }
    }

    @Nested
    class Refusals {

        @Test
        void only_the_next_level_may_answer() {
            actor.name = "approver-office";
            assertRefused(fixture.given(beijingLicence(), proposed("D-2", "900000.00",
                            List.of(COLLEGE, RESEARCH_OFFICE), LARGE))
                    .when(approve("AP-1", "D-2", RESEARCH_OFFICE, true)), Rule.NOT_THE_NEXT_APPROVER);
        }

        @Test
        void the_proposer_may_not_approve() {
            actor.name = "recorder-a";
            assertRefused(fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL))
                    .when(approve("AP-1", "D-1", COLLEGE, true)), Rule.SAME_PERSON);
        }

        @Test
        void an_approver_of_an_earlier_step_may_not_approve_the_next() {
            actor.name = "busy-person";
            assertRefused(fixture.given(beijingLicence(),
                            proposed("D-2", "900000.00", List.of(COLLEGE, RESEARCH_OFFICE), LARGE),
                            answered("AP-0", "D-2", COLLEGE, true, "busy-person"))
                    .when(approve("AP-1", "D-2", RESEARCH_OFFICE, true)), Rule.SAME_PERSON);
        }

        @Test
        void the_presidents_office_meeting_names_its_minutes() {
            actor.name = "president-office";
            assertRefused(fixture.given(beijingLicence(),
                            proposed("D-2", "900000.00", List.of(PRESIDENT_MEETING), LARGE))
                    .when(new ApproveRewardDecision(CONTRACT, "D-2", "AP-1", true, APPROVED_ON, "agreed", " ",
                            PRESIDENT_MEETING)), Rule.MINUTES_REQUIRED);
        }

        @Test
        void a_rejected_decision_takes_no_more_answers() {
            actor.name = "approver-office";
            assertRefused(fixture.given(beijingLicence(),
                            proposed("D-2", "900000.00", List.of(COLLEGE, RESEARCH_OFFICE), LARGE),
                            answered("AP-0", "D-2", COLLEGE, false, "college-dean"))
                    .when(approve("AP-1", "D-2", RESEARCH_OFFICE, true)), Rule.DECISION_CLOSED);
        }

        @Test
        void an_approved_decision_takes_no_more_answers() {
            actor.name = "approver-office";
            assertRefused(fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL),
                            answered("AP-0", "D-1", COLLEGE, true, "college-dean"), decided("D-1", "50000.00", SMALL))
                    .when(approve("AP-1", "D-1", COLLEGE, true)), Rule.DECISION_CLOSED);
        }

        @Test
        void a_decision_decided_outright_takes_no_answer() {
            actor.name = "college-dean";
            assertRefused(fixture.given(beijingLicence(), decided("D-1", "50000.00", SMALL))
                    .when(approve("AP-1", "D-1", COLLEGE, true)), Rule.DECISION_CLOSED);
        }

        @Test
        void an_answer_to_no_decision_is_refused() {
            actor.name = "college-dean";
            assertRefused(fixture.given(beijingLicence()).when(approve("AP-1", "D-404", COLLEGE, true)),
                    Rule.UNKNOWN_ENTRY);
        }

        @Test
        void a_proposed_decision_is_not_publicised() {
            assertRefused(fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL))
                    .when(publicize("N-1", "D-1", DECIDED, DECIDED.plusDays(7))), Rule.DECISION_NOT_APPROVED);
        }

        @Test
        void a_rejected_decision_is_not_publicised() {
            assertRefused(fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL),
                            answered("AP-0", "D-1", COLLEGE, false, "college-dean"))
                    .when(publicize("N-1", "D-1", DECIDED, DECIDED.plusDays(7))), Rule.DECISION_NOT_APPROVED);
        }

        @Test
        void a_proposed_allocation_is_not_paid() {
            assertRefused(fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL))
                    .when(pay("P-1", ALICE.personId(), "30000.00", PAID)), Rule.DECISION_NOT_APPROVED);
        }

        @Test
        void a_rejected_allocation_is_not_paid() {
            assertRefused(fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL),
                            answered("AP-0", "D-1", COLLEGE, false, "college-dean"))
                    .when(pay("P-1", ALICE.personId(), "1.00", PAID)), Rule.DECISION_NOT_APPROVED);
        }

        @Test
        void an_approved_allocation_is_paid() {
            fixture.given(beijingLicence(), proposed("D-1", "50000.00", List.of(COLLEGE), SMALL),
                            answered("AP-0", "D-1", COLLEGE, true, "college-dean"), decided("D-1", "50000.00", SMALL))
                    .when(pay("P-1", ALICE.personId(), "30000.00", PAID))
                    .expectEvents(paid("P-1", ALICE.personId(), "30000.00", PAID));
        }
    }

    @Nested
    class Figures {

        @Test
        void a_proposal_is_pending_not_decided_and_a_rejection_leaves_the_reward_owed() {
            ContractState state = ContractState.replay(List.of(beijingLicence(), income("I-1", "1000000.00"),
                    proposed("D-2", "700000.00", List.of(COLLEGE, RESEARCH_OFFICE, VICE_PRESIDENT), LARGE_700)));
            assertThat(state.book().rewardDecided()).isEqualTo(Money.ZERO);
            assertThat(state.approvals().pendingCash()).isEqualTo(yuan("700000.00"));
            assertThat(state.approvals().nextLevel("D-2")).contains(COLLEGE);
            assertThat(state.book().allocatedTo(ALICE.personId())).isEqualTo(Money.ZERO);

            state.evolve(answered("AP-0", "D-2", COLLEGE, true, "college-dean"));
            state.evolve(answered("AP-1", "D-2", RESEARCH_OFFICE, false, "approver-office"));
            assertThat(state.approvals().statusOf("D-2")).contains(DecisionStatus.REJECTED);
            assertThat(state.approvals().pendingCash()).isEqualTo(Money.ZERO);
            assertThat(state.book().rewardUndecided()).isEqualTo(yuan("700000.00"));
            assertThat(state.book().allocatedTo(ALICE.personId())).isEqualTo(Money.ZERO);
        }

        @Test
        void the_snapshot_keeps_the_routed_decisions_and_their_answers() {
            ContractState state = ContractState.replay(List.of(beijingLicence(),
                    proposed("D-2", "900000.00", List.of(COLLEGE, RESEARCH_OFFICE), LARGE),
                    answered("AP-0", "D-2", COLLEGE, true, "college-dean")));
            ContractState restored = ContractState.restore(state.snapshot());
            assertThat(restored.approvals().decisions()).isEqualTo(state.approvals().decisions());
            assertThat(restored.usesEntryId("AP-0")).isTrue();
        }
    }

    private static final Allocation[] LARGE_700 = {allocation(ALICE, "400000.00"), allocation(DEAN, "300000.00")};

    private static ContractRegistered natLicence() {
        return new ContractRegistered(CONTRACT, REGISTRATION, ContractKind.LICENSE, NAT_RI.institutionId(),
                NAT_RI.type(), NAT_RI.regionCode(), BUYER, FIELD, yuan("1000000.00"), yuan("800000.00"), SIGNED,
                CONTRIBUTORS, LicenseScope.EXCLUSIVE, ACHIEVEMENTS, NAT_TERMS, null, null);
    }
}
