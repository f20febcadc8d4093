package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * Records that the event a milestone payment awaits has happened: the instalment is then due on that date, as a
 * milestone given its date in the terms is.
 *
 * @param reachedId   the record's own id
 * @param instalmentId the milestone instalment of the contract's payment terms
 * @param note        optional, e.g. the approval's number
 */
public record RecordMilestoneReached(String contractId, String reachedId, String instalmentId, LocalDate reachedOn,
                                     String note) implements LedgerCommand {

    public RecordMilestoneReached {
        Require.id(contractId, "contractId");
        Require.id(reachedId, "reachedId");
        Require.id(instalmentId, "instalmentId");
        Require.present(reachedOn, "reachedOn");
        if (note != null) {
            Require.text(note, "note");
        }
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return reachedId;
    }
}
