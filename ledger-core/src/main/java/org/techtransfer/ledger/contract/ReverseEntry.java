package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

/** Takes back an income, cost, equity receipt or payment recorded by mistake; the entry itself stays. */
public record ReverseEntry(String contractId, String reversalId, String entryId,
                           String reason) implements LedgerCommand {

    public ReverseEntry {
        Require.id(contractId, "contractId");
        Require.id(reversalId, "reversalId");
        Require.id(entryId, "entryId");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return reversalId;
    }
}
