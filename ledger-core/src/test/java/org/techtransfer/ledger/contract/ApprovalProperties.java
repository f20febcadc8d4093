package org.techtransfer.ledger.contract;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.techtransfer.ledger.approval.ApprovalLevel;
import org.techtransfer.ledger.approval.ApproveRewardDecision;
import org.techtransfer.ledger.approval.CashRewardProposed;
import org.techtransfer.ledger.approval.DecisionApprovalRecorded;
import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.PublicityRecorded;
import org.techtransfer.ledger.reward.RewardPaid;
import org.techtransfer.ledger.rule.RuleViolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.contract.ContractTestData.*;

/**
 * Under an approval policy, whatever is tried in whatever order, no publicity and no payment is ever accepted
 * for a decision that is not approved: every notice names a decision that counts as decided, every payment is
 * covered by decisions that count, and a proposal counts only after every level of its route approved it.
 */
class ApprovalProperties {

    private static final String[] PEOPLE = {"recorder-a", "u1", "u2", "u3"};

    @Property(tries = 150)
    void no_payment_or_publicity_is_accepted_for_a_decision_not_approved(@ForAll long seed,
                                                                        @ForAll @IntRange(min = 1, max = 40) int steps) {
        Random random = new Random(seed);
        ApprovalRoutingTest.Actor actor = new ApprovalRoutingTest.Actor();
        AggregateTestFixture<TechnologyContract> fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI).with(ApprovalRoutingTest.POLICY));
        fixture.registerInjectableResource(new InMemoryRegistrationNumbers());
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(actor);

        List<Object> history = new ArrayList<>(List.of(beijingLicence()));
        int decisions = 0;
        for (int step = 0; step < steps; step++) {
            actor.name = PEOPLE[random.nextInt(PEOPLE.length)];
            LedgerCommand command = switch (random.nextInt(4)) {
                case 0 -> decide("D-" + decisions++, random);
                case 1 -> answer("D-" + random.nextInt(decisions + 1), "A-" + step, history, random);
                case 2 -> publicize("N-" + step, "D-" + random.nextInt(decisions + 1), DECIDED, DECIDED);
                default -> pay("P-" + step, random.nextBoolean() ? ALICE.personId() : BOB.personId(),
                        Money.ofFen(1 + random.nextInt(60_000_00)).toString(), PAID);
            };
            List<Object> after = tryCommand(fixture, history, command);
            if (after != null) {
                history = after;
                assertNothingUnapprovedAccepted(history);
            }
        }
        // how far the tries got: some proposals approved, and paid or publicised after
        boolean approved = history.stream().anyMatch(e -> e instanceof CashRewardDecided);
        boolean settled = history.stream().anyMatch(e -> e instanceof RewardPaid || e instanceof PublicityRecorded);
        Statistics.label("approved").collect(approved);
        Statistics.label("paid or publicised").collect(settled);
    }

    /** Mostly the answer the decision waits for, sometimes any level: the refusals are tried too. */
    private static LedgerCommand answer(String decisionId, String approvalId, List<Object> history, Random random) {
        ApprovalLevel level = ContractState.replay(history).approvals().nextLevel(decisionId)
                .filter(next -> random.nextInt(4) > 0)
                .orElse(ApprovalLevel.values()[random.nextInt(ApprovalLevel.values().length)]);
        return new ApproveRewardDecision(CONTRACT, decisionId, approvalId, random.nextInt(6) > 0, DECIDED, null,
                random.nextInt(4) > 0 ? "M-1" : null, level);
    }

    private static LedgerCommand decide(String decisionId, Random random) {
        long aliceFen = 1 + random.nextInt(random.nextBoolean() ? 60_000_00 : 900_000_00);
        long bobFen = random.nextInt((int) Math.min(aliceFen + 1, Integer.MAX_VALUE));
        Money total = Money.ofFen(aliceFen + bobFen);
        List<Allocation> allocations = bobFen == 0 ? List.of(new Allocation(ALICE.personId(), Money.ofFen(aliceFen)))
                : List.of(new Allocation(ALICE.personId(), Money.ofFen(aliceFen)),
                new Allocation(BOB.personId(), Money.ofFen(bobFen)));
        return new org.techtransfer.ledger.reward.DecideCashReward(CONTRACT, decisionId, DECIDED, total, allocations, null);
    }

    /** The history after the command, or null when it was refused. */
    private static List<Object> tryCommand(AggregateTestFixture<TechnologyContract> fixture, List<Object> history,
                                           LedgerCommand command) {
        List<Object> recorded = new ArrayList<>();
        boolean[] refused = {false};
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RuleViolation | org.techtransfer.ledger.rule.EntryIdInUse e) {
                refused[0] = true;
                throw e;
            }
        });
        try {
            fixture.given(history).when(command);
        } catch (AssertionError ignored) {
            // the fixture finds nothing to assert here
        }
        if (refused[0]) {
            return null;
        }
        fixture.getEventStore().readEvents(CONTRACT).asStream().map(EventMessage::getPayload).forEach(recorded::add);
        return recorded;
    }

    private static void assertNothingUnapprovedAccepted(List<Object> history) {
        Map<String, CashRewardProposed> proposed = new HashMap<>();
        Map<String, List<DecisionApprovalRecorded>> answers = new HashMap<>();
        Map<String, CashRewardDecided> counting = new HashMap<>();
        Map<String, Money> paid = new HashMap<>();
        for (Object event : history) {
            if (event instanceof CashRewardProposed p) {
                proposed.put(p.decisionId(), p);
                answers.put(p.decisionId(), new ArrayList<>());
            } else if (event instanceof DecisionApprovalRecorded a) {
                answers.get(a.decisionId()).add(a);
            } else if (event instanceof CashRewardDecided d) {
                CashRewardProposed p = proposed.get(d.decisionId());
                if (p != null) { // routed: approved by every level, in order, none rejecting
                    assertThat(answers.get(d.decisionId())).allMatch(DecisionApprovalRecorded::approved)
                            .extracting(DecisionApprovalRecorded::level).containsExactlyElementsOf(p.route().levels());
                }
                counting.put(d.decisionId(), d);
            } else if (event instanceof PublicityRecorded n) {
                assertThat(counting).as("notice %s of decision %s", n.noticeId(), n.decisionId())
                        .containsKey(n.decisionId());
            } else if (event instanceof RewardPaid r) {
                Money after = paid.merge(r.personId(), r.amount(), Money::plus);
                Money allocated = counting.values().stream().flatMap(d -> d.allocations().stream())
                        .filter(a -> a.personId().equals(r.personId())).map(Allocation::amount)
                        .reduce(Money.ZERO, Money::plus);
                assertThat(after.isGreaterThan(allocated)).as("payment %s", r.paymentId()).isFalse();
            }
        }
    }
}
