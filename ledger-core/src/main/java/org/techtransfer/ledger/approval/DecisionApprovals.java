package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * The reward decisions of one contract that were routed for approval: their route, the answers so far and
 * where each stands, with the checks of an approval and of what only an approved decision allows (publicity,
 * payment). A decision decided outright (no policy, or below every step) never enters here.
 */
public final class DecisionApprovals {

    private final Map<String, CashRewardProposed> cash = new LinkedHashMap<>();
    private final Map<String, EquityRewardProposed> equity = new LinkedHashMap<>();
    private final Map<String, List<DecisionApprovalRecorded>> answers = new LinkedHashMap<>();
    /** The latest equity receipt, whose valuation prices the shares of an equity decision. */
    private long receiptShares;
    private Money receiptValuation = Money.ZERO;

    /** A routed decision as the contract shows it. */
    public record Decision(String decisionId, LocalDate decidedOn, Money total, Long totalShares, Money value,
                           ApprovalRoute route, DecisionStatus status, ApprovalLevel nextLevel,
                           List<DecisionApprovalRecorded> approvals) {
    }

    // ---- recording what happened ----

    public void propose(CashRewardProposed proposal) {
        cash.put(proposal.decisionId(), proposal);
        answers.put(proposal.decisionId(), new ArrayList<>());
    }

    public void propose(EquityRewardProposed proposal) {
        equity.put(proposal.decisionId(), proposal);
        answers.put(proposal.decisionId(), new ArrayList<>());
    }

    public void record(DecisionApprovalRecorded answer) {
        answers.get(answer.decisionId()).add(answer);
    }

    public void receiveEquity(long shares, Money valuation) {
        receiptShares = shares;
        receiptValuation = valuation;
    }

    // ---- checks ----

    /**
     * The answer of {@code approver} at {@code level}: only to an open proposal, only by the next level of its
     * route, never by its proposer or an earlier approver, with the minutes at the president's office meeting.
     *
     * @param decidedOutright whether the contract has the decision as decided without a route
     */
    public void checkAnswer(String decisionId, ApprovalLevel level, String approver, String minutesRef,
                            boolean decidedOutright) {
        refuseIf(!answers.containsKey(decisionId) && !decidedOutright, Rule.UNKNOWN_ENTRY,
                "no reward decision '" + decisionId + "' on this contract", decisionId);
        DecisionStatus status = statusOf(decisionId).orElse(DecisionStatus.APPROVED);
        refuseIf(status != DecisionStatus.PROPOSED, Rule.DECISION_CLOSED,
                "decision '" + decisionId + "' is " + status + ": it takes no more approvals", decisionId, status);
        ApprovalLevel next = nextLevel(decisionId).orElseThrow();
        refuseIf(level != next, Rule.NOT_THE_NEXT_APPROVER, "decision '" + decisionId + "' waits for " + next
                + "; an approver at " + level + " cannot answer it now", decisionId, next, level);
        ApprovalRoute route = route(decisionId);
        Set<String> earlier = answers.get(decisionId).stream().map(DecisionApprovalRecorded::approver)
                .collect(Collectors.toSet());
        refuseIf(approver.equals(route.proposedBy()) || earlier.contains(approver), Rule.SAME_PERSON,
                approver + " proposed decision '" + decisionId + "' or approved an earlier step of it; another "
                        + "person must approve", approver, decisionId);
        refuseIf(level.needsMinutes() && minutesRef == null, Rule.MINUTES_REQUIRED,
                "an approval by the president's office meeting names its minutes (minutesRef)", decisionId);
    }

    /** Publicity is of a decision that stands approved: refused while it is proposed, or once rejected. */
    public void checkApproved(String decisionId) {
        statusOf(decisionId).filter(s -> s != DecisionStatus.APPROVED).ifPresent(s -> {
            throw new RuleViolation(Rule.DECISION_NOT_APPROVED,
                    "decision '" + decisionId + "' is " + s + ", not approved", decisionId, s);
        });
    }

    /**
     * A payment beyond what approved decisions allocated to the person, which a decision not approved would
     * allocate: refused as not approved (beyond both, the contract refuses it as exceeding the allocation).
     */
    public void checkPayable(String personId, Money paidAfter, Money allocatedApproved) {
        Money notApproved = Money.ZERO;
        for (CashRewardProposed p : cash.values()) {
            if (statusOf(p.decisionId()).orElseThrow() != DecisionStatus.APPROVED) {
                for (Allocation a : p.allocations()) {
                    if (a.personId().equals(personId)) {
                        notApproved = notApproved.plus(a.amount());
                    }
                }
            }
        }
        refuseIf(paidAfter.isGreaterThan(allocatedApproved) && notApproved.isPositive(), Rule.DECISION_NOT_APPROVED,
                personId + " would be paid " + paidAfter + "; approved decisions allocated " + allocatedApproved
                        + ", and " + notApproved + " more is in decisions not approved", personId, paidAfter,
                allocatedApproved, notApproved);
    }

