package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

/**
 * Corrects the operating profit of a year already recorded, with the reason (the accounts restated, a figure
 * mistyped): the year then stands with the corrected profit, and the reward owed follows.
 */
public record CorrectOperatingProfit(String implementationId, String correctionId, int year, Money operatingProfit,
                                     String reason) implements LedgerCommand {

    public CorrectOperatingProfit {
        Require.id(implementationId, "implementationId");
        Require.id(correctionId, "correctionId");
        Require.present(operatingProfit, "operatingProfit");
        if (operatingProfit.isNegative()) {
            throw new InvalidField("operatingProfit", "must not be negative (record a loss as 0)");
        }
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return Implementation.streamOf(implementationId);
    }

    @Override
    public String ownId() {
        return correctionId;
    }
}
