package org.techtransfer.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

/** Corrects the contract's amounts; the statistics count the amounts in force after it. */
public record AmendContract(@TargetAggregateIdentifier String contractId, String amendmentId, Money totalAmount,
                            Money technologyAmount, String reason) {

    public AmendContract {
        Require.id(contractId, "contractId");
        Require.id(amendmentId, "amendmentId");
        Require.positive(totalAmount, "totalAmount");
        Require.positive(technologyAmount, "technologyAmount");
        Require.text(reason, "reason");
    }
}
