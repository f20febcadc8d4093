package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * An approver's answer to a proposed reward decision: approved or rejected, on {@code on}, at {@code level},
 * the approver's own (the service takes it from the account, never from the request).
 *
 * @param minutesRef the minutes of the president's office meeting; required at that level
 */
public record ApproveRewardDecision(String contractId, String decisionId, String approvalId, Boolean approved,
                                    LocalDate on, String note, String minutesRef, ApprovalLevel level)
        implements LedgerCommand {

    public ApproveRewardDecision {
        Require.id(contractId, "contractId");
        Require.id(decisionId, "decisionId");
        Require.id(approvalId, "approvalId");
        Require.present(approved, "approved");
        Require.present(on, "on");
        Require.present(level, "level");
        // a form's empty field is no note, no minutes
        note = note == null || note.isBlank() ? null : Require.text(note, "note");
        minutesRef = minutesRef == null || minutesRef.isBlank() ? null : Require.text(minutesRef, "minutesRef");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return approvalId;
    }
}
