package org.techtransfer.ledger.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.rule.InvalidField;

import javax.sql.DataSource;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit endpoints (docs/api.md): the chain's digest, its verification, and the log as NDJSON; and the Merkle
 * tree's signed checkpoints, their key and the proofs against them (docs/audit.md).
 */
@RestController
public class AuditController {

    private final ChainVerifier verifier;
    private final LogExport export;
    private final TreeStore tree;
    private final CheckpointStore checkpoints;
    private final AuditKey key;

    AuditController(DataSource dataSource, LogExport export, JdbcTemplate jdbc, AuditKey key) {
        this.verifier = new ChainVerifier(dataSource, key.verifierKey());
        this.export = export;
        this.tree = new TreeStore(jdbc);
        this.checkpoints = new CheckpointStore(jdbc);
        this.key = key;
    }

    @GetMapping("/api/v1/audit/checkpoint")
    @Operation(summary = "The newest signed checkpoint of the Merkle tree, to keep outside the ledger (AUDITOR, ADMIN)")
    public CheckpointStore.AuditCheckpoint checkpoint() {
        CheckpointStore.AuditCheckpoint latest = checkpoints.latest();
        if (latest == null) {
            throw new NotFound("no checkpoint has been signed yet");
        }
        return latest;
    }

    @GetMapping(path = "/api/v1/audit/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The key that verifies the checkpoints, as a signed-note verifier key (AUDITOR, ADMIN)")
    public String publicKey() {
        return key.verifierKey() + "\n";
    }

    /** RFC 9162 2.1.3: the audit path of one event's leaf. */
    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> auditPath) {
    }

    @GetMapping("/api/v1/audit/proof/inclusion")
    @Operation(summary = "The inclusion proof of the event at a position in the tree of a size (AUDITOR, ADMIN)")
    public InclusionProof inclusion(
            @RequestParam @Parameter(description = "The event's global position", example = "2") long position,
            @RequestParam(required = false) @Parameter(description = "The tree's size; the newest checkpoint's when "
                    + "absent", example = "2") Long treeSize) {
        // one round trip (docs/benchmarks.md, proofs): the leaf, the sizes and the nodes its path can take
        TreeStore.Inclusion proof = tree.inclusionAt(position, treeSize);
        if (proof.leaf() == null) {
            throw new NotFound("no sealed event at position " + position);
        }
        if (proof.size() == null) {
            throw new NotFound("no checkpoint has been signed yet");
        }
        if (proof.path() == null) {
            throw new InvalidField("treeSize", "must be more than the leaf's index (" + proof.leaf().index()
                    + ") and at most the tree's size (" + proof.storedSize() + ")");
        }
        return new InclusionProof(proof.leaf().index(), proof.size(), HEX.formatHex(proof.leaf().hash()), hex(proof.path()));
    }

    /** RFC 9162 2.1.4: that the tree of {@code from} leaves is the start of the tree of {@code to}. */
    public record ConsistencyProof(long from, long to, List<String> path) {
    }

    @GetMapping("/api/v1/audit/proof/consistency")
    @Operation(summary = "The consistency proof between two sizes of the tree (AUDITOR, ADMIN)")
    public ConsistencyProof consistency(
            @RequestParam @Parameter(description = "The older tree's size (a checkpoint kept)", example = "1") long from,
            @RequestParam @Parameter(description = "The newer tree's size", example = "2") long to) {
        if (from < 1) {
            throw new InvalidField("from", "must be at least 1");
        }
        if (to < from) {
            throw new InvalidField("to", "must be at least from");
        }
        TreeStore.Consistency proof = tree.consistency(from, to);
        if (proof.path() == null) {
            throw new InvalidField("to", "must be at least from and at most the tree's size (" + proof.storedSize() + ")");
        }
        return new ConsistencyProof(from, to, hex(proof.path()));
    }

    private static final HexFormat HEX = HexFormat.of();

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
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
    @Operation(summary = "One verdict: the log against its chain, its tree and its checkpoints and, when given, a digest "
            + "or checkpoint kept outside the ledger")
    public ChainVerifier.Report verify(@RequestParam(required = false) Long digestPosition,
                                       @RequestParam(required = false) String digestHash,
                                       @RequestParam(required = false) @Parameter(description = "A signed checkpoint kept "
                                               + "outside the ledger: the whole note of `GET /audit/checkpoint`, URL-encoded")
                                       String checkpoint) {
        if ((digestPosition == null) != (digestHash == null)) {
            throw new InvalidField(digestPosition == null ? "digestPosition" : "digestHash",
                    "a digest needs both digestPosition and digestHash");
        }
        if (digestHash != null && !digestHash.matches("[0-9a-f]{64}")) {
            throw new InvalidField("digestHash", "must be 64 lowercase hexadecimal digits");
        }
        if (checkpoint != null && checkpoint.isBlank()) {
            throw new InvalidField("checkpoint", "must be a signed note");
        }
        return verifier.verify(digestHash == null ? null : new ChainVerifier.Digest(digestPosition, digestHash, null),
                checkpoint);
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
