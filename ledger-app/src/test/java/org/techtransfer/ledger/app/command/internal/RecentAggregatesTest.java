package org.techtransfer.ledger.app.command.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command cache is bounded by the events of the aggregates it holds, whatever their number. */
class RecentAggregatesTest {

    private static final long BOUND = 1_000;

    /** An aggregate root as Axon caches it: only the version of its aggregate matters here. */
    static class Contract {
        @AggregateIdentifier
        String contractId;
    }

    private static final AggregateModel<Contract> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Contract.class);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecentAggregates cache = new RecentAggregates(BOUND, meters);

    @Test
    void an_entry_weighs_its_aggregates_events_as_of_its_last_put() {
        cache.put("C-BIG", entryWithEvents(600));
        assertThat(cache.eventsHeld()).isEqualTo(600);
        cache.put("not-a-contract", "an entry of another kind");
        assertThat(cache.eventsHeld()).isEqualTo(601);
        cache.put("C-BIG", entryWithEvents(700)); // Axon puts the entry anew after each command that recorded events
        assertThat(cache.eventsHeld()).isEqualTo(701);
        // what operators see of it
        assertThat(meters.get("ledger.cache.events").tag("cache", "command-contracts").gauge().value()).isEqualTo(701.0);
    }

    @Test
    void the_events_held_stay_within_the_bound_whatever_the_aggregates() {
        cache.put("C-BIG", entryWithEvents(600));
        for (int i = 0; i < 8; i++) {
            cache.put("C-" + i, entryWithEvents(100 + 10 * i));
            assertThat(cache.eventsHeld()).isLessThanOrEqualTo(BOUND);
        }
    }

    /** What Axon's caching repository puts after a command: the aggregate with its sequence numbers 0 to events - 1. */
    private static AggregateCacheEntry<Contract> entryWithEvents(long events) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(new Contract(), MODEL, events - 1, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER));
    }
}
