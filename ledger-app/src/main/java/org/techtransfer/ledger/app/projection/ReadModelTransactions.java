package org.techtransfer.ledger.app.projection;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' transactions commit without waiting for the disk ({@code synchronous_commit = off}
 * for the transaction alone). A read model's rows and its position in the log commit together, so a
 * crash can only lose the last moments of both: the processor then handles those events again from the
 * log, which is durable. Commands keep durable commits, and no longer share the disk flushes with the
 * read models'.
 */
final class ReadModelTransactions implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    ReadModelTransactions(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
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
        return transaction;
    }
}
