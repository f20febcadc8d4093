package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * What an auditor does on a page (docs/audit.md): keep the digest, verify the chain against one kept before,
 * compare the read models' checksums, rebuild them by replay, and take the whole log away.
 */
@ConsolePage
class AuditPages {

    private final ChainVerifier verifier;
    private final Projections projections;
    private final LogExport export;
    private final ObjectMapper json;

    AuditPages(DataSource dataSource, Projections projections, LogExport export, ObjectMapper json, AuditKey key) {
        this.verifier = new ChainVerifier(dataSource, key.verifierKey());
        this.projections = projections;
        this.export = export;
        this.json = json;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) Long digestPosition,
                 @RequestParam(required = false) String digestHash, Model model) {
        model.addAttribute("digest", verifier.head());
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
