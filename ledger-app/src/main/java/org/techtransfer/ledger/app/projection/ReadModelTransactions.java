package org.techtransfer.ledger.app.projection;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' transactions commit without waiting for the disk ({@code synchronous_commit = off}
 * for the transaction alone). A read model's rows and its position in the log commit together, so a
 * crash can only lose the last moments of both: the processor then handles those events again from the
 * log, which is durable. Commands keep durable commits, and no longer share the disk flushes with the
 * read models'. A batch rolled back makes the next ones write carefully ({@link CarefulWrites}).
 */
final class ReadModelTransactions implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final CarefulWrites careful;

    ReadModelTransactions(TransactionManager transactions, JdbcTemplate jdbc, CarefulWrites careful) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.careful = careful;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            jdbc.execute("SET LOCAL synchronous_commit = off");
        } catch (RuntimeException failure) {
            transaction.rollback();
            throw failure;
        }
        return new Transaction() {
            @Override
            public void commit() {
                transaction.commit();
            }

            @Override
            public void rollback() {
                // a batch's transaction belongs to its unit of work; a token's claim, fetched or extended, has none
                if (CurrentUnitOfWork.isStarted()) {
                    careful.batchFailed();
                }
                transaction.rollback();
            }
        };
    }
}
