package org.techtransfer.ledger.reward;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/** Decides how many of the shares received go to contributors, and to whom. */
public record DecideEquityReward(@TargetAggregateIdentifier String contractId, String decisionId, LocalDate decidedOn,
                                 long totalShares, List<ShareAllocation> allocations) {

    public DecideEquityReward {
        Require.id(contractId, "contractId");
        Require.id(decisionId, "decisionId");
        Require.present(decidedOn, "decidedOn");
        Require.positive(totalShares, "totalShares");
        allocations = Require.distinct(allocations, ShareAllocation::personId, "allocations");
    }
}
