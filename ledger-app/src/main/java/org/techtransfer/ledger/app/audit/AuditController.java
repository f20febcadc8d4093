package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.rule.InvalidField;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.io.IOException;

/** The audit endpoints of API.md: the chain's digest, its verification, and the log as NDJSON. */
@RestController
public class AuditController {

    private final ChainVerifier verifier;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    AuditController(DataSource dataSource, PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.verifier = new ChainVerifier(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    @GetMapping("/api/v1/audit/digest")
    @Operation(summary = "The head of the hash chain, to keep outside the ledger (AUDITOR, ADMIN)")
    public ChainVerifier.Digest digest() {
        ChainVerifier.Digest head = verifier.head();
        if (head == null) {
            throw new NotFound("nothing has been sealed yet");
        }
        return head;
    }

    @GetMapping("/api/v1/audit/verify")
    @Operation(summary = "Recompute the chain from the log; with a digest, whether the history up to it is unchanged")
    public ChainVerifier.Report verify(@RequestParam(required = false) Long digestPosition,
                                       @RequestParam(required = false) String digestHash) {
        if ((digestPosition == null) != (digestHash == null)) {
            throw new InvalidField(digestPosition == null ? "digestPosition" : "digestHash",
                    "a digest needs both digestPosition and digestHash");
        }
        if (digestHash != null && !digestHash.matches("[0-9a-f]{64}")) {
            throw new InvalidField("digestHash", "must be 64 lowercase hexadecimal digits");
        }
        return verifier.verify(digestHash == null ? null : new ChainVerifier.Digest(digestPosition, digestHash, null));
    }

    /**
     * The global log in order, one JSON object a line, with each event's chain hash (null while not yet
     * sealed). Streamed from a database cursor: memory does not grow with the log.
     */
    @GetMapping(path = "/api/v1/audit/events", produces = "application/x-ndjson")
    @Operation(summary = "The global event log as NDJSON with chain hashes; resumable with after (AUDITOR, ADMIN)")
    public ResponseEntity<StreamingResponseBody> events(@RequestParam(defaultValue = "0") long after,
                                                        @RequestParam(required = false) Long limit) {
        if (limit != null && limit < 1) {
            throw new InvalidField("limit", "must be a positive integer");
        }
        StreamingResponseBody body = out -> readOnly.executeWithoutResult(status -> {
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
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
