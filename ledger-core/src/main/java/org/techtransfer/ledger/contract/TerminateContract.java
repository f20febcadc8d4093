package org.techtransfer.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

public record TerminateContract(@TargetAggregateIdentifier String contractId, LocalDate terminatedOn, String reason) {

    public TerminateContract {
        Require.id(contractId, "contractId");
        Require.present(terminatedOn, "terminatedOn");
        Require.text(reason, "reason");
    }
}
