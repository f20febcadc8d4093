package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

/** Corrects the contract's amounts; the statistics count the amounts in force after it. */
public record AmendContract(String contractId, String amendmentId, Money totalAmount,
                            Money technologyAmount, String reason) implements LedgerCommand {

    public AmendContract {
        Require.id(contractId, "contractId");
        Require.id(amendmentId, "amendmentId");
        Require.positive(totalAmount, "totalAmount");
        Require.positive(technologyAmount, "technologyAmount");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return amendmentId;
    }
}
