package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

/**
 * A year's operating profit from the implementation, as its accounts give it, years in order from the year
 * production started; a year of loss is recorded as zero. Its id is the year's: a year is recorded once.
 */
public record RecordOperatingProfit(String implementationId, int year, Money operatingProfit) implements LedgerCommand {

    public RecordOperatingProfit {
        Require.id(implementationId, "implementationId");
        if (year < 1980 || year > 2200) {
            throw new InvalidField("year", "must be a year between 1980 and 2200");
        }
        Require.present(operatingProfit, "operatingProfit");
        if (operatingProfit.isNegative()) {
            throw new InvalidField("operatingProfit", "must not be negative (record a loss as 0)");
        }
    }

    @Override
    public String aggregateId() {
        return Implementation.streamOf(implementationId);
    }

    @Override
    public String ownId() {
        return "profit-" + year;
    }
}
