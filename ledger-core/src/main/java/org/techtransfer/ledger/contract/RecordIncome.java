package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

public record RecordIncome(String contractId, String incomeId, Money amount,
                           LocalDate receivedOn, IncomeCategory category) implements LedgerCommand {

    public RecordIncome {
        Require.id(contractId, "contractId");
        Require.id(incomeId, "incomeId");
        Require.positive(amount, "amount");
        Require.present(receivedOn, "receivedOn");
        Require.present(category, "category");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return incomeId;
    }
}
