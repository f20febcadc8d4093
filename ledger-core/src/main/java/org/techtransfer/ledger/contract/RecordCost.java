package org.techtransfer.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Records a cost deductible from income: a tax, maintenance of the achievement, or a transaction cost. */
public record RecordCost(@TargetAggregateIdentifier String contractId, String costId, Money amount,
                         LocalDate incurredOn, CostCategory category) {

    public RecordCost {
        Require.id(contractId, "contractId");
        Require.id(costId, "costId");
        Require.positive(amount, "amount");
        Require.present(incurredOn, "incurredOn");
        Require.present(category, "category");
    }
}
