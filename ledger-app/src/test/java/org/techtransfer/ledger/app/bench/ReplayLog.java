package org.techtransfer.ledger.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.techtransfer.ledger.achievement.AchievementKind;
import org.techtransfer.ledger.achievement.AchievementMoved;
import org.techtransfer.ledger.achievement.AchievementRegistered;
import org.techtransfer.ledger.achievement.Inventor;
import org.techtransfer.ledger.achievement.Stage;
import org.techtransfer.ledger.app.eventstore.EventStoreConfiguration;
import org.techtransfer.ledger.contract.CostCategory;
import org.techtransfer.ledger.contract.CostRecorded;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.IncomeRecorded;
import org.techtransfer.ledger.demand.DemandMatched;
import org.techtransfer.ledger.demand.DemandRecorded;
import org.techtransfer.ledger.money.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Tops the event log up to a given number of events, straight into {@code domain_event_entry}: the
 * commands would take far too long for a million events, and the replay reads rows, not commands.
 * Each row is what the ledger itself writes for that event: the payload serialised by the event
 * store's own Jackson mapper, metadata with the same keys, Axon's timestamp format, and the next
 * sequence number of its contract. Four in five are IncomeRecorded, one in five CostRecorded (small
 * amounts, so net income stays positive), spread round robin over the contracts, so that every read
 * model meets a realistic interleaving and nothing needs a reward decision to be valid. One event in
 * {@value #LIBRARY_EVERY} belongs to the reserve library instead (an achievement registered or moved, a
 * demand recorded or matched, in turn), so that the library's read models do their share of a replay.
 */
final class ReplayLog {

    private static final String INSERT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Rows per transaction: large enough to be fast, small enough to keep each transaction short. */
    private static final int ROWS_PER_TRANSACTION = 20_000;
    /** A district's library moves far less often than its contracts' money: one event in this many. */
    private static final int LIBRARY_EVERY = 50;

    private final DataSource database;
    private final ObjectMapper json = EventStoreConfiguration.eventMapper();

    ReplayLog(DataSource database) {
        this.database = database;
    }

    static long count(DataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Appends events to the contracts named by {@code contractIds} until the log holds {@code target}.
     *
     * @return how many it appended
     */
    long topUp(long target, int contracts, IntFunction<String> contractIds, Progress progress) throws Exception {
        long missing = target - count(database);
        if (missing <= 0) {
            return 0;
        }
        Map<String, Long> next = nextSequences(contracts, contractIds);
        Library library = new Library(libraryEntries());
        Random random = new Random(missing);
        String timeStamp = DateTimeUtils.formatInstant(Instant.now());
        long written = 0;
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                int inBatch = 0;
                int contract = 0;
                while (written < missing) {
                    Row row;
                    if (written % LIBRARY_EVERY == LIBRARY_EVERY - 1) {
                        row = library.next();
                    } else {
                        String id = contractIds.apply(contract);
                        long sequence = next.merge(id, 1L, Long::sum) - 1;
                        boolean cost = random.nextInt(5) == 0;
                        String entryId = "LOG-" + sequence;
                        row = new Row(id, sequence, "TechnologyContract", cost
                                ? new CostRecorded(id, entryId, Money.ofFen(1_000 + random.nextInt(99_000)),
                                LocalDate.of(2026, 3, 20), CostCategory.values()[random.nextInt(CostCategory.values().length)])
                                : new IncomeRecorded(id, entryId, Money.ofFen(100_000 + random.nextInt(900_000)),
                                LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)), IncomeCategory.ROYALTY));
                        contract = (contract + 1) % contracts;
                    }
                    Object event = row.event();
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, row.aggregateId());
                    insert.setLong(3, row.sequence());
                    insert.setString(4, row.type());
                    insert.setString(5, timeStamp);
                    insert.setString(6, event.getClass().getName());
                    insert.setString(7, null);
                    insert.setString(8, json.writeValueAsString(event));
                    insert.setString(9, json.writeValueAsString(Baseline.metaData()));
                    insert.addBatch();
                    written++;
                    if (++inBatch % 1_000 == 0) {
                        insert.executeBatch();
                    }
                    if (inBatch >= ROWS_PER_TRANSACTION || written == missing) {
                        insert.executeBatch();
                        c.commit();
                        inBatch = 0;
                        timeStamp = DateTimeUtils.formatInstant(Instant.now());
                        if (written % 100_000 < ROWS_PER_TRANSACTION || written == missing) {
                            progress.report(written, missing);
                        }
                    }
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return written;
    }

    /** How many library events earlier top-ups wrote: the next ones go on from there, with new names. */
    private long libraryEntries() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE '"
                     + Library.ACHIEVEMENTS + "%' OR aggregate_identifier LIKE '" + Library.DEMANDS + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One row of {@code domain_event_entry}: the event and its place in its aggregate's stream. */
    private record Row(String aggregateId, long sequence, String type, Object event) {
    }

    /**
     * The reserve library's events, in a cycle of four: an achievement registered, a demand recorded, the demand
     * matched with that achievement, the achievement offered. Each pair of streams is new, so every event is one
     * its aggregate would have written.
     */
    private static final class Library {

        static final String ACHIEVEMENTS = "achievement/BENCH-A-";
        static final String DEMANDS = "demand/BENCH-D-";
        private static final LocalDate ON = LocalDate.of(2026, 3, 1);

        private long written;

        Library(long written) {
            this.written = written;
        }

        Row next() {
            long cycle = written / 4;
            String achievement = "BENCH-A-%07d".formatted(cycle);
            String demand = "BENCH-D-%07d".formatted(cycle);
            Row row = switch ((int) (written % 4)) {
                case 0 -> new Row("achievement/" + achievement, 0, "Achievement", new AchievementRegistered(achievement,
                        AchievementKind.INVENTION_PATENT, "Benchmark achievement " + cycle, List.of(LedgerBenchmark.INSTITUTION),
                        List.of(new Inventor("Inventor " + cycle, null)), "nanotechnology", "ZL2026" + cycle, ON, "110116",
                        Stage.RESERVE));
                case 1 -> new Row("demand/" + demand, 0, "TechnologyDemand", new DemandRecorded(demand,
                        LedgerBenchmark.INSTITUTION, "Benchmark Enterprise " + cycle, "91110116MA01ABCD3X", "110116",
                        "A coating that lasts", "nanotechnology", Money.ofFen(50_000_000), ON));
                case 2 -> new Row("demand/" + demand, 1, "TechnologyDemand", new DemandMatched(demand, "M-1",
                        List.of(achievement), ON, null));
                default -> new Row("achievement/" + achievement, 1, "Achievement", new AchievementMoved(achievement,
                        "MOVE-1", Stage.RESERVE, Stage.OFFERED, "offered to " + demand));
            };
            written++;
            return row;
        }
    }

    /** The next sequence number of each contract: one past its highest. */
    private Map<String, Long> nextSequences(int contracts, IntFunction<String> contractIds) throws SQLException {
        Map<String, Long> next = new HashMap<>();
        try (Connection c = database.getConnection();
             PreparedStatement max = c.prepareStatement(
                     "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            for (int i = 0; i < contracts; i++) {
                String id = contractIds.apply(i);
                max.setString(1, id);
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    long highest = rs.getLong(1);
                    if (rs.wasNull()) {
                        throw new IllegalStateException("contract " + id + " is not registered");
                    }
                    next.put(id, highest + 1);
                }
            }
        }
        return next;
    }

    @FunctionalInterface
    interface Progress {
        void report(long written, long of);
    }
}
