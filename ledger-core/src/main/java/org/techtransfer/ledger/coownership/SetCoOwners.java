package org.techtransfer.ledger.coownership;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.util.List;

/**
 * Records that the achievements the contract concerns are owned by several institutions, the seller among them,
 * and the shares in which they split each receipt, as agreed between them. Set before any income is received.
 */
public record SetCoOwners(String contractId, String coOwnershipId, List<CoOwner> owners) implements LedgerCommand {

    public SetCoOwners {
        Require.id(contractId, "contractId");
        Require.id(coOwnershipId, "coOwnershipId");
        owners = Require.distinct(owners, CoOwner::institutionId, "owners");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return coOwnershipId;
    }
}
