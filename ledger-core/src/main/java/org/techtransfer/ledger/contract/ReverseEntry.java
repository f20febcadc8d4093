package org.techtransfer.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.techtransfer.ledger.rule.Require;

/** Takes back an income, cost, equity receipt or payment recorded by mistake; the entry itself stays. */
public record ReverseEntry(@TargetAggregateIdentifier String contractId, String reversalId, String entryId,
                           String reason) {

    public ReverseEntry {
        Require.id(contractId, "contractId");
        Require.id(reversalId, "reversalId");
        Require.id(entryId, "entryId");
        Require.text(reason, "reason");
    }
}
