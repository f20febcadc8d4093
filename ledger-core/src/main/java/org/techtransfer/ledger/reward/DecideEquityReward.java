package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/** Decides how many of the shares received go to contributors, and to whom. */
public record DecideEquityReward(String contractId, String decisionId, LocalDate decidedOn,
                                 long totalShares, List<ShareAllocation> allocations) implements LedgerCommand {

    public DecideEquityReward {
        Require.id(contractId, "contractId");
        Require.id(decisionId, "decisionId");
        Require.present(decidedOn, "decidedOn");
        Require.positive(totalShares, "totalShares");
        allocations = Require.distinct(allocations, ShareAllocation::personId, "allocations");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return decisionId;
    }
}
