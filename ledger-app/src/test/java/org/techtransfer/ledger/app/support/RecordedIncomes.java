package org.techtransfer.ledger.app.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database holds, read with plain JDBC and no code of the service: the income events of the
 * log and the command-log rows, so that a test compares the ledger's acknowledgements against an
 * independent count.
 */
public final class RecordedIncomes {

    /** One income event: its contract and place in the contract's sequence. */
    public record Event(String contractId, long sequence) {
    }

    private final Map<String, List<Event>> eventsByIncomeId;
    private final Map<String, Long> commandLogVersions;

    private RecordedIncomes(Map<String, List<Event>> eventsByIncomeId, Map<String, Long> commandLogVersions) {
        this.eventsByIncomeId = eventsByIncomeId;
        this.commandLogVersions = commandLogVersions;
    }

    public static RecordedIncomes read(String databaseUrl) {
        Map<String, List<Event>> events = new HashMap<>();
        Map<String, Long> log = new HashMap<>();
        try (Connection c = TestDatabase.connect(databaseUrl); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT payload::json->>'incomeId', aggregate_identifier, sequence_number "
                    + "FROM domain_event_entry WHERE payload_type LIKE '%.IncomeRecorded'")) {
                while (r.next()) {
                    events.computeIfAbsent(r.getString(1), id -> new ArrayList<>()).add(new Event(r.getString(2), r.getLong(3)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT command_key, version FROM command_log WHERE command_key LIKE 'RecordIncome:%'")) {
                while (r.next()) {
                    log.put(r.getString(1), r.getObject(2) == null ? null : r.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log", e);
        }
        return new RecordedIncomes(events, log);
    }

    /** The income events carrying this income id: one for a recorded income, none for an absent one. */
    public List<Event> events(String incomeId) {
        return eventsByIncomeId.getOrDefault(incomeId, List.of());
    }

    /** The version the command log remembers for this income, or null when it has no row. */
    public Long commandLogVersion(IncomeLoad.Income income) {
        return commandLogVersions.get("RecordIncome:" + income.contractId() + ":" + income.incomeId());
    }

    public boolean inCommandLog(IncomeLoad.Income income) {
        return commandLogVersions.containsKey("RecordIncome:" + income.contractId() + ":" + income.incomeId());
    }

    public int incomeEvents() {
        return eventsByIncomeId.values().stream().mapToInt(List::size).sum();
    }

    public int distinctIncomes() {
        return eventsByIncomeId.size();
    }

    public int commandLogRows() {
        return commandLogVersions.size();
    }
}
