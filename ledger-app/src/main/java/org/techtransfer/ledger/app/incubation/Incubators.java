package org.techtransfer.ledger.app.incubation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.incubation.Incubation;
import org.techtransfer.ledger.incubation.IncubationRecorded;

/** The incubator of an incubation as recorded, from the log. */
@Component
class Incubators {

    private final EventStore eventStore;

    Incubators(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    String of(String incubationId) {
        DomainEventStream events = eventStore.readEvents(Incubation.streamOf(incubationId));
        if (events.hasNext()) {
            DomainEventMessage<?> first = events.next();
            if (first.getPayload() instanceof IncubationRecorded recorded) {
                return recorded.incubatorInstitutionId();
            }
        }
        throw new NotFound("no incubation '" + incubationId + "'");
    }
}
