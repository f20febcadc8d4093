package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/**
 * Decides how many of the shares received go to contributors, and to whom.
 *
 * @param institutionId the co-owner whose decision it is, on its own share and under its own policy (docs/domain.md,
 *                      "Co-owned achievements"); absent for the seller's
 */
public record DecideEquityReward(String contractId, String decisionId, LocalDate decidedOn,
                                 long totalShares, List<ShareAllocation> allocations,
                                 String institutionId) implements LedgerCommand {

    public DecideEquityReward {
        Require.id(contractId, "contractId");
        if (institutionId != null) {
            Require.id(institutionId, "institutionId");
        }
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
