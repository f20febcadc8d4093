package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

/**
 * Takes back a cash or equity reward decision made by mistake, while nothing it allocated has been paid.
 * To supersede a decision, withdraw it and decide again.
 */
public record WithdrawRewardDecision(String contractId, String withdrawalId, String decisionId,
                                     String reason) implements LedgerCommand {

    public WithdrawRewardDecision {
        Require.id(contractId, "contractId");
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
