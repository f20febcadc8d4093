package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/** Decides a cash reward on a contract and how it is split among its contributors. */
public record DecideCashReward(String contractId, String decisionId, LocalDate decidedOn,
                               Money total, List<Allocation> allocations) implements LedgerCommand {

    public DecideCashReward {
        Require.id(contractId, "contractId");
        Require.id(decisionId, "decisionId");
        Require.present(decidedOn, "decidedOn");
        Require.positive(total, "total");
        allocations = Require.distinct(allocations, Allocation::personId, "allocations");
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
