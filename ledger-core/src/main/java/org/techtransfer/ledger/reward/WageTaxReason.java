package org.techtransfer.ledger.reward;

/**
 * The condition of the reduced wage tax (Caishui [2018] No. 58) that a cash payment fails, in the order
 * they are checked: a payment is tagged with the first that fails.
 */
public enum WageTaxReason {
    /** The seller is not a non-profit university or research institute. */
    SELLER_NOT_NON_PROFIT,
    /** The contract is not a licence or an assignment (an equity investment, development, consulting, service). */
    NOT_LICENSE_OR_ASSIGNMENT,
    /** A trade secret, know-how, other or unknown kind of intellectual property. */
    IP_KIND_EXCLUDED,
    /** No publicity notice recorded, by the payment, for a decision that allocated to the person. */
    NO_PUBLICITY,
    /** The receipt of the income the payment settles is more than 36 months before the payment. */
    OUTSIDE_36_MONTHS,
    /** Paid before the notice took effect. */
    BEFORE_2018_07_01,
    /**
     * A self-implementation's reward (issue 15): the notice covers rewards from transferring or licensing an
     * achievement, and self-implementation is neither; no other condition is looked at.
     */
    SELF_IMPLEMENTATION
}
