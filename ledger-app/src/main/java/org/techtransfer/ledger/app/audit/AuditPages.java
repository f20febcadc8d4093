package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techtransfer.ledger.app.admin.Projections;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.web.NotFound;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * What an auditor does on a page (docs/audit.md): keep the digest and the signed checkpoint, verify the ledger against
 * one kept before, compare the read models' checksums, rebuild them by replay, and take the whole log away.
 */
@ConsolePage
class AuditPages {

    private final ChainVerifier verifier;
    private final Projections projections;
    private final LogExport export;
    private final ObjectMapper json;
    private final CheckpointStore checkpoints;
    private final AuditKey key;

    AuditPages(DataSource dataSource, Projections projections, LogExport export, ObjectMapper json, AuditKey key,
               JdbcTemplate jdbc) {
        this.verifier = new ChainVerifier(dataSource, key.verifierKey());
        this.checkpoints = new CheckpointStore(jdbc);
        this.key = key;
        this.projections = projections;
        this.export = export;
        this.json = json;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) Long digestPosition,
                 @RequestParam(required = false) String digestHash,
                 @RequestParam(required = false) String checkpoint, Model model) {
        model.addAttribute("digest", verifier.head());
        model.addAttribute("checkpoint", checkpoints.latest());
        model.addAttribute("publicKey", key.verifierKey());
        if (checkpoint != null && !checkpoint.isBlank()) {
            // a textarea sends CRLF and may lose the last line break; the note is the text with LF line ends
            String note = checkpoint.replace("\r\n", "\n").strip() + "\n";
            model.addAttribute("pastedCheckpoint", note);
            model.addAttribute("checkpointReport", verifier.verify(null, note));
            try {
                model.addAttribute("pastedSize", SignedNote.parse(note).treeSize());
            } catch (SignedNote.Invalid e) {
                // the report says why
            }
        }
        model.addAttribute("projections", projections.status());
        if (digestPosition != null && digestHash != null) {
            String hash = digestHash.strip().toLowerCase(java.util.Locale.ROOT);
            model.addAttribute("digestPosition", digestPosition);
            model.addAttribute("digestHash", hash);
            if (hash.matches("[0-9a-f]{64}")) {
                model.addAttribute("report", verifier.verify(new ChainVerifier.Digest(digestPosition, hash, null)));
            } else {
                model.addAttribute("hashInvalid", true);
            }
        }
        return "audit";
    }

    /** The digest as a file to keep: the same JSON as {@code GET /api/v1/audit/digest}. */
    @GetMapping("/audit/digest.json")
    ResponseEntity<byte[]> digestFile() throws IOException {
        ChainVerifier.Digest head = verifier.head();
        if (head == null) {
            throw new NotFound("nothing has been sealed yet");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-digest-" + head.position() + ".json\"")
                .body(json.writeValueAsBytes(head));
    }

    /** The newest checkpoint's signed note as a file to keep. */
    @GetMapping("/audit/checkpoint.txt")
    ResponseEntity<byte[]> checkpointFile() {
        CheckpointStore.AuditCheckpoint latest = checkpoints.latest();
        if (latest == null) {
            throw new NotFound("no checkpoint has been signed yet");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-checkpoint-" + latest.treeSize() + ".txt\"")
                .body(latest.note().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The newest checkpoint's RFC 3161 token (DER), for {@code openssl ts -verify} (docs/audit.md, section 2d). */
    @GetMapping("/audit/checkpoint.tst")
    ResponseEntity<byte[]> checkpointToken() {
        CheckpointStore.AuditCheckpoint latest = checkpoints.latest();
        if (latest == null || latest.timestampToken() == null) {
            throw new NotFound("the newest checkpoint has no time stamp yet");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-checkpoint-" + latest.treeSize() + ".tst\"")
                .body(java.util.Base64.getDecoder().decode(latest.timestampToken()));
    }

    @GetMapping("/audit/events.ndjson")
    ResponseEntity<StreamingResponseBody> events() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-events.ndjson\"")
                .body(out -> export.write(out, 0, null));
    }

    @PostMapping("/audit/replay")
    String replay(RedirectAttributes redirect) {
        projections.replayAll();
        redirect.addFlashAttribute("replayStarted", true);
        return "redirect:/audit";
    }
}
