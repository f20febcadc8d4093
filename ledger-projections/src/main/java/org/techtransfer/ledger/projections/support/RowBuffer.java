package org.techtransfer.ledger.projections.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects a read model's writes for the batch of events being handled and sends them to PostgreSQL
 * as two JDBC batches just before the batch commits (with the processor's token, in one transaction).
 * A row written several times in a batch is written once, with its last content.
 * Outside a unit of work (a handler called directly), and in a batch marked {@link #WRITE_AT_ONCE}, every write
 * goes at once.
 *
 * @param <K> the row's key
 */
public final class RowBuffer<K> {

    /**
     * A resource of the batch's unit of work: when {@code true}, its rows are written at once, each where its event
     * is handled, so that a row the database refuses fails that event alone (the processor's careful writes
     * after a failed batch).
     */
    public static final String WRITE_AT_ONCE = RowBuffer.class.getName() + ":write-at-once";

    private final String resourceKey;
    private final JdbcTemplate jdbc;
    private final String upsertSql;
    private final String deleteSql;
    private final Function<K, Object[]> keyColumns;

    /**
     * @param upsertSql  an {@code INSERT ... ON CONFLICT DO UPDATE} taking a row's columns
     * @param deleteSql  a {@code DELETE} taking the key columns, or null when rows are never deleted
     * @param keyColumns the key's columns, in the order of {@code deleteSql}
     */
    public RowBuffer(String name, JdbcTemplate jdbc, String upsertSql, String deleteSql, Function<K, Object[]> keyColumns) {
        this.resourceKey = RowBuffer.class.getName() + ":" + name;
        this.jdbc = jdbc;
        this.upsertSql = upsertSql;
        this.deleteSql = deleteSql;
        this.keyColumns = keyColumns;
    }

    private static final class Pending<K> {
        final Map<K, Object[]> upserts = new LinkedHashMap<>();
        final Map<K, Boolean> deletes = new LinkedHashMap<>();
    }

    public void upsert(K key, Object[] row) {
        Pending<K> pending = pending();
        if (pending == null) {
            jdbc.update(upsertSql, row);
            return;
        }
        pending.deletes.remove(key);
        pending.upserts.put(key, row);
    }

    /** The row waiting to be written under {@code key} in this batch, or null. */
    public Object[] pending(K key) {
        Pending<K> pending = pending();
        return pending == null ? null : pending.upserts.get(key);
    }

    /**
     * The row as this batch last wrote it, else as {@code selectSql} (taking the key's columns) finds it in the
     * table: a read model that changes a few columns of a row starts from its latest content.
     *
     * @throws IllegalStateException when neither has it (the event that creates the row was not handled)
     */
    public Object[] current(K key, String selectSql) {
        Object[] pending = pending(key);
        if (pending != null) {
            return pending.clone();
        }
        List<Object[]> stored = jdbc.query(selectSql, (rs, n) -> {
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        }, keyColumns.apply(key));
        if (stored.isEmpty()) {
            throw new IllegalStateException("no " + resourceKey + " row for " + key + " before this event");
        }
        return stored.get(0);
    }

    public void delete(K key) {
        Pending<K> pending = pending();
        if (pending == null) {
            jdbc.update(deleteSql, keyColumns.apply(key));
            return;
        }
        pending.upserts.remove(key);
        pending.deletes.put(key, Boolean.TRUE);
    }

    private Pending<K> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (Boolean.TRUE.equals(batch.getResource(WRITE_AT_ONCE))) {
            return null;
        }
        return batch.getOrComputeResource(resourceKey, k -> {
            Pending<K> pending = new Pending<>();
            batch.onPrepareCommit(u -> flush(pending));
            return pending;
        });
    }

    private void flush(Pending<K> pending) {
        if (!pending.deletes.isEmpty()) {
            List<Object[]> keys = new ArrayList<>(pending.deletes.size());
            pending.deletes.keySet().forEach(k -> keys.add(keyColumns.apply(k)));
            jdbc.batchUpdate(deleteSql, keys);
        }
        if (!pending.upserts.isEmpty()) {
            jdbc.batchUpdate(upsertSql, new ArrayList<>(pending.upserts.values()));
        }
    }
}
