package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * External anchoring (docs/audit.md): with a time stamping authority configured, the kept checkpoints get RFC 3161
 * tokens that hold (checked here with BouncyCastle and the authority's own certificate), returned with the
 * checkpoint and in a statement, and checked by the offline statement check; an authority that is down, refuses,
 * answers with another imprint or too late stops no sealing, leaves no token, is logged and counted, and the
 * checkpoints it missed are stamped once it answers again.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointTimestampTest {

    private static final String R = "recorder-a";
    private static final String AUDITOR = "auditor";

    private static TestTimestampAuthority tsa;
    private static LedgerNode node;
    private static LedgerClient c;
    private static JdbcTemplate jdbc;
    private static int incomes;

    @BeforeAll
    static void start() throws Exception {
        tsa = new TestTimestampAuthority();
        String url = TestDatabase.fresh();
        node = LedgerNode.start(url, "--ledger.audit.tsa.url=" + tsa.url(), "--ledger.audit.tsa.connect-timeout=1s",
                "--ledger.audit.tsa.timeout=1s", "--ledger.audit.tsa.interval=100ms", "--ledger.audit.tsa.retry-after=300ms");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
        c = node.client();
        created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        created(c.post(R, "/api/v1/contracts", contract("C-TS", "DEMO-A", "LICENSE")));
        recordIncome();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (tsa != null) {
            tsa.close();
        }
    }

    @Test
    @Order(1)
    void a_kept_checkpoint_gets_a_token_that_holds_returned_with_it_and_in_the_statement(CapturedOutput output) throws Exception {
        JsonNode checkpoint = awaitStamped(events());
        String note = checkpoint.get("note").asText();
        byte[] der = Base64.getDecoder().decode(checkpoint.get("timestampToken").asText());

        // the test's own check: over SHA-256 of the note, signed by this authority's key, at the time returned
        TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(note.getBytes(StandardCharsets.UTF_8)));
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificate));
        assertThat(Instant.parse(checkpoint.get("timestampedAt").asText())).isEqualTo(token.getTimeStampInfo().getGenTime().toInstant());
        assertThat(jdbc.queryForObject("SELECT authority FROM audit_checkpoint_timestamp WHERE tree_size = ?", String.class,
                checkpoint.get("treeSize").asLong())).isEqualTo(tsa.url());

        // the statement carries it; the offline check verifies it and says so
        LedgerClient.Response response = c.get(AUDITOR, "/api/v1/contracts/C-TS/statement");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        ObjectNode statement = (ObjectNode) response.json();
        assertThat(statement.get("checkpoint").get("timestampToken").asText()).isNotEmpty();
        String publicKey = c.get(AUDITOR, "/api/v1/audit/public-key").body().strip();
        assertThat(StatementCheck.check(statement, publicKey)).isEmpty();
        Path file = Files.createTempFile("statement", ".json");
        try {
            Files.writeString(file, statement.toString());
            assertThat(StatementCheck.run(new String[]{"verify-statement", "--file=" + file, "--public-key=" + publicKey})).isZero();
            assertThat(output).contains("its RFC 3161 timestamp token holds: the note existed at "
                    + checkpoint.get("timestampedAt").asText() + " (signed by CN=Test Time Stamping Authority");
        } finally {
            Files.deleteIfExists(file);
        }

        // a token over another note, a token whose signature was changed, a time that is not the token's: refused
        Timestamps other = new Timestamps(URI.create(tsa.url()), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertRefused(statement, "timestampToken", Base64.getEncoder().encodeToString(other.stamp("another note").token()),
                "the checkpoint's timestamp: the timestamp token is not over the checkpoint's note");
        byte[] forged = der.clone();
        forged[forged.length - 1] ^= 1; // the last byte of the signature
        assertRefused(statement, "timestampToken", Base64.getEncoder().encodeToString(forged),
                "the checkpoint's timestamp: the timestamp token's signature does not verify with its certificate");
        assertRefused(statement, "timestampedAt", "2020-01-01T00:00:00Z",
                "the checkpoint's timestamp: timestampedAt (2020-01-01T00:00:00Z) is not the time the token names");

        // the console's audit page says the checkpoint is stamped and hands out the same token
        HttpClient console = signedIn(AUDITOR);
        String page = console.send(HttpRequest.newBuilder(URI.create(base() + "/audit?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("An external time stamping authority (RFC 3161) signed that this checkpoint existed at")
                .contains("href=\"/audit/checkpoint.tst\"");
        HttpResponse<byte[]> download = console.send(HttpRequest.newBuilder(URI.create(base() + "/audit/checkpoint.tst")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(der);
    }

    private static String base() {
        return "http://localhost:" + node.port();
    }

    /** A console session: the sign-in form posted with its CSRF token, the session kept in the client's cookies. */
    private static HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(base() + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as(form).isTrue();
        String body = "username=" + user + "&password=" + TestUsers.PASSWORD + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    @Test
    @Order(2)
    void an_authority_down_refusing_answering_wrongly_or_late_stops_no_sealing_leaves_no_token_and_is_tried_again(
            CapturedOutput output) throws Exception {
        awaitStamped(events());
        String warning = "the time stamping authority " + tsa.url() + " gave no token for the checkpoint of tree size ";

        tsa.down();
        JsonNode missed = sealedWithoutToken("unreachable");
        assertThat(output).contains(warning + missed.get("treeSize").asLong() + " (unreachable): ");
        tsa.up();
        awaitStamped(events());

        tsa.mode = TestTimestampAuthority.Mode.REFUSE;
        missed = sealedWithoutToken("refused");
        assertThat(output).contains(warning + missed.get("treeSize").asLong() + " (refused): status 2 (the test authority refuses)");
        tsa.mode = TestTimestampAuthority.Mode.ANSWER;
        awaitStamped(events());

        tsa.mode = TestTimestampAuthority.Mode.WRONG_IMPRINT;
        missed = sealedWithoutToken("invalid");
        assertThat(output).contains(warning + missed.get("treeSize").asLong()
                + " (invalid): the token does not answer the request: response for different message imprint digest.");
        tsa.mode = TestTimestampAuthority.Mode.ANSWER;
        awaitStamped(events());

        tsa.mode = TestTimestampAuthority.Mode.SLOW;
        missed = sealedWithoutToken("unreachable");
        assertThat(output).contains(warning + missed.get("treeSize").asLong() + " (unreachable): no answer within 1000 ms");

        // back: the checkpoints it missed get their tokens, in order, each one that holds
        tsa.mode = TestTimestampAuthority.Mode.ANSWER;
        awaitStamped(events());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint c WHERE c.tree_size >= "
                + "(SELECT min(tree_size) FROM audit_checkpoint_timestamp) AND NOT EXISTS "
                + "(SELECT 1 FROM audit_checkpoint_timestamp t WHERE t.tree_size = c.tree_size)", Long.class)).isZero();
        jdbc.query("SELECT c.note, t.token FROM audit_checkpoint c JOIN audit_checkpoint_timestamp t ON t.tree_size = c.tree_size",
                rs -> {
                    try {
                        Timestamps.check(rs.getBytes("token"), rs.getString("note"));
                    } catch (Timestamps.Invalid e) {
                        throw new AssertionError(e.getMessage());
                    }
                });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint_timestamp", Long.class)).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(3)
    void a_url_that_is_no_http_url_stops_the_start() {
        for (String url : List.of("tsa.example.org/tsa", "ftp://tsa.example.org/", "http://")) {
            assertThatThrownBy(() -> new CheckpointStamper(new JdbcTemplate(), Clock.systemUTC(), new SimpleMeterRegistry(), url,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LEDGER_TSA_URL");
        }
    }

    /**
     * Records an event while the authority misbehaves: the event is sealed and in a kept checkpoint all the same,
     * the failure is counted, and that checkpoint has no token.
     */
    private static JsonNode sealedWithoutToken(String reason) {
        double failedBefore = failures(reason);
        recordIncome();
        JsonNode checkpoint = MerkleLogTest.awaitCheckpoint(c, events());
        long deadline = System.currentTimeMillis() + 20_000;
        while (failures(reason) <= failedBefore) {
            assertThat(System.currentTimeMillis()).as("a failure (%s) counted in 20 s", reason).isLessThan(deadline);
            sleep(50);
        }
        JsonNode latest = c.get(AUDITOR, "/api/v1/audit/checkpoint").json();
        assertThat(latest.get("timestampToken").isNull()).as(latest.toString()).isTrue();
        assertThat(latest.get("timestampedAt").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint_timestamp WHERE tree_size >= ?", Long.class,
                checkpoint.get("treeSize").asLong())).isZero();
        return checkpoint;
    }

    private static double failures(String reason) {
        return node.bean(MeterRegistry.class).get("ledger.audit.timestamp.failures").tag("reason", reason).counter().count();
    }

    /** Waits until the newest checkpoint covers {@code leaves} and has its token; at most 20 s. */
    private static JsonNode awaitStamped(long leaves) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            LedgerClient.Response response = c.get(AUDITOR, "/api/v1/audit/checkpoint");
            if (response.status() == 200 && response.json().get("treeSize").asLong() >= leaves
                    && !response.json().get("timestampToken").isNull()) {
                return response.json();
            }
            assertThat(System.currentTimeMillis()).as("a stamped checkpoint of %d leaves in 20 s", leaves).isLessThan(deadline);
            sleep(100);
        }
    }

    private static void assertRefused(ObjectNode statement, String field, String value, String finding) {
        ObjectNode changed = statement.deepCopy();
        ((ObjectNode) changed.get("checkpoint")).put(field, value);
        assertThat(StatementCheck.check(changed, c.get(AUDITOR, "/api/v1/audit/public-key").body().strip()))
                .anySatisfy(f -> assertThat(f).startsWith(finding));
    }

    private static long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static void recordIncome() {
        incomes++;
        created(c.post(R, "/api/v1/contracts/C-TS/incomes", income("I-" + incomes, incomes + "000.00", "2026-03-15")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
