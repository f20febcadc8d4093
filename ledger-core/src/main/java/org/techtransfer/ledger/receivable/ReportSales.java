package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * The licensee's report of its net sales over a period (within one calendar year, the year its royalty counts
 * towards the minimum). A period without sales is reported with zero.
 */
public record ReportSales(String contractId, String reportId, LocalDate periodFrom, LocalDate periodTo,
                          Money netSales) implements LedgerCommand {

    public ReportSales {
        Require.id(contractId, "contractId");
        Require.id(reportId, "reportId");
        Require.present(periodFrom, "periodFrom");
        Require.present(periodTo, "periodTo");
        Require.present(netSales, "netSales");
        if (netSales.isNegative()) {
            throw new InvalidField("netSales", "must not be negative");
        }
        if (periodTo.isBefore(periodFrom)) {
            throw new InvalidField("periodTo", "must not be before periodFrom");
        }
        if (periodTo.getYear() != periodFrom.getYear()) {
            throw new InvalidField("periodTo", "must be in the year of periodFrom (report a year's sales apart)");
        }
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return reportId;
    }
}
