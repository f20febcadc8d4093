package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * Records that a reward decision was made public from {@code from} to {@code to} (Beijing Art. 13).
 *
 * @param institutionId the co-owner whose decision it is, on its own share and under its own policy (docs/domain.md,
 *                      "Co-owned achievements"); absent for the seller's
 */
public record RecordPublicity(String contractId, String noticeId, String decisionId,
                              LocalDate from, LocalDate to, String institutionId) implements LedgerCommand {

    public RecordPublicity {
        Require.id(contractId, "contractId");
        if (institutionId != null) {
            Require.id(institutionId, "institutionId");
        }
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
