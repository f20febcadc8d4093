package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/**
 * Decides a cash reward on a contract and how it is split among its contributors.
 *
 * @param institutionId the co-owner whose decision it is, on its own share and under its own policy (docs/domain.md,
 *                      "Co-owned achievements"); absent for the seller's
 */
public record DecideCashReward(String contractId, String decisionId, LocalDate decidedOn,
                               Money total, List<Allocation> allocations,
                               String institutionId) implements LedgerCommand {

    public DecideCashReward {
        Require.id(contractId, "contractId");
        if (institutionId != null) {
            Require.id(institutionId, "institutionId");
        }
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
