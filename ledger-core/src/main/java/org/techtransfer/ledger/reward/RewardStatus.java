package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/** Where a contract stands against its cash reward obligation (docs/domain.md, "Statuses"). */
public enum RewardStatus {
    /** The required reward is zero. */
    NOTHING_DUE,
    /** Paid at least the required reward. */
    COMPLIANT,
    /** Something is owed and its deadline has not passed. */
    OUTSTANDING,
    /** Something is owed and today is after {@code dueBy}. */
    OVERDUE;

    /**
     * The status on {@code today}. It moves with time alone: a contract becomes OVERDUE the day after
     * {@code dueBy} without any new event, which is why read models store {@code dueBy} and ask here.
     */
    public static RewardStatus of(Money required, Money paid, LocalDate dueBy, LocalDate today) {
        if (required.isZero()) {
            return NOTHING_DUE;
        }
        if (!paid.isLessThan(required)) {
            return COMPLIANT;
        }
        return today.isAfter(dueBy) ? OVERDUE : OUTSTANDING;
    }

    /**
     * Where a contract stands against its share obligation: shares are decided, not paid, so what counts is
     * what was allocated. No rule sets a deadline for them, so this is never OVERDUE.
     */
    public static RewardStatus ofShares(long requiredShares, long sharesAllocated) {
        if (requiredShares == 0) {
            return NOTHING_DUE;
        }
        return sharesAllocated >= requiredShares ? COMPLIANT : OUTSTANDING;
    }
}
