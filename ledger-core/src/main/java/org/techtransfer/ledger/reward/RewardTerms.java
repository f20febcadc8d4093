package org.techtransfer.ledger.reward;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The reward terms one contract is held to, fixed when it is registered and recorded in its
 * {@code ContractRegistered} event, so that a replay never depends on today's policy table.
 */
public record RewardTerms(String policyId, BigDecimal cashRate, BigDecimal shareRate, int deadlineMonths) {

    public RewardTerms {
        Objects.requireNonNull(policyId, "policyId");
        RewardPolicy.requireRate(cashRate, "cashRate");
        RewardPolicy.requireRate(shareRate, "shareRate");
        if (deadlineMonths < 1) {
            throw new IllegalArgumentException("deadlineMonths must be at least 1");
        }
    }
}
