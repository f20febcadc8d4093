package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Records the publicity notice of a reward decision on the implementation, as on a contract. */
public record PublicizeImplementationReward(String implementationId, String noticeId, String decisionId,
                                            LocalDate from, LocalDate to) implements LedgerCommand {

    public PublicizeImplementationReward {
        Require.id(implementationId, "implementationId");
        Require.id(noticeId, "noticeId");
        Require.id(decisionId, "decisionId");
        Require.present(from, "from");
        Require.present(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidField("to", "must not be before from");
        }
    }

    @Override
    public String aggregateId() {
        return Implementation.streamOf(implementationId);
    }

    @Override
    public String ownId() {
        return noticeId;
    }
}
