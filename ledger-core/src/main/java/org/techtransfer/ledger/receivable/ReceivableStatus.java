package org.techtransfer.ledger.receivable;

/** Where a receivable stands on a given day. */
public enum ReceivableStatus {
    /** Received in full. */
    RECEIVED,
    /** Not (fully) received, and its due date has not passed. */
    NOT_YET_DUE,
    /** Not (fully) received by its due date. */
    OVERDUE,
    /** A milestone payment whose event has not been given a date. */
    AWAITING_EVENT
}
