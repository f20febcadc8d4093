package org.techtransfer.ledger.app.demand;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.demand.DemandRecorded;
import org.techtransfer.ledger.demand.TechnologyDemand;

/** A demand's service institution as recorded, from the log: a match right after the demand need not wait for the book. */
@Component
class ServiceInstitutions {

    private final EventStore eventStore;

    ServiceInstitutions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    String of(String demandId) {
        DomainEventStream events = eventStore.readEvents(TechnologyDemand.streamOf(demandId));
        if (events.hasNext()) {
            DomainEventMessage<?> first = events.next();
            if (first.getPayload() instanceof DemandRecorded recorded) {
                return recorded.serviceInstitutionId();
            }
        }
        throw new NotFound("no demand '" + demandId + "'");
    }
}
