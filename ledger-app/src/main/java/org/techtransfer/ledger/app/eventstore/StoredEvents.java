package org.techtransfer.ledger.app.eventstore;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * One stored event, read through the upcasters as the event store reads every event: for a reader that needs a
 * single event of an aggregate and not its whole stream. SQL that read the payload's JSON itself would see the
 * stored form, which after a change of the event's shape is the old one for old events.
 */
@Component
public class StoredEvents {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Configuration axon;

    StoredEvents(JdbcTemplate jdbc, Serializer serializer, Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
    }

    /** The event of {@code aggregateId} at {@code sequenceNumber} in its current form; empty when there is none. */
    public Optional<DomainEventMessage<?>> at(String aggregateId, long sequenceNumber) {
        List<DomainEventData<String>> rows = jdbc.query("""
                SELECT type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                       payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?""",
                (rs, n) -> new GenericDomainEventEntry<>(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                aggregateId, sequenceNumber);
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), serializer,
                axon.upcasterChain());
        return events.hasNext() ? Optional.of(events.next()) : Optional.empty();
    }
}
