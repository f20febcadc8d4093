package org.techtransfer.ledger.app.institution;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;

import java.util.Optional;

/** Finds an institution by reading its registration from the event log, the only place it is kept. */
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
}
