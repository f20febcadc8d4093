package org.techtransfer.ledger.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.rule.InvalidField;

import javax.sql.DataSource;

/** The audit endpoints of API.md: the chain's digest, its verification, and the log as NDJSON. */
@RestController
public class AuditController {

    private final ChainVerifier verifier;
    private final LogExport export;

    AuditController(DataSource dataSource, LogExport export) {
        this.verifier = new ChainVerifier(dataSource);
        this.export = export;
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

    /** The global log in order as NDJSON ({@link LogExport}). */
    @GetMapping(path = "/api/v1/audit/events", produces = "application/x-ndjson")
    @Operation(summary = "The global event log as NDJSON with chain hashes; resumable with after (AUDITOR, ADMIN)")
    public ResponseEntity<StreamingResponseBody> events(@RequestParam(defaultValue = "0") long after,
                                                        @RequestParam(required = false) Long limit) {
        if (limit != null && limit < 1) {
            throw new InvalidField("limit", "must be a positive integer");
        }
        StreamingResponseBody body = out -> export.write(out, after, limit);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }
}
