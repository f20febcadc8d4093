package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.approval.ApprovalPolicySet;
import org.techtransfer.ledger.deal.DealNoticeRecorded;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.deal.DealNotice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The institutions a contract can name as seller, as they were registered, with the notices and policies they recorded. */
final class InMemoryInstitutions implements Institutions {

    private final Map<String, InstitutionRegistered> byId = new HashMap<>();
    private final List<DealNoticeRecorded> notices = new ArrayList<>();
    private final List<ApprovalPolicySet> policies = new ArrayList<>();

    InMemoryInstitutions(InstitutionRegistered... registered) {
        for (InstitutionRegistered institution : registered) {
            byId.put(institution.institutionId(), institution);
        }
    }

    InMemoryInstitutions with(DealNoticeRecorded notice) {
        notices.add(notice);
        return this;
    }

    InMemoryInstitutions with(ApprovalPolicySet policy) {
        policies.add(policy);
        return this;
    }

    @Override
    public Optional<InstitutionRegistered> find(String institutionId) {
        return Optional.ofNullable(byId.get(institutionId));
    }

    @Override
    public Optional<DealNotice> dealNotice(String institutionId, String noticeId) {
        return notices.stream().filter(n -> n.institutionId().equals(institutionId) && n.noticeId().equals(noticeId))
                .map(DealNoticeRecorded::notice).findFirst();
    }

    @Override
    public Optional<ApprovalPolicySet> approvalPolicy(String institutionId, LocalDate day) {
        return policies.stream().filter(p -> p.institutionId().equals(institutionId) && !p.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(ApprovalPolicySet::effectiveFrom));
    }
}
