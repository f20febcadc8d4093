package org.techtransfer.ledger.app.achievement;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.achievement.Achievement;
import org.techtransfer.ledger.achievement.AchievementRegistered;
import org.techtransfer.ledger.app.web.NotFound;

import java.util.List;

/** An achievement's owners as registered, from the log: a move right after the registration need not wait for the registry. */
@Component
class Owners {

    private final EventStore eventStore;

    Owners(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    List<String> of(String achievementId) {
        DomainEventStream events = eventStore.readEvents(Achievement.streamOf(achievementId));
        if (events.hasNext()) {
            DomainEventMessage<?> first = events.next();
            if (first.getPayload() instanceof AchievementRegistered registered) {
                return registered.ownerInstitutionIds();
            }
        }
        throw new NotFound("no achievement '" + achievementId + "'");
    }
}
