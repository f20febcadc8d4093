package org.techtransfer.ledger.institution;

import org.techtransfer.ledger.approval.ApprovalPolicySet;
import org.techtransfer.ledger.deal.DealNotice;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a contract finds its seller when it is registered (the institution as it was registered), and what the
 * seller recorded of its own process: its deal notices and its approval policies. A source that knows only
 * registrations answers that the institution recorded none, as before issue 23.
 */
public interface Institutions {

    Optional<InstitutionRegistered> find(String institutionId);

    /** The institution's deal notice of that id, if it recorded one. */
    default Optional<DealNotice> dealNotice(String institutionId, String noticeId) {
        return Optional.empty();
    }

    /** The approval policy in force on {@code day}: the one with the latest {@code effectiveFrom} on or before it. */
    default Optional<ApprovalPolicySet> approvalPolicy(String institutionId, LocalDate day) {
        return Optional.empty();
    }
}
