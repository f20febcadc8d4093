package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.LedgerApplication;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * A contract's verifiable statement: its figures are the contract's, its events are the contract's whole history with
 * every stored field, each proved against the signed checkpoint; the offline command ({@code verify-statement}, in a
 * process of its own, no database) accepts it and refuses it changed in any part, naming the event.
 */
class StatementTest {

    private static final String R = "recorder-a";
    private static final String AUDITOR = "auditor";
    private static final String C = "/api/v1/contracts/C-STMT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static LedgerNode node;
    private static LedgerClient c;
    private static String publicKey;
    private static Instant between;

    @BeforeAll
    static void record() throws InterruptedException {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        created(c.post(R, "/api/v1/contracts", contract("C-STMT", "DEMO-A", "LICENSE")));
        created(c.post(R, C + "/incomes", income("I-1", "500000.00", "2026-03-15")));
        created(c.post(R, C + "/costs", cost("K-1", "100000.00", "TAX")));
        Thread.sleep(20);
        between = Instant.now();
        Thread.sleep(20);
        created(c.post(R, C + "/reward-decisions", decision("D-1", "140000.00", "140000.00", "280000.00")));
        created(c.post(R, "/api/v1/contracts", contract("C-OTHER", "DEMO-A", "LICENSE")));
        publicKey = c.get(AUDITOR, "/api/v1/audit/public-key").body().strip();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void the_statement_is_the_contract_its_whole_history_and_proofs_against_the_signed_checkpoint() {
        JsonNode statement = statement(C + "/statement");
        assertThat(statement.get("contractId").asText()).isEqualTo("C-STMT");
        assertThat(statement.get("contract")).isEqualTo(c.get(AUDITOR, C).json());
        JsonNode events = statement.get("events");
        assertThat(events).hasSize(4);
        List<JsonNode> history = new ArrayList<>();
        c.get(AUDITOR, C + "/events").json().forEach(history::add);
        JsonNode checkpoint = statement.get("checkpoint");
        long size = checkpoint.get("treeSize").asLong();
        byte[] root = HEX.parseHex(checkpoint.get("rootHash").asText());
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertThat(e.get("sequence").asInt()).isEqualTo(i);
            assertThat(e.get("aggregate").asText()).isEqualTo("C-STMT");
            assertThat(e.get("payloadType").asText()).endsWith("." + history.get(i).get("type").asText());
            assertThat(e.get("payload").isTextual()).as("the stored JSON text").isTrue();
            // the test's own check: the leaf from the fields, the root from the path
            byte[] leaf = ReferenceMerkle.leaf(ChainHash.canonical(new LoggedEvent(e.get("position").asLong(),
                    e.get("eventId").asText(), e.get("aggregate").asText(), e.get("sequence").asLong(),
                    e.get("aggregateType").asText(), e.get("recordedAt").asText(), e.get("payloadType").asText(),
                    e.get("payloadRevision").isNull() ? null : e.get("payloadRevision").asText(), e.get("payload").asText(),
                    e.get("metaData").asText())));
            assertThat(e.get("leafHash").asText()).isEqualTo(HEX.formatHex(leaf));
            assertThat(ReferenceMerkle.rootFromInclusion(e.get("leafIndex").asInt(), (int) size, leaf,
                    MerkleLogTest.hashes(e.get("auditPath")))).isEqualTo(root);
        }
        assertThat(StatementCheck.check(statement, publicKey)).isEmpty();

        JsonNode then = statement(C + "/statement?asOf=" + between);
        assertThat(then.get("events")).hasSize(3);
        assertThat(then.get("contract")).isEqualTo(c.get(AUDITOR, C + "?asOf=" + between).json());
        assertThat(StatementCheck.check(then, publicKey)).isEmpty();

        assertThat(c.get(AUDITOR, "/api/v1/contracts/NOPE/statement").status()).isEqualTo(404);
        assertThat(c.get(AUDITOR, "/api/v1/contracts/DEMO-A/statement").status()).isEqualTo(404);
        assertThat(c.get(AUDITOR, C + "/statement?asOf=2020-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void the_offline_command_accepts_the_statement_and_refuses_it_changed_naming_the_event() throws IOException {
        ObjectNode statement = (ObjectNode) statement(C + "/statement");
        Path file = Files.createTempFile("statement", ".json");
        try {
            Files.writeString(file, statement.toString());
            Run good = run("--file=" + file, "--public-key=" + publicKey);
            assertThat(good.exit).as(good.toString()).isZero();
            assertThat(good.out).contains("verify-statement: valid: the 4 events of contract C-STMT");

            // a changed amount
            ObjectNode changed = statement.deepCopy();
            ObjectNode income = (ObjectNode) changed.get("events").get(1);
            income.put("payload", income.get("payload").asText().replace("500000.00", "50000.00"));
            assertRefused(file, changed, "the event at position " + income.get("position").asLong()
                    + " (sequence 1): its fields do not hash to its leaf hash");
            // an event left out
            ObjectNode shorter = statement.deepCopy();
            ((ArrayNode) shorter.get("events")).remove(2);
            assertRefused(file, shorter, "is not event 2 of contract C-STMT");
            // a bent path
            ObjectNode bent = statement.deepCopy();
            ((ArrayNode) bent.get("events").get(3).get("auditPath")).set(0, "00".repeat(32));
            assertRefused(file, bent, "(sequence 3): its inclusion proof does not lead to the signed checkpoint's root");
            // a root that is not the one signed
            ObjectNode resigned = statement.deepCopy();
            String note = resigned.get("checkpoint").get("note").asText();
            String[] lines = note.split("\n");
            ((ObjectNode) resigned.get("checkpoint")).put("note", note.replace("\n" + lines[2] + "\n",
                    "\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n"));
            assertRefused(file, resigned, "the checkpoint's signature does not verify with the ledger's key");

            Run usage = run("--file=" + file);
            assertThat(usage.exit).isEqualTo(2);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void assertRefused(Path file, JsonNode statement, String finding) throws IOException {
        Files.writeString(file, statement.toString());
        Run run = run("--file=" + file, "--public-key=" + publicKey);
        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.out).as(run.toString()).contains("verify-statement: NOT VALID: ").contains(finding);
    }

    private static JsonNode statement(String path) {
        LedgerClient.Response response = c.get(AUDITOR, path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private record Run(int exit, String out, String err) {
    }

    /** The command in a process of its own with no database settings at all. */
    private static Run run(String... options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, LedgerApplication.class.getName(),
                "verify-statement"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_"));
        try {
            Path out = Files.createTempFile("statement", ".out");
            Path err = Files.createTempFile("statement", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("verify-statement did not finish in 60 s");
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
