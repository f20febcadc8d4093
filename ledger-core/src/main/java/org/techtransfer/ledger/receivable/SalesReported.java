package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/** A licensee's sales report, with the royalty it makes due, computed by the terms in force when reported. */
public record SalesReported(String contractId, String reportId, LocalDate periodFrom, LocalDate periodTo,
                            Money netSales, Money royalty, LocalDate royaltyDueOn) {
}
