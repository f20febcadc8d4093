package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.rule.Require;

import java.util.List;

/**
 * Replaces the contract's list of contributors, with the reason. Nobody who has been allocated or paid
 * anything may be left out or lose the principal mark, and someone must stay principal.
 *
 * @param contributors the whole list as it is to be, not a difference
 */
public record ChangeContributors(String contractId, String changeId, List<Contributor> contributors,
                                 String reason) implements LedgerCommand {

    public ChangeContributors {
        Require.id(contractId, "contractId");
        Require.id(changeId, "changeId");
        contributors = Require.distinct(contributors, Contributor::personId, "contributors");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return changeId;
    }
}
