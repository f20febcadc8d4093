package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Records that a reward decision was made public from {@code from} to {@code to} (Beijing Art. 13). */
public record RecordPublicity(String contractId, String noticeId, String decisionId,
                              LocalDate from, LocalDate to) implements LedgerCommand {

    public RecordPublicity {
        Require.id(contractId, "contractId");
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
        return contractId;
    }

    @Override
    public String ownId() {
        return noticeId;
    }
}
