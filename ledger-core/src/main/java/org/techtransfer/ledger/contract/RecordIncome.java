package org.techtransfer.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

public record RecordIncome(@TargetAggregateIdentifier String contractId, String incomeId, Money amount,
                           LocalDate receivedOn, IncomeCategory category) {

    public RecordIncome {
        Require.id(contractId, "contractId");
        Require.id(incomeId, "incomeId");
        Require.positive(amount, "amount");
        Require.present(receivedOn, "receivedOn");
        Require.present(category, "category");
    }
}
