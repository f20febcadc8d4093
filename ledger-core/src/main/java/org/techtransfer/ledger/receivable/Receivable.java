package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/**
 * One amount the contract is expected to bring, and how much of it the receipts have settled.
 *
 * @param itemId   the instalment's id, the sales report's id, or {@code MIN-<year>} for a minimum royalty
 * @param dueOn    null for a milestone awaiting its event
 * @param received the part the receipts settle (receipts settle receivables in order of due date)
 */
public record Receivable(String itemId, ReceivableKind kind, Money amount, LocalDate dueOn, String milestone,
                         Money received, ReceivableStatus status) {
}
