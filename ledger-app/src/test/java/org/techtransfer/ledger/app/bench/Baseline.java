package org.techtransfer.ledger.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.techtransfer.ledger.app.eventstore.EventStoreConfiguration;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.IncomeRecorded;
import org.techtransfer.ledger.money.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The best the same PostgreSQL does for the ledger's kind of write: one row per transaction into a
 * table shaped exactly like {@code domain_event_entry} (same columns, primary key, and both unique
 * constraints), with an IncomeRecorded payload and metadata as the ledger writes them, spread over
 * as many aggregates as the command load uses. Nothing else: no read before the write, no command
 * log, no second statement.
 */
final class Baseline {

    static final String TABLE = "bench_baseline";
    private static final String INSERT = "INSERT INTO " + TABLE + " (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource pool;
    private final int aggregates;
    private final AtomicLongArray sequences;
    private final ObjectMapper json = EventStoreConfiguration.eventMapper();

    Baseline(DataSource pool, int aggregates) {
        this.pool = pool;
        this.aggregates = aggregates;
        this.sequences = new AtomicLongArray(aggregates);
    }

    /** Drops and creates the scratch table, so every run starts from an empty one. */
    void recreate() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " ("
                    + " global_index BIGSERIAL NOT NULL,"
                    + " event_identifier VARCHAR(255) NOT NULL,"
                    + " aggregate_identifier VARCHAR(255) NOT NULL,"
                    + " sequence_number BIGINT NOT NULL,"
                    + " type VARCHAR(255),"
                    + " time_stamp VARCHAR(255) NOT NULL,"
                    + " payload_type VARCHAR(255) NOT NULL,"
                    + " payload_revision VARCHAR(255),"
                    + " payload TEXT NOT NULL,"
                    + " meta_data TEXT,"
                    + " PRIMARY KEY (global_index),"
                    + " CONSTRAINT bench_baseline_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),"
                    + " CONSTRAINT bench_baseline_event_identifier UNIQUE (event_identifier))");
        }
    }

    void drop() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    /** One event, one transaction. */
    void insertOne() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int aggregate = random.nextInt(aggregates);
        String aggregateId = LedgerBenchmark.contractId(aggregate);
        long sequence = sequences.getAndIncrement(aggregate);
        String incomeId = "BASE-" + sequence;
        String payload = json.writeValueAsString(new IncomeRecorded(aggregateId, incomeId,
                Money.ofFen(100_000 + random.nextLong(900_000)), LocalDate.of(2026, 3, 15), IncomeCategory.ROYALTY));
        String metaData = json.writeValueAsString(metaData());
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregateId);
                insert.setLong(3, sequence);
                insert.setString(4, "TechnologyContract");
                insert.setString(5, DateTimeUtils.formatInstant(Instant.now()));
                insert.setString(6, IncomeRecorded.class.getName());
                insert.setString(7, null);
                insert.setString(8, payload);
                insert.setString(9, metaData);
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The metadata the ledger puts on an event recorded for a command, in the order it writes it. */
    static Map<String, Object> metaData() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("actor", LedgerBenchmark.RECORDER);
        meta.put("correlationId", UUID.randomUUID().toString());
        meta.put("commandId", UUID.randomUUID().toString());
        return meta;
    }
}
