package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.money.Money;

/**
 * A year's operating profit.
 *
 * @param counted whether the year is one of the rewarded years
 * @param owed    what the year adds to the reward owed: the increase of the required reward it caused
 */
public record OperatingProfitRecorded(String implementationId, int year, Money operatingProfit, boolean counted,
                                      Money owed) {
}
