package org.techtransfer.ledger.reward;

/** The entries of a contract that a reversal can take back. */
public enum EntryType {
    INCOME,
    COST,
    EQUITY,
    PAYMENT
}
