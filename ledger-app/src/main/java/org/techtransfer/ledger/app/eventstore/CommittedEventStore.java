package org.techtransfer.ledger.app.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;

/**
 * Axon's embedded event store, waking its reader of new events (which feeds the read models) once the
 * transaction that appended them has committed, and at most once per {@code wakeInterval}.
 * <p>
 * Axon wakes the reader when a command's unit of work commits; commands decided together in one
 * transaction (the command lanes) commit their units of work before the transaction commits, and the
 * reader woke, once per command, to find nothing new. Under load a wake-up per commit also meant a read
 * of the log and a read-model transaction for every four or five events: the first commit after a quiet
 * spell wakes the reader at once, the commits that follow within the interval share one wake-up after it.
 */
final class CommittedEventStore extends EmbeddedEventStore {

    private final long intervalMillis;
    private final Thread waker;
    private boolean pending;
    private volatile boolean closed;

    CommittedEventStore(Builder builder, Duration wakeInterval) {
        super(builder);
        this.intervalMillis = wakeInterval.toMillis();
        this.waker = new Thread(this::wakeWhenAsked, "event-reader-waker");
        waker.setDaemon(true);
        waker.start();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            askToWake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    askToWake();
                }
            }
        });
    }

    private synchronized void askToWake() {
        pending = true;
        notifyAll();
    }

    private void wakeWhenAsked() {
        try {
            while (!closed) {
                synchronized (this) {
                    while (!pending && !closed) {
                        wait();
                    }
                    pending = false;
                }
                super.afterCommit(List.of());
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void shutDown() {
        closed = true;
        waker.interrupt();
        super.shutDown();
    }
}
