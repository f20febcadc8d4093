package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

/**
 * Takes back a cash or equity reward decision made by mistake, while nothing it allocated has been paid.
 * To supersede a decision, withdraw it and decide again.
 *
 * @param institutionId the co-owner whose own decision it is (docs/domain.md, "Co-owned achievements"); absent for
 *                      the seller's
 */
public record WithdrawRewardDecision(String contractId, String withdrawalId, String decisionId,
                                     String reason, String institutionId) implements LedgerCommand {

    public WithdrawRewardDecision {
        Require.id(contractId, "contractId");
        if (institutionId != null) {
            Require.id(institutionId, "institutionId");
        }
        Require.id(withdrawalId, "withdrawalId");
        Require.id(decisionId, "decisionId");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return withdrawalId;
    }
}
