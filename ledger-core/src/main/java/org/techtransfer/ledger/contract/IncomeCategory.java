package org.techtransfer.ledger.contract;

public enum IncomeCategory {
    UPFRONT,
    MILESTONE,
    ROYALTY,
    INSTALLMENT,
    /** A licensee's reimbursement of patent costs: offsets maintenance in net income, not licence income in statistics. */
    COST_REIMBURSEMENT,
    OTHER
}
