package org.techtransfer.ledger.app.contract;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads contracts straight from the event log, so what it shows is consistent with the aggregate the
 * moment a command returns. The same {@link ContractState} fold serves the present and any past instant.
 */
@Component
public class ContractReader {

    /** A contract's seller never changes: remembered once read, for the scope check of every request. */
    private final Map<String, String> sellers = new ConcurrentHashMap<>();
    private final EventStore eventStore;

    ContractReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The contract as recorded up to {@code asOf} (all of it when {@code asOf} is null); empty when there is none. */
    public Optional<ContractState> load(String contractId, Instant asOf) {
        ContractState state = new ContractState();
        DomainEventStream events = eventStore.readEvents(contractId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
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
        eventStore.readEvents(contractId).forEachRemaining(all::add);
        if (all.isEmpty() || !(all.get(0).getPayload() instanceof ContractRegistered)) {
            return List.of();
        }
        return all;
    }

    /** The seller institution of the contract, or empty when there is no such contract. */
    public Optional<String> sellerOf(String contractId) {
        String known = sellers.get(contractId);
        if (known != null) {
            return Optional.of(known);
        }
        DomainEventStream events = eventStore.readEvents(contractId);
        if (events.hasNext() && events.next().getPayload() instanceof ContractRegistered registered) {
            sellers.put(contractId, registered.sellerInstitutionId());
            return Optional.of(registered.sellerInstitutionId());
        }
        return Optional.empty();
    }
}
