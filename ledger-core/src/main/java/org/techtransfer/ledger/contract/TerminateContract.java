package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

public record TerminateContract(String contractId, LocalDate terminatedOn, String reason) implements LedgerCommand {

    public TerminateContract {
        Require.id(contractId, "contractId");
        Require.present(terminatedOn, "terminatedOn");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return contractId;
    }
}
