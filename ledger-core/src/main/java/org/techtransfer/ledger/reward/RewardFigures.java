package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/**
 * A contract's reward position on one day, as {@link RewardBook} computes it.
 *
 * @param outstanding what remains to pay of the required reward, never below zero
 * @param dueBy       the deadline of the oldest unpaid obligation, or {@code null} when nothing is owed
 * @param sharesOutstanding the required shares not yet allocated, never below zero
 * @param equityStatus      where the contract stands against its share obligation (no deadline: never OVERDUE)
 */
public record RewardFigures(Money income, Money deductibleCosts, Money netIncome,
                            Money requiredReward, Money rewardDecided, Money rewardPaid, Money outstanding,
                            RewardStatus rewardStatus, LocalDate dueBy,
                            long sharesReceived, long requiredShares, long sharesAllocated,
                            long sharesOutstanding, RewardStatus equityStatus) {
}
