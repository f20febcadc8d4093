package org.techtransfer.ledger.app.contract;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.app.eventstore.StoredEvents;
import org.techtransfer.ledger.app.monitoring.ContractCacheMeters;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.projections.support.ContractHistory;
import org.techtransfer.ledger.projections.support.ContractStates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads contracts straight from the event log, so what it shows is consistent with the aggregate the
 * moment a command returns. The same {@link ContractState} fold serves the present and any past instant.
 */
@Component
public class ContractReader {

    /**
     * A contract's seller never changes: remembered once read, for the scope check of every request. An entry
     * is a few dozen bytes; the bound only keeps a log of millions of contracts from filling the heap.
     */
    private static final int SELLERS_KEPT = 200_000;

    private final Cache<String, String> sellers;
    private final EventStore eventStore;
    private final StoredEvents storedEvents;
    /**
     * Contracts read recently, kept folded so that the next read only fetches the events since. A contract is
     * folded in place, then put again so that the cache weighs it anew.
     */
    private final Cache<String, Followed> recent;

    private static final class Followed {
        ContractState state;

        int weight() {
            return state == null ? 1 : ContractStates.weightOf(state.version());
        }
    }

    ContractReader(EventStore eventStore, StoredEvents storedEvents, MeterRegistry meters,
                   @Value("${ledger.queries.cached-events:2000000}") long cachedEvents) {
        this.eventStore = eventStore;
        this.storedEvents = storedEvents;
        // by weight, not count: a contract's memory grows with its events, so a count would not bound the heap
        this.recent = Caffeine.newBuilder().maximumWeight(cachedEvents)
                .weigher((String id, Followed contract) -> contract.weight())
                .executor(Runnable::run).recordStats().build();
        this.sellers = Caffeine.newBuilder().maximumSize(SELLERS_KEPT).executor(Runnable::run).recordStats().build();
        ContractCacheMeters.monitor(meters, recent, "query-contracts");
        CaffeineCacheMetrics.monitor(meters, sellers, "contract-sellers");
    }

    /**
     * Reads the contract as it stands now, with every event committed so far; empty when there is none.
     * Only the events since the last read are fetched; a contract read for the first time starts from its
     * latest snapshot.
     */
    public <T> Optional<T> current(String contractId, Function<ContractState, T> reader) {
        Followed followed = recent.get(contractId, id -> new Followed());
        synchronized (followed) {
            if (followed.state == null) {
                followed.state = ContractHistory.read(eventStore, contractId, Long.MAX_VALUE);
            } else {
                DomainEventStream events = eventStore.readEvents(contractId, followed.state.version() + 1);
                events.forEachRemaining(event -> followed.state.evolve(event.getPayload()));
            }
            if (!followed.state.isRegistered()) {
                recent.invalidate(contractId);
                return Optional.empty();
            }
            // weighed anew, unless it was evicted meanwhile: it is not brought back
            recent.asMap().replace(contractId, followed, followed);
            return Optional.of(reader.apply(followed.state));
        }
    }

    /** The contract as recorded up to {@code asOf}, folded from the start; empty when there is none. */
    public Optional<ContractState> asOf(String contractId, Instant asOf) {
        ContractState state = new ContractState();
        DomainEventStream events = eventStore.readEvents(contractId, 0); // every event, never a snapshot
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (!state.isRegistered() && !(event.getPayload() instanceof ContractRegistered)) {
                return Optional.empty(); // the id belongs to an institution, not a contract
            }
            state.evolve(event.getPayload());
        }
        return state.isRegistered() ? Optional.of(state) : Optional.empty();
    }

    /** Every event of the contract, oldest first; empty when the id is not a contract's. */
    public List<DomainEventMessage<?>> events(String contractId) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        eventStore.readEvents(contractId, 0).forEachRemaining(all::add);
        if (all.isEmpty() || !(all.get(0).getPayload() instanceof ContractRegistered)) {
            return List.of();
        }
        return all;
    }

    /** The contract's events from sequence {@code from} on, oldest first: the latest of a long contract, without the rest. */
    public List<DomainEventMessage<?>> eventsFrom(String contractId, long from) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(contractId, from).forEachRemaining(events::add);
        return events;
    }

    /**
     * The seller institution of the contract, or empty when there is no such contract. Read from the stored
     * registration alone, through the upcasters: the scope check of a request must not fetch the contract's
     * whole history.
     */
    public Optional<String> sellerOf(String contractId) {
        String known = sellers.getIfPresent(contractId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> seller = storedEvents.at(contractId, 0)
                .map(DomainEventMessage::getPayload)
                .filter(ContractRegistered.class::isInstance)
                .map(registered -> ((ContractRegistered) registered).sellerInstitutionId());
        seller.ifPresent(id -> sellers.put(contractId, id));
        return seller;
    }

    /** The events folded into the contracts kept: what the bound of {@code recent} counts. */
    long eventsHeld() {
        return ContractCacheMeters.eventsHeld(recent);
    }
}
