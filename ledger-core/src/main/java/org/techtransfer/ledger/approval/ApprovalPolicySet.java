package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** An institution's approval policy, in force from {@code effectiveFrom} until a later one. */
public record ApprovalPolicySet(String institutionId, String policyId, LocalDate effectiveFrom,
                                List<ApprovalStep> steps) {

    /** The levels a decision worth {@code amount} needs, in the policy's order: each step whose {@code from} it reaches. */
    public List<ApprovalLevel> levelsFor(Money amount) {
        return steps.stream().filter(s -> !amount.isLessThan(s.from())).map(ApprovalStep::level).toList();
    }
}
