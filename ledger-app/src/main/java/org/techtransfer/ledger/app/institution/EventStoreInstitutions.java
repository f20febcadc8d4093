package org.techtransfer.ledger.app.institution;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.approval.ApprovalPolicySet;
import org.techtransfer.ledger.deal.DealNotice;
import org.techtransfer.ledger.deal.DealNoticeRecorded;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds an institution, its deal notices and its approval policies by reading its events from the event log, the
 * only place they are kept.
 */
@Component
class EventStoreInstitutions implements Institutions {

    private final EventStore eventStore;

    EventStoreInstitutions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<InstitutionRegistered> find(String institutionId) {
        DomainEventStream events = eventStore.readEvents(institutionId);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload() instanceof InstitutionRegistered registered
                ? Optional.of(registered)
                : Optional.empty();
    }

    @Override
    public Optional<DealNotice> dealNotice(String institutionId, String noticeId) {
        return recorded(institutionId, DealNoticeRecorded.class).filter(n -> n.noticeId().equals(noticeId))
                .map(DealNoticeRecorded::notice).findFirst();
    }

    @Override
    public Optional<ApprovalPolicySet> approvalPolicy(String institutionId, LocalDate day) {
        // of two policies from the same day, the later recorded
        return recorded(institutionId, ApprovalPolicySet.class).filter(p -> !p.effectiveFrom().isAfter(day))
                .reduce((a, b) -> b.effectiveFrom().isBefore(a.effectiveFrom()) ? a : b);
    }

    /** The institution's events of one type, oldest first; none when the id is a contract's. */
    private <T> Stream<T> recorded(String institutionId, Class<T> type) {
        DomainEventStream events = eventStore.readEvents(institutionId);
        if (!events.hasNext() || !(events.peek().getPayload() instanceof InstitutionRegistered)) {
            return Stream.empty();
        }
        return events.asStream().map(DomainEventMessage::getPayload).filter(type::isInstance).map(type::cast);
    }
}
