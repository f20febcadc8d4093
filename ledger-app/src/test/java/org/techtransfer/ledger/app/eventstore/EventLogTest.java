package org.techtransfer.ledger.app.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.IncomeRecorded;
import org.techtransfer.ledger.money.Money;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event log on PostgreSQL: append-only at the database level, and a duplicate sequence is a concurrency conflict. */
class EventLogTest {

    private static String url;
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        url = TestDatabase.fresh();
        node = LedgerNode.start(url);
        var client = node.client();
        assertThat(client.post(TestUsers.ADMIN.username(), "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
        assertThat(client.post("recorder-a", "/api/v1/contracts", Deals.contract("C-LOG", "DEMO-A", "LICENSE")).status()).isEqualTo(201);
        assertThat(client.post("recorder-a", "/api/v1/contracts/C-LOG/incomes", Deals.income("I-1", "1000.00", "2026-03-15")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void an_update_of_a_recorded_event_is_refused_by_the_database() throws SQLException {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                    "UPDATE domain_event_entry SET payload = '{}' WHERE aggregate_identifier = 'C-LOG'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThat(payloadOf(s, "C-LOG", 1)).contains("\"amount\":\"1000.00\"");
        }
    }

    @Test
    void a_delete_or_truncate_of_the_event_log_is_refused_by_the_database() throws SQLException {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM domain_event_entry WHERE aggregate_identifier = 'C-LOG'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE domain_event_entry"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'C-LOG'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void events_are_stored_as_readable_json_with_the_actor_and_a_correlation_id() throws SQLException {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT payload_type, payload, meta_data FROM domain_event_entry "
                     + "WHERE aggregate_identifier = 'C-LOG' AND sequence_number = 1")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString("payload_type")).isEqualTo(IncomeRecorded.class.getName());
            assertThat(r.getString("payload")).contains("\"incomeId\":\"I-1\"", "\"receivedOn\":\"2026-03-15\"");
            assertThat(r.getString("meta_data")).contains("\"actor\":\"recorder-a\"", "\"correlationId\":");
        }
    }

    @Test
    void appending_a_sequence_number_that_is_taken_is_a_concurrency_conflict() {
        EventStore store = node.bean(EventStore.class);
        var duplicate = new GenericDomainEventMessage<>("TechnologyContract", "C-LOG", 1,
                new IncomeRecorded("C-LOG", "I-X", Money.of("1.00"), LocalDate.of(2026, 3, 16), IncomeCategory.OTHER));
        assertThatThrownBy(() -> store.publish(duplicate)).isInstanceOf(ConcurrencyException.class);
    }

    private static String payloadOf(Statement s, String aggregate, long sequence) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = '"
                + aggregate + "' AND sequence_number = " + sequence)) {
            r.next();
            return r.getString(1);
        }
    }
}
