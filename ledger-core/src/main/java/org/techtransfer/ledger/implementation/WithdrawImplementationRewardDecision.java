package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

/**
 * Takes back a reward decision on the implementation made by mistake, while nothing it allocated has been paid, as
 * on a contract. To supersede a decision, withdraw it and decide again.
 */
public record WithdrawImplementationRewardDecision(String implementationId, String withdrawalId, String decisionId,
                                                   String reason) implements LedgerCommand {

    public WithdrawImplementationRewardDecision {
        Require.id(implementationId, "implementationId");
        Require.id(withdrawalId, "withdrawalId");
        Require.id(decisionId, "decisionId");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return Implementation.streamOf(implementationId);
    }

    @Override
    public String ownId() {
        return withdrawalId;
    }
}
