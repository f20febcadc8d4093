package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The global log in order, one JSON object a line, with each event's chain hash (null while not yet
 * sealed). Streamed from a database cursor: memory does not grow with the log. The API and the audit page
 * both download it.
 */
@Component
class LogExport {

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    LogExport(DataSource dataSource, PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /** The events after position {@code after}, at most {@code limit} of them (every one when null). */
    void write(OutputStream out, long after, Long limit) {
        readOnly.executeWithoutResult(status -> {
            try (JsonGenerator line = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                line.setRootValueSeparator(null);
                cursor.query("SELECT e.*, c.hash FROM domain_event_entry e LEFT JOIN audit_chain c "
                        + "ON c.global_index = e.global_index WHERE e.global_index > ? ORDER BY e.global_index"
                        + (limit == null ? "" : " LIMIT " + limit), rs -> {
                    try {
                        line.writeStartObject();
                        line.writeNumberField("position", rs.getLong("global_index"));
                        line.writeStringField("eventId", rs.getString("event_identifier"));
                        line.writeStringField("type", simpleName(rs.getString("payload_type")));
                        // stored as they are, so that an auditor can recompute the chain from the export alone
                        line.writeStringField("payloadType", rs.getString("payload_type"));
                        line.writeStringField("payloadRevision", rs.getString("payload_revision"));
                        line.writeStringField("aggregateType", rs.getString("type"));
                        line.writeStringField("aggregate", rs.getString("aggregate_identifier"));
                        line.writeNumberField("sequence", rs.getLong("sequence_number"));
                        line.writeStringField("recordedAt", rs.getString("time_stamp"));
                        String metaData = rs.getString("meta_data");
                        line.writeStringField("actor", metaData == null ? null : json.readTree(metaData).path("actor").asText(null));
                        line.writeFieldName("metaData");
                        line.writeRawValue(metaData == null ? "null" : metaData);
                        line.writeFieldName("payload");
                        line.writeRawValue(rs.getString("payload"));
                        line.writeStringField("hash", rs.getString("hash"));
                        line.writeEndObject();
                        line.writeRaw('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, after);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
