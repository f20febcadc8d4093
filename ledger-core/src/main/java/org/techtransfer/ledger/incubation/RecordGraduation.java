package org.techtransfer.ledger.incubation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** An incubated enterprise graduated from its incubator. Once per incubation. */
public record RecordGraduation(String incubationId, LocalDate graduatedOn) implements LedgerCommand {

    public RecordGraduation {
        Require.id(incubationId, "incubationId");
        Require.present(graduatedOn, "graduatedOn");
    }

    @Override
    public String aggregateId() {
        return Incubation.streamOf(incubationId);
    }

    @Override
    public String ownId() {
        return incubationId;
    }
}
