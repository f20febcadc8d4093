package org.techtransfer.ledger.receivable;

/** What a receivable comes from. */
public enum ReceivableKind {
    INSTALMENT,
    MILESTONE,
    /** The royalty on a sales report. */
    ROYALTY,
    /** The shortfall of a year's royalties below the minimum annual royalty. */
    MINIMUM_ROYALTY
}
