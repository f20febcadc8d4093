package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

/**
 * Takes back an income, cost, equity receipt or payment recorded by mistake; the entry itself stays.
 *
 * @param institutionId the co-owner whose own payment it takes back (docs/domain.md, "Co-owned achievements");
 *                      absent for the seller's entries
 */
public record ReverseEntry(String contractId, String reversalId, String entryId,
                           String reason, String institutionId) implements LedgerCommand {

    public ReverseEntry {
        Require.id(contractId, "contractId");
        if (institutionId != null) {
            Require.id(institutionId, "institutionId");
        }
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