    // ---- figures ----

    /** Where a routed decision stands; empty for a decision that was never routed. */
    public Optional<DecisionStatus> statusOf(String decisionId) {
        List<DecisionApprovalRecorded> given = answers.get(decisionId);
        if (given == null) {
            return Optional.empty();
        }
        if (given.stream().anyMatch(a -> !a.approved())) {
            return Optional.of(DecisionStatus.REJECTED);
        }
        return Optional.of(given.size() == route(decisionId).levels().size()
                ? DecisionStatus.APPROVED : DecisionStatus.PROPOSED);
    }

    /** The level a proposed decision waits for; empty once it is closed. */
    public Optional<ApprovalLevel> nextLevel(String decisionId) {
        return statusOf(decisionId).filter(s -> s == DecisionStatus.PROPOSED)
                .map(s -> route(decisionId).levels().get(answers.get(decisionId).size()));
    }

    /** The decided event that a decision's last approval makes count, once it is approved; empty before. */
    public Optional<Object> decidedOnceApproved(String decisionId) {
        if (statusOf(decisionId).orElse(null) != DecisionStatus.APPROVED) {
            return Optional.empty();
        }
        CashRewardProposed c = cash.get(decisionId);
        return Optional.of(c != null ? c.decided() : equity.get(decisionId).decided());
    }

    /** {@code shares} valued at the latest receipt's valuation, to the fen (half up); zero before any receipt. */
    public Money equityValue(long shares) {
        if (receiptShares == 0) {
            return Money.ZERO;
        }
        return Money.ofFen(BigDecimal.valueOf(receiptValuation.fen()).multiply(BigDecimal.valueOf(shares))
                .divide(BigDecimal.valueOf(receiptShares), 0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The cash of the proposals still waiting: pending, not yet decided. */
    public Money pendingCash() {
        return cash.values().stream().filter(p -> statusOf(p.decisionId()).orElseThrow() == DecisionStatus.PROPOSED)
                .map(CashRewardProposed::total).reduce(Money.ZERO, Money::plus);
    }

    /** The shares of the equity proposals still waiting. */
    public long pendingShares() {
        return equity.values().stream().filter(p -> statusOf(p.decisionId()).orElseThrow() == DecisionStatus.PROPOSED)
                .mapToLong(EquityRewardProposed::totalShares).sum();
    }

    /** Every routed decision, in order of proposal, cash first. */
    public List<Decision> decisions() {
        List<Decision> list = new ArrayList<>();
        cash.values().forEach(p -> list.add(new Decision(p.decisionId(), p.decidedOn(), p.total(), null, p.total(),
                p.route(), statusOf(p.decisionId()).orElseThrow(), nextLevel(p.decisionId()).orElse(null),
                List.copyOf(answers.get(p.decisionId())))));
        equity.values().forEach(p -> list.add(new Decision(p.decisionId(), p.decidedOn(), null, p.totalShares(),
                p.value(), p.route(), statusOf(p.decisionId()).orElseThrow(), nextLevel(p.decisionId()).orElse(null),
                List.copyOf(answers.get(p.decisionId())))));
        return list;
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }

    private ApprovalRoute route(String decisionId) {
        CashRewardProposed c = cash.get(decisionId);
        return c != null ? c.route() : equity.get(decisionId).route();
    }

    // ---- snapshots ----

    /** The routed decisions and their answers, in order, and the latest equity receipt. */
    public record Snapshot(List<CashRewardProposed> cash, List<EquityRewardProposed> equity,
                           List<DecisionApprovalRecorded> answers, long receiptShares, Money receiptValuation) {
    }

    public Snapshot snapshot() {
        return new Snapshot(List.copyOf(cash.values()), List.copyOf(equity.values()),
                answers.values().stream().flatMap(List::stream).toList(), receiptShares, receiptValuation);
    }

    public static DecisionApprovals restore(Snapshot s) {
        DecisionApprovals approvals = new DecisionApprovals();
        if (s == null) {
            return approvals;
        }
        s.cash().forEach(approvals::propose);
        s.equity().forEach(approvals::propose);
        s.answers().forEach(approvals::record);
        approvals.receiveEquity(s.receiptShares(), s.receiptValuation());
        return approvals;
    }
}
