package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar ledger-app.jar verify-statement --file=STATEMENT.json --public-key=KEY}: checks a contract's
 * statement ({@code GET /contracts/{id}/statement}) with no database and no service: the checkpoint is signed by
 * the ledger's key, every event's stored fields hash to its leaf and its audit path leads from that leaf to the
 * checkpoint's root, the events are the contract's whole history from its registration, in order, and a timestamp
 * token the checkpoint carries is over its note and signed by its certificate (docs/audit.md, 2d). Exits 0 when
 * the statement holds, 1 when it does not (naming the event), 2 on a usage error.
 */
public final class StatementCheck {

    private StatementCheck() {
    }

    public static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2 || !kv[0].equals("file") && !kv[0].equals("public-key")) {
                return usage();
            }
            options.put(kv[0], kv[1]);
        }
        if (!options.containsKey("file") || !options.containsKey("public-key")) {
            return usage();
        }
        JsonNode statement;
        String key;
        try {
            statement = new ObjectMapper().readTree(Files.readString(Path.of(options.get("file")), StandardCharsets.UTF_8));
            String given = options.get("public-key");
            Path keyFile = Path.of(given);
            key = (!given.contains("+") && Files.isRegularFile(keyFile)
                    ? Files.readString(keyFile, StandardCharsets.US_ASCII) : given).strip();
        } catch (IOException | RuntimeException e) {
            System.err.println("verify-statement: " + e.getMessage());
            return 2;
        }
        List<String> findings = check(statement, key);
        if (findings.isEmpty()) {
            JsonNode checkpoint = statement.path("checkpoint");
            Timestamps.Checked stamp;
            try {
                stamp = timestamp(checkpoint);
            } catch (Timestamps.Invalid checkedAbove) {
                throw new IllegalStateException(checkedAbove);
            }
            System.out.println("verify-statement: valid: the " + statement.path("events").size() + " events of contract "
                    + statement.path("contractId").asText() + " are in the ledger's log as its key signed it at tree size "
                    + checkpoint.path("treeSize").asLong() + " (" + checkpoint.path("at").asText() + ")"
                    + (stamp == null ? "; the checkpoint has no timestamp token"
                    : "; its RFC 3161 timestamp token holds: the note existed at " + stamp.stampedAt() + " (signed by "
                    + stamp.authority() + "; whether to trust that authority is for the reader to decide)"));
            return 0;
        }
        findings.forEach(finding -> System.out.println("verify-statement: NOT VALID: " + finding));
        return 1;
    }

    private static int usage() {
        System.err.println("usage: verify-statement --file=STATEMENT.json --public-key=KEY (the verifier key, or a file holding it)");
        return 2;
    }

    /** What is wrong with the statement, the first finding first; empty when it holds. */
    public static List<String> check(JsonNode statement, String verifierKey) {
        List<String> findings = new ArrayList<>();
        SignedNote.Checkpoint signed;
        try {
            signed = SignedNote.open(statement.path("checkpoint").path("note").asText(), verifierKey);
        } catch (SignedNote.Invalid e) {
            findings.add(e.getMessage());
            return findings;
        }
        JsonNode checkpoint = statement.path("checkpoint");
        if (checkpoint.path("treeSize").asLong() != signed.treeSize()
                || !checkpoint.path("rootHash").asText().equals(HexFormat.of().formatHex(signed.rootHash()))) {
            findings.add("the statement's tree size or root hash is not the one its signed checkpoint names");
        }
        try {
            timestamp(checkpoint);
        } catch (Timestamps.Invalid e) {
            findings.add("the checkpoint's timestamp: " + e.getMessage());
        }
        String contractId = statement.path("contractId").asText();
        JsonNode events = statement.path("events");
        if (events.isEmpty()) {
            findings.add("the statement has no events");
        }
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            String where = "the event at position " + e.path("position").asLong() + " (sequence " + e.path("sequence").asLong() + ")";
            if (!e.path("aggregate").asText().equals(contractId) || e.path("sequence").asLong() != i) {
                findings.add(where + " is not event " + i + " of contract " + contractId
                        + ": the events are not the contract's whole history, in order");
                continue;
            }
            if (i == 0 && !e.path("payloadType").asText().endsWith(".ContractRegistered")) {
                findings.add(where + " is not the contract's registration");
            }
            byte[] leaf = Merkle.leafHash(ChainHash.canonical(new LoggedEvent(e.path("position").asLong(),
                    text(e, "eventId"), text(e, "aggregate"), e.path("sequence").asLong(), text(e, "aggregateType"),
                    text(e, "recordedAt"), text(e, "payloadType"), text(e, "payloadRevision"), text(e, "payload"),
                    text(e, "metaData"))));
            if (!HexFormat.of().formatHex(leaf).equals(e.path("leafHash").asText())) {
                findings.add(where + ": its fields do not hash to its leaf hash");
            }
            List<byte[]> path = new ArrayList<>();
            e.path("auditPath").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
            if (!Merkle.verifyInclusion(e.path("leafIndex").asLong(), signed.treeSize(), leaf, path, signed.rootHash())) {
                findings.add(where + ": its inclusion proof does not lead to the signed checkpoint's root");
            }
        }
        return findings;
    }

    /**
     * The checkpoint's RFC 3161 token checked against its note, or null when it has none; {@code timestampedAt}
     * must be the time the token names.
     */
    private static Timestamps.Checked timestamp(JsonNode checkpoint) throws Timestamps.Invalid {
        String token = text(checkpoint, "timestampToken");
        if (token == null) {
            return null;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new Timestamps.Invalid("the token is not base64");
        }
        Timestamps.Checked checked = Timestamps.check(der, checkpoint.path("note").asText());
        String at = text(checkpoint, "timestampedAt");
        if (at == null || !checked.stampedAt().equals(instant(at))) {
            throw new Timestamps.Invalid("timestampedAt (" + at + ") is not the time the token names (" + checked.stampedAt() + ")");
        }
        return checked;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
