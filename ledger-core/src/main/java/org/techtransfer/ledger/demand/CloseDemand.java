package org.techtransfer.ledger.demand;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Closes a demand to further matches, with the reason; the outcomes of its matches may still be recorded. */
public record CloseDemand(String demandId, LocalDate closedOn, String reason) implements LedgerCommand {

    public CloseDemand {
        Require.id(demandId, "demandId");
        Require.present(closedOn, "closedOn");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return TechnologyDemand.streamOf(demandId);
    }

    @Override
    public String ownId() {
        return demandId;
    }
}
