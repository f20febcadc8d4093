package org.techtransfer.ledger.reward;

/** Where a contract stands against its cash reward obligation (RULES.md, "Obligations"). */
public enum RewardStatus {
    /** The required reward is zero. */
    NOTHING_DUE,
    /** Paid at least the required reward. */
    COMPLIANT,
    /** Something is owed and its deadline has not passed. */
    OUTSTANDING,
    /** Something is owed and today is after {@code dueBy}. */
    OVERDUE
}
