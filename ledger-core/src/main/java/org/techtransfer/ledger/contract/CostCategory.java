package org.techtransfer.ledger.contract;

/** Costs deducted from income to give net income (Beijing Regulations 2019, Art. 12). */
public enum CostCategory {
    /** Taxes on the transaction. */
    TAX,
    /** Maintaining the achievement: patent fees, maintenance. */
    MAINTENANCE,
    /** Direct transaction costs: evaluation, appraisal, negotiation, agency. */
    TRANSACTION
}
