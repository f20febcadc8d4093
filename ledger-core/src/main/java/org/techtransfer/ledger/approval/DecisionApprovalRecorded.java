package org.techtransfer.ledger.approval;

import java.time.LocalDate;

/** A level approved or rejected a proposed reward decision; {@code approver} is the person who answered. */
public record DecisionApprovalRecorded(String contractId, String approvalId, String decisionId, ApprovalLevel level,
                                       boolean approved, LocalDate on, String note, String minutesRef,
                                       String approver) {
}
