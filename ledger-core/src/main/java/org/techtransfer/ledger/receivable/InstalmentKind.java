package org.techtransfer.ledger.receivable;

/** How a scheduled payment falls due: on a date, or when a milestone of the deal is reached. */
public enum InstalmentKind {
    /** A fixed instalment (首付款, 分期付款): due on its date. */
    FIXED,
    /** A milestone payment (里程碑付款): due on its date, or awaiting the event it names. */
    MILESTONE
}
