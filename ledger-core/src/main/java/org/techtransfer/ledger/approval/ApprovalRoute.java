package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * The approvals a proposed reward decision needs, in order, under the policy in force on its date, and who
 * proposed it (who may not approve it).
 */
public record ApprovalRoute(String policyId, List<ApprovalLevel> levels, String proposedBy) {

    /**
     * The route of a decision worth {@code amount} under {@code policy}; empty without a policy or when the
     * amount is below every step, and the decision is then approved when recorded.
     */
    public static Optional<ApprovalRoute> of(Optional<ApprovalPolicySet> policy, Money amount, String proposedBy) {
        return policy.map(p -> new ApprovalRoute(p.policyId(), p.levelsFor(amount), proposedBy))
                .filter(route -> !route.levels().isEmpty());
    }
}
