package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techtransfer.ledger.app.LedgerApplication;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * Verification without the service: {@link ChainVerifier} on a plain data source, and the real command
 * line ({@code java ... LedgerApplication verify [--digest-position=N --digest-hash=H]}, what
 * {@code java -jar ledger-app.jar verify} and {@code make verify} run) in a process of its own, with the
 * database given by {@code LEDGER_DB_URL}: exit code 0 when the chain holds, 1 when it does not, 2 on a
 * usage error. The test classpath stands in for the jar, which {@code mvn test} has not built yet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyCommandTest {

    private static final String R = "recorder-a";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String url;
    private static LedgerNode node;
    private static JsonNode digest;
    private static long events;

    @BeforeAll
    static void recordAndSeal() throws SQLException {
        url = TestDatabase.fresh();
        node = LedgerNode.start(url);
        LedgerClient c = node.client();
        created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        created(c.post(R, "/api/v1/contracts", contract("C-VER", "DEMO-A", "ASSIGNMENT")));
        created(c.post(R, "/api/v1/contracts/C-VER/incomes", income("I-1", "400000.00", "2026-03-15")));
        created(c.post(R, "/api/v1/contracts/C-VER/incomes", income("I-2", "250000.00", "2026-04-15")));
        created(c.post(R, "/api/v1/contracts/C-VER/costs", cost("K-1", "50000.00", "TAX")));
        events = query("SELECT count(*) FROM domain_event_entry");
        digest = TamperDetectionTest.awaitDigest(c, query("SELECT max(global_index) FROM domain_event_entry"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void the_verifier_on_a_plain_data_source_agrees_with_the_service() {
        ChainVerifier verifier = new ChainVerifier(new DriverManagerDataSource(url));
        ChainVerifier.Digest head = verifier.head();
        assertThat(head.position()).isEqualTo(digest.get("position").asLong());
        assertThat(head.hash()).isEqualTo(digest.get("hash").asText());

        ChainVerifier.Report plain = verifier.verify(null);
        assertThat(plain.valid()).isTrue();
        assertThat(plain.checkedEvents()).isEqualTo(events);
        assertThat(plain.firstInvalidPosition()).isNull();
        assertThat(plain.digestMatches()).isNull();
        assertThat(plain.head().hash()).isEqualTo(head.hash());

        assertThat(verifier.verify(head).digestMatches()).isTrue();
        assertThat(plain.chainValid()).isTrue();
        assertThat(plain.treeValid()).isTrue();
        assertThat(plain.checkpointsValid()).as("no key given: signatures not checked").isNull();
        ChainVerifier.Report wrong = verifier.verify(new ChainVerifier.Digest(head.position(), "ab".repeat(32), null));
        assertThat(wrong.valid()).as("one verdict: a digest that differs is not valid").isFalse();
        assertThat(wrong.chainValid()).as("the chain itself holds").isTrue();
        assertThat(wrong.digestMatches()).isFalse();
        assertThat(wrong.reason()).isEqualTo("the digest's hash differs from the chain's link at its position " + head.position());
        // a digest of a history the ledger never reached cannot be confirmed
        ChainVerifier.Report beyond = verifier.verify(new ChainVerifier.Digest(head.position() + 100, head.hash(), null));
        assertThat(beyond.valid()).isFalse();
        assertThat(beyond.digestMatches()).isFalse();
        assertThat(beyond.reason()).isEqualTo("the digest's position " + (head.position() + 100)
                + " is beyond the chain's head " + head.position());
        // the service says the same, in the same words
        JsonNode served = node.client().get("auditor", "/api/v1/audit/verify?digestPosition=" + (head.position() + 100)
                + "&digestHash=" + head.hash()).json();
        assertThat(served.get("valid").asBoolean()).isFalse();
        assertThat(served.get("reason").asText()).isEqualTo(beyond.reason());
    }

    @Test
    @Order(2)
    void the_command_exits_0_when_the_chain_holds_and_matches_the_digest() {
        Run withDigest = verify("--digest-position=" + digest.get("position").asLong(),
                "--digest-hash=" + digest.get("hash").asText());
        assertThat(withDigest.exit).as(withDigest.toString()).isZero();
        JsonNode report = withDigest.report();
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("checkedEvents").asLong()).isEqualTo(events);
        assertThat(report.get("digestMatches").asBoolean()).isTrue();
        assertThat(withDigest.err).contains("verify: valid: the log, its chain and its tree hold, and its checkpoints");
        assertThat(report.get("chainValid").asBoolean()).isTrue();
        assertThat(report.get("checkpointsValid").asBoolean()).as("the ledger's own key, found in its data directory").isTrue();

        // upper-case hexadecimal is accepted as well
        Run upper = verify("--digest-position=" + digest.get("position").asLong(),
                "--digest-hash=" + digest.get("hash").asText().toUpperCase());
        assertThat(upper.exit).as(upper.toString()).isZero();

        Run withoutDigest = verify();
        assertThat(withoutDigest.exit).as(withoutDigest.toString()).isZero();
        assertThat(withoutDigest.report().get("valid").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void the_command_exits_1_when_the_digest_does_not_match() {
        Run run = verify("--digest-position=" + digest.get("position").asLong(), "--digest-hash=" + "0f".repeat(32));
        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.report().get("valid").asBoolean()).isFalse();
        assertThat(run.report().get("chainValid").asBoolean()).isTrue();
        assertThat(run.report().get("digestMatches").asBoolean()).isFalse();
        assertThat(run.err).contains("verify: NOT VALID: the digest's hash differs from the chain's link at its position "
                + digest.get("position").asLong());

        Run beyond = verify("--digest-position=" + (digest.get("position").asLong() + 100), "--digest-hash=" + "0f".repeat(32));
        assertThat(beyond.exit).as(beyond.toString()).isEqualTo(1);
        assertThat(beyond.err).contains("verify: NOT VALID: the digest's position " + (digest.get("position").asLong() + 100)
                + " is beyond the chain's head " + digest.get("position").asLong());
    }

    @Test
    @Order(3)
    void the_command_checks_a_checkpoint_kept_in_a_file_and_its_signature() throws IOException {
        LedgerClient c = node.client();
        JsonNode checkpoint = MerkleLogTest.awaitCheckpoint(c, events);
        String publicKey = c.get("auditor", "/api/v1/audit/public-key").body().strip();
        Path kept = Files.createTempFile("checkpoint", ".txt");
        Path key = Files.createTempFile("public-key", ".txt");
        try {
            Files.writeString(kept, checkpoint.get("note").asText());
            Files.writeString(key, publicKey + "\n");
            Run good = verify("--checkpoint=" + kept, "--public-key=" + key);
            assertThat(good.exit).as(good.toString()).isZero();
            assertThat(good.report().get("checkpointMatches").asBoolean()).isTrue();
            assertThat(good.report().get("checkpointsValid").asBoolean()).isTrue();

            String note = checkpoint.get("note").asText();
            String signature = note.substring(note.lastIndexOf(' ') + 1, note.length() - 1);
            byte[] forged = java.util.Base64.getDecoder().decode(signature);
            forged[20] ^= 1;
            Files.writeString(kept, note.replace(signature, java.util.Base64.getEncoder().encodeToString(forged)));
            Run bad = verify("--checkpoint=" + kept, "--public-key=" + publicKey);
            assertThat(bad.exit).as(bad.toString()).isEqualTo(1);
            assertThat(bad.report().get("checkpointMatches").asBoolean()).isFalse();
            assertThat(bad.err).contains("verify: NOT VALID: the checkpoint's signature does not verify with the ledger's key");
            JsonNode served = c.get("auditor", "/api/v1/audit/verify?checkpoint="
                    + java.net.URLEncoder.encode(Files.readString(kept), StandardCharsets.UTF_8)).json();
            assertThat(served.get("reason").asText()).isEqualTo(bad.report().get("reason").asText());
        } finally {
            Files.deleteIfExists(kept);
            Files.deleteIfExists(key);
        }
    }

    @Test
    @Order(4)
    void the_command_exits_2_on_bad_usage() {
        for (String[] args : List.of(
                new String[]{"--digest-position"},
                new String[]{"digest"},
                new String[]{"--digest-position=12"},
                new String[]{"--digest-hash=" + "ab".repeat(32)},
                new String[]{"--digest-position=twelve", "--digest-hash=" + "ab".repeat(32)},
                new String[]{"--digest-position=12", "--digest-hash=not-a-hash"},
                new String[]{"--digest-positon=12"},
                new String[]{"--checkpoint=/no/such/file"})) {
            Run run = verify(args);
            assertThat(run.exit).as(run.toString()).isEqualTo(2);
            assertThat(run.err).isNotBlank();
        }
    }

    @Test
    @Order(5)
    void after_tampering_the_command_exits_1_and_names_the_position() throws SQLException {
        long position;
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT global_index FROM domain_event_entry WHERE payload LIKE '%\"incomeId\":\"I-2\"%'")) {
                assertThat(r.next()).isTrue();
                position = r.getLong(1);
            }
            c.setAutoCommit(false);
            s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
            assertThat(s.executeUpdate("UPDATE domain_event_entry SET payload = replace(payload, '\"250000.00\"', "
                    + "'\"25000.00\"') WHERE global_index = " + position)).isEqualTo(1);
            s.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
            c.commit();
        }

        Run plain = verify();
        assertThat(plain.exit).as(plain.toString()).isEqualTo(1);
        assertThat(plain.report().get("valid").asBoolean()).isFalse();
        assertThat(plain.report().get("firstInvalidPosition").asLong()).isEqualTo(position);

        Run withDigest = verify("--digest-position=" + digest.get("position").asLong(),
                "--digest-hash=" + digest.get("hash").asText());
        assertThat(withDigest.exit).as(withDigest.toString()).isEqualTo(1);
        assertThat(withDigest.report().get("digestMatches").asBoolean()).isFalse();

        ChainVerifier.Report direct = new ChainVerifier(new DriverManagerDataSource(url)).verify(null);
        assertThat(direct.valid()).isFalse();
        assertThat(direct.firstInvalidPosition()).isEqualTo(position);
    }

    /** One run of the command line; {@code out} is the report, {@code err} the verdict and any error. */
    private record Run(int exit, String out, String err) {

        /** The JSON report: the pretty-printed object on standard output (log lines around it skipped). */
        JsonNode report() {
            int start = out.indexOf("{\n");
            int end = out.lastIndexOf("\n}");
            assertThat(start).as("a report on standard output: " + this).isNotNegative();
            try {
                return JSON.readTree(out.substring(start, end + 2));
            } catch (IOException e) {
                throw new AssertionError("the report is not JSON: " + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private static Run verify(String... options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, LedgerApplication.class.getName(), "verify"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LEDGER_DB_URL", url);
        builder.environment().remove("LEDGER_DB_USER");
        builder.environment().remove("LEDGER_DB_PASSWORD");
        try {
            Path out = Files.createTempFile("verify", ".out");
            Path err = Files.createTempFile("verify", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("verify did not finish in 60 s: " + command);
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

    private static long query(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
