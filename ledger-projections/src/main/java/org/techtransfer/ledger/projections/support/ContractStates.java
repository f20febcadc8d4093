package org.techtransfer.ledger.projections.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.techtransfer.ledger.contract.ContractState;

import java.util.function.Consumer;

/**
 * The contracts the read models are following, each folded through the same {@link ContractState} as the
 * aggregate, once for all of them: the read models that need a contract's state share one instance (they are
 * fed by one processor, each event handed to every read model before the next event), so the first to see an
 * event folds it and the others find it applied. An event continues the contract it belongs to; when this node has not seen the events
 * before it (a restart, a segment taken over from another node, an eviction), the contract is read
 * again from the log up to that event (from its latest snapshot, when that is not past the event). An
 * event seen twice (a batch retried after a rollback) is not applied twice.
 */
public final class ContractStates {

    private record Followed(ContractState state, long lastSequence) {
    }

    private final EventStore log;
    private final Cache<String, Followed> followed;

    /**
     * Follows contracts up to {@code maxEvents} events folded in all; {@code metrics} is handed the cache once, to
     * register its statistics (this module has no Micrometer).
     */
    public ContractStates(EventStore log, long maxEvents, Consumer<Cache<String, ?>> metrics) {
        this.log = log;
        // contracts not used lately are forgotten first; they are read again from the log if they return. By
        // weight, not count: a contract's memory grows with its events, so a count would not bound the heap
        this.followed = Caffeine.newBuilder().maximumWeight(maxEvents)
                .weigher((String id, Followed contract) -> weightOf(contract.state().version()))
                .executor(Runnable::run).recordStats().build();
        metrics.accept(followed);
    }

    /**
     * The weight of a folded contract in a cache: the events folded into it, up to sequence number {@code version},
     * as its memory grows with them (its reward book keeps every entry). At least 1, as Caffeine never evicts by
     * weight an entry that weighs nothing.
     */
    public static int weightOf(long version) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, version + 1));
    }

    /**
     * The contract as it stands once {@code event} is applied. Only the cache is shared between the
     * processor's threads: a contract's events all belong to one segment, handled by one thread at a time.
     */
    public ContractState after(DomainEventMessage<?> event) {
        String id = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Followed known = followed.getIfPresent(id);
        if (known != null && sequence <= known.lastSequence()) {
            return known.state();
        }
        ContractState state;
        if (known != null && sequence == known.lastSequence() + 1) {
            state = known.state();
            state.evolve(event.getPayload());
        } else if (sequence == 0) {
            state = new ContractState();
            state.evolve(event.getPayload());
        } else {
            state = ContractHistory.read(log, id, sequence);
        }
        followed.put(id, new Followed(state, sequence));
        return state;
    }

    public void clear() {
        followed.invalidateAll();
    }

    /** The events folded into the contracts followed: what the bound counts. */
    long eventsHeld() {
        followed.cleanUp();
        return followed.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
