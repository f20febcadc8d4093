package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.money.Money;

import java.util.List;

/**
 * What a contract's payment terms make it expect, on a given day: distinct from the reward obligations, which
 * follow what was received.
 *
 * @param expected       every instalment, milestone payment, reported royalty and minimum-royalty shortfall
 * @param received       the receipts that settle them (income received, reimbursements of costs left out), up to
 *                       what is expected
 * @param outstanding    expected less received
 * @param overdue        the part of the outstanding whose due date has passed
 * @param forecastReward the personnel reward the outstanding would add to the required reward when received, at
 *                       today's costs, computed by the contract's RewardBook
 * @param unscheduled    receipts beyond what the terms expect
 */
public record Receivables(boolean hasTerms, Money expected, Money received, Money outstanding, Money overdue,
                          Money forecastReward, Money unscheduled, List<Receivable> items) {
}
