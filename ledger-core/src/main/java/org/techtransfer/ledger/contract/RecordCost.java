package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Records a cost deductible from income: a tax, maintenance of the achievement, or a transaction cost. */
public record RecordCost(String contractId, String costId, Money amount,
                         LocalDate incurredOn, CostCategory category) implements LedgerCommand {

    public RecordCost {
        Require.id(contractId, "contractId");
        Require.id(costId, "costId");
        Require.positive(amount, "amount");
        Require.present(incurredOn, "incurredOn");
        Require.present(category, "category");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return costId;
    }
}
