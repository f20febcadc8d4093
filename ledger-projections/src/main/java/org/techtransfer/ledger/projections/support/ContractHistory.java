package org.techtransfer.ledger.projections.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.contract.TechnologyContract;

/**
 * Reads a contract from the log for those who fold it outside the aggregate (queries, read models): from
 * the contract's latest snapshot when there is one, then the events after it, so that a contract with a
 * long history is not folded from its first event each time it is read anew.
 */
public final class ContractHistory {

    private ContractHistory() {
    }

    /**
     * The contract with its events up to sequence number {@code upTo} folded in (all of them with
     * {@link Long#MAX_VALUE}); an unregistered state when the id is not a contract's.
     */
    public static ContractState read(EventStore log, String contractId, long upTo) {
        DomainEventStream events = log.readEvents(contractId);
        ContractState state = new ContractState();
        if (events.hasNext() && events.peek().getPayloadType() == TechnologyContract.class) {
            DomainEventMessage<?> snapshot = events.next();
            if (snapshot.getSequenceNumber() <= upTo) {
                state = ((TechnologyContract) snapshot.getPayload()).state();
            } else {
                events = log.readEvents(contractId, 0); // asked for a version older than the snapshot
            }
        }
        while (events.hasNext() && events.peek().getSequenceNumber() <= upTo) {
            Object event = events.next().getPayload();
            if (!state.isRegistered() && !(event instanceof ContractRegistered)) {
                return new ContractState(); // the id belongs to an institution
            }
            state.evolve(event);
        }
        return state;
    }
}
