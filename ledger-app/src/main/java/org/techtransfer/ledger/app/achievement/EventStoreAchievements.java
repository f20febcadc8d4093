package org.techtransfer.ledger.app.achievement;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.achievement.Achievement;
import org.techtransfer.ledger.achievement.AchievementMoved;
import org.techtransfer.ledger.achievement.AchievementRegistered;
import org.techtransfer.ledger.achievement.Achievements;
import org.techtransfer.ledger.achievement.Stage;

import java.util.Optional;

/** Finds an achievement's recorded stage by reading its stream, as the achievement itself would be loaded. */
@Component
class EventStoreAchievements implements Achievements {

    private final EventStore eventStore;

    EventStoreAchievements(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Stage> recordedStage(String achievementId) {
        DomainEventStream events = eventStore.readEvents(Achievement.streamOf(achievementId));
        Stage stage = null;
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof AchievementRegistered registered) {
                stage = registered.stage();
            } else if (payload instanceof AchievementMoved moved) {
                stage = moved.to();
            }
        }
        return Optional.ofNullable(stage);
    }
}
