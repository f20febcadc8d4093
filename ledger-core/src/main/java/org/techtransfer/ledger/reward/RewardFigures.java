package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/**
 * A contract's reward position on one day, as {@link RewardBook} computes it.
 *
 * @param outstanding what remains to pay of the required reward, never below zero
 * @param dueBy       the deadline of the oldest unpaid obligation, or {@code null} when nothing is owed
 */
public record RewardFigures(Money income, Money deductibleCosts, Money netIncome,
                            Money requiredReward, Money rewardDecided, Money rewardPaid, Money outstanding,
                            RewardStatus rewardStatus, LocalDate dueBy,
                            long sharesReceived, long requiredShares, long sharesAllocated) {
}
