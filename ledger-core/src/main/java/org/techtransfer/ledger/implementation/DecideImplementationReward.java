package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/** Decides a cash reward from the implementation's profits, split among its contributors, as on a contract. */
public record DecideImplementationReward(String implementationId, String decisionId, LocalDate decidedOn, Money total,
                                         List<Allocation> allocations) implements LedgerCommand {

    public DecideImplementationReward {
        Require.id(implementationId, "implementationId");
        Require.id(decisionId, "decisionId");
        Require.present(decidedOn, "decidedOn");
        Require.positive(total, "total");
        allocations = Require.distinct(allocations, Allocation::personId, "allocations");
    }

    @Override
    public String aggregateId() {
        return Implementation.streamOf(implementationId);
    }

    @Override
    public String ownId() {
        return decisionId;
    }
}
