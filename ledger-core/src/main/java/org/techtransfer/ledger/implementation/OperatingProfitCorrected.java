package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.money.Money;

/**
 * A year's operating profit, recorded before, was corrected: the year stands with {@code operatingProfit} from now
 * on. Which years are rewarded and what each owes follow from the profits that stand ({@link ImplementationState}).
 *
 * @param previousProfit the profit the year stood with until then
 */
public record OperatingProfitCorrected(String implementationId, String correctionId, int year, Money previousProfit,
                                       Money operatingProfit, String reason) {
}
