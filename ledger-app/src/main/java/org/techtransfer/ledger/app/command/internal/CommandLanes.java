package org.techtransfer.ledger.app.command.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for commands. Each command waits in the lane of its aggregate; a lane's thread takes
 * every command waiting in it and decides them one after another in one database transaction, so that
 * one commit, and one flush of the disk, serves them all. A contract's commands always share a lane, so
 * no other thread sees a contract's uncommitted events in the aggregate cache.
 * <p>
 * A batch is all or nothing. If any of its commands fails (a refusal included: a handler may have
 * written before it refused), the transaction is rolled back, the batch's aggregates leave the cache, and
 * each command is decided again on its own, in a transaction of its own, exactly as a lone command is.
 * Only a failing commit is passed to every sender of the batch: it may have committed, and a command
 * sent again with the same id is answered from the command log either way.
 * <p>
 * Every command must come through here ({@link org.techtransfer.ledger.app.command.LedgerCommands}): one dispatched beside the lanes could
 * build on a contract's events that a batch has not committed yet.
 */
public final class CommandLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandLanes.class);

    private record Waiting(CommandMessage<?> message, String aggregateId, CompletableFuture<Object> answer) {
    }

    private final CommandBus commandBus;
    private final CommandGateway gateway;
    private final PlatformTransactionManager transactions;
    private final RecentAggregates recentAggregates;
    private final ContractSnapshots snapshots;
    private final int maxBatch;
    private final List<BlockingQueue<Waiting>> lanes = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Counter batchesUndone;
    private volatile boolean closed;

    CommandLanes(CommandBus commandBus, CommandGateway gateway, PlatformTransactionManager transactions,
                 RecentAggregates recentAggregates, ContractSnapshots snapshots, MeterRegistry meters, int laneCount,
                 int maxBatch) {
        this.commandBus = commandBus;
        this.gateway = gateway;
        this.transactions = transactions;
        this.recentAggregates = recentAggregates;
        this.snapshots = snapshots;
        this.maxBatch = maxBatch;
        this.batchSizes = DistributionSummary.builder("ledger.commands.batch.size")
                .description("Commands committed together in one transaction").register(meters);
        this.batchesUndone = Counter.builder("ledger.commands.batches.undone")
                .description("Batches rolled back because one of their commands failed; each command was then decided alone")
                .register(meters);
        for (int i = 0; i < laneCount; i++) {
            BlockingQueue<Waiting> lane = new LinkedBlockingQueue<>();
            Thread worker = new Thread(() -> work(lane), "command-lane-" + i);
            worker.setDaemon(true);
            lanes.add(lane);
            workers.add(worker);
            worker.start();
        }
    }

    /** Decides {@code message} in its aggregate's lane; answers what the command log says of it. */
    public LoggedCommand handle(CommandMessage<?> message, String aggregateId) {
        Waiting waiting = new Waiting(message, aggregateId, new CompletableFuture<>());
        BlockingQueue<Waiting> lane = lanes.get(Math.floorMod(aggregateId.hashCode(), lanes.size()));
        lane.add(waiting);
        if (closed && lane.remove(waiting)) {
            throw shuttingDown();
        }
        try {
            return (LoggedCommand) waiting.answer().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private void work(BlockingQueue<Waiting> lane) {
        List<Waiting> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                Waiting first = lane.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException stop) {
                break;
            }
            lane.drainTo(batch, maxBatch - 1);
            try {
                if (batch.size() == 1) {
                    alone(batch.get(0));
                } else {
                    together(batch);
                }
            } catch (RuntimeException | Error unexpected) {
                log.error("a command lane failed", unexpected);
                batch.forEach(w -> w.answer().completeExceptionally(unexpected));
            }
            batch.stream().map(Waiting::aggregateId).distinct().forEach(snapshots::afterCommit);
            batch.clear();
        }
        Waiting left;
        while ((left = lane.poll()) != null) {
            left.answer().completeExceptionally(shuttingDown());
        }
    }

    private static RuntimeException shuttingDown() {
        return new TransientDataAccessResourceException("the ledger is shutting down; nothing was recorded");
    }

    private void together(List<Waiting> batch) {
        TransactionStatus transaction;
        try {
            transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        } catch (RuntimeException noTransaction) {
            batch.forEach(this::alone); // each gets the failure of its own attempt: nothing was recorded
            return;
        }
        // the batch's unit of work: each command's own is nested in it and hands it its events and its
        // command-log entry, so that the whole batch is appended in one statement of each kind
        UnitOfWork<?> together = DefaultUnitOfWork.startAndGet(batch.get(0).message());
        List<Object> answers = new ArrayList<>(batch.size());
        try {
            for (Waiting waiting : batch) {
                CommandResultMessage<?> result = dispatchOnThisThread(waiting.message());
                if (result.isExceptional()) {
                    break;
                }
                answers.add(result.getPayload());
            }
            if (answers.size() == batch.size()) {
                together.commit();
            }
        } catch (RuntimeException failed) {
            answers.clear();
        } finally {
            if (together.isActive()) {
                together.rollback();
            }
        }
        if (answers.size() < batch.size() || transaction.isRollbackOnly()) {
            try {
                transactions.rollback(transaction);
            } catch (RuntimeException ignored) {
                // the connection is gone: nothing of the batch was committed either way
            }
            batch.forEach(w -> recentAggregates.remove(w.aggregateId()));
            batchesUndone.increment();
            batch.forEach(this::alone);
            return;
        }
        try {
            transactions.commit(transaction);
        } catch (RuntimeException commitFailed) {
            batch.forEach(w -> recentAggregates.remove(w.aggregateId()));
            batch.forEach(w -> w.answer().completeExceptionally(commitFailed));
            return;
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(answers.get(i));
        }
    }

    /** The simple command bus handles a command on the calling thread: inside this lane's transaction. */
    private CommandResultMessage<?> dispatchOnThisThread(CommandMessage<?> message) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(message, callback);
        if (!callback.isDone()) {
            throw new IllegalStateException("the command bus must handle commands on the dispatching thread");
        }
        return callback.getResult();
    }

    /**
     * A command on its own transaction. A refusal is decided once more, on the contract as the log has it
     * now and after a look into the command log: the cached contract may lack events another node recorded
     * since, and the command may be a repeat of one already recorded (then the log answers it as the first time).
     */
    private void alone(Waiting waiting) {
        try {
            Object answer;
            try {
                answer = gateway.sendAndWait(waiting.message());
            } catch (RuleViolation | EntryIdInUse | AggregateStreamCreationException | CommandEnteredBefore refused) {
                recentAggregates.remove(waiting.aggregateId());
                answer = gateway.sendAndWait(waiting.message().andMetaData(Map.of(CommandLog.LOOK_UP_FIRST, true)));
            }
            waiting.answer().complete(answer);
        } catch (RuntimeException | Error failed) {
            waiting.answer().completeExceptionally(failed);
        }
    }

    /** Lets each lane finish the batch in hand (the database closes after this); commands still waiting are refused. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread worker : workers) {
            worker.join(10_000);
        }
    }
}
