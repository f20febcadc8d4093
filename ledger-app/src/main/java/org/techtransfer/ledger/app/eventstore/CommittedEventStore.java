package org.techtransfer.ledger.app.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, waking its reader of new events (which feeds the read models) once the
 * transaction that appended them has committed. Axon wakes it when a command's unit of work commits;
 * commands decided together in one transaction (the command lanes) commit their units of work before
 * the transaction commits, and the reader woke, once per command, to find nothing new.
 */
final class CommittedEventStore extends EmbeddedEventStore {

    CommittedEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    wakeReader(events);
                }
            }
        });
    }

    private void wakeReader(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
