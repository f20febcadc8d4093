package org.techtransfer.ledger.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of the event log, exactly as stored: what the hash chain covers. */
public record LoggedEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timeStamp, String payloadType, String payloadRevision, String payload,
                          String metaData) {

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    static LoggedEvent read(ResultSet rs) throws SQLException {
        return new LoggedEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                rs.getString("payload"), rs.getString("meta_data"));
    }
}
