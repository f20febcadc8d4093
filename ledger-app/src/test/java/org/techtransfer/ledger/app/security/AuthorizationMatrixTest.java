package org.techtransfer.ledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.PreparedContracts;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.PreparedContracts.created;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.equity;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;

/**
 * API.md's role table, endpoint by endpoint, for each of the five users, no credentials and a wrong
 * password. Allowed commands run on a contract prepared for them, with fresh ids, and must be recorded
 * (201); refused ones must leave the contract's version as it was. Also the operational endpoints:
 * health without credentials, Prometheus for ADMIN and AUDITOR, the OpenAPI document.
 */
class AuthorizationMatrixTest {

    private static final String API = "/api/v1";
    private static final String NONE = "(no credentials)";
    private static final String WRONG_PASSWORD = "(wrong password)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger FRESH = new AtomicInteger();

    /** Contracts prepared once, the targets of every read and of every refused command. */
    private static final String CONTRACT_A = "C-AUTH-A";
    private static final String CONTRACT_B = "C-AUTH-B";

    private static LedgerNode node;
    private static LedgerClient client;
    private static Instant afterSetup;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        client = node.client();
        created(client.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
        created(client.post("admin", API + "/institutions", institution("DEMO-B", "NATIONAL")));
        prepare(CONTRACT_A, "DEMO-A");
        prepare(CONTRACT_B, "DEMO-B");
        afterSetup = Instant.now();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    // ---- the table ----

    /** One row: who asks, what, on which institution's contract, and the status API.md gives. */
    record Case(String who, String method, String endpoint, String seller, Function<String, Object> body, int expected) {
        @Override
        public String toString() {
            return who + " " + method + " " + endpoint + (endpoint.contains("{id}") || endpoint.equals("/contracts")
                    ? " (" + seller + ")" : "") + " -> " + expected;
        }
    }

    private static final List<String> USERS = List.of("admin", "recorder-a", "recorder-b", "auditor", "finance");

    /** The command bodies, each with its own fresh id {@code s}; they succeed on a contract made by {@link #prepare}. */
    private static final Map<String, Function<String, Object>> COMMANDS = Map.ofEntries(
            Map.entry("incomes", s -> income("I-" + s, "100.00", "2026-05-01")),
            Map.entry("costs", s -> cost("K-" + s, "1.00", "TAX")),
            Map.entry("equity", s -> equity("E-" + s, 10)),
            Map.entry("reward-decisions", s -> decision("D-" + s, "500.00", "500.00", "1000.00")),
            Map.entry("equity-rewards", s -> body("decisionId", "ED-" + s, "decidedOn", "2026-04-02", "totalShares", 100,
                    "allocations", List.of(body("personId", "P-1", "shares", 100)))),
            Map.entry("publicity", s -> body("noticeId", "N-" + s, "decisionId", "D-L", "from", "2026-04-01",
                    "to", "2026-04-10")),
            Map.entry("payments", s -> payment("PAY-" + s, "P-1", "100.00", "2026-04-20")),
            Map.entry("amendments", s -> body("amendmentId", "A-" + s, "totalAmount", "1300000.00",
                    "technologyAmount", "1100000.00", "reason", "supplement signed")),
            Map.entry("reversals", s -> body("reversalId", "R-" + s, "entryId", "I-1", "reason", "recorded twice")),
            Map.entry("termination", s -> body("terminatedOn", "2026-09-30", "reason", "licensee insolvent")));

    static Stream<Case> matrix() {
        List<Case> cases = new ArrayList<>();
        //                                                               admin rec-a rec-b audit finance
        row(cases, "POST", "/institutions", "-", s -> institution("INST-" + s, "BEIJING"), 201, 403, 403, 403, 403);
        row(cases, "POST", "/contracts", "DEMO-A", s -> contract("C-" + s, "DEMO-A", "LICENSE"), 201, 201, 403, 403, 403);
        row(cases, "POST", "/contracts", "DEMO-B", s -> contract("C-" + s, "DEMO-B", "LICENSE"), 201, 403, 201, 403, 403);
        for (String command : COMMANDS.keySet().stream().sorted().toList()) {
            row(cases, "POST", "/contracts/{id}/" + command, "DEMO-A", COMMANDS.get(command), 201, 201, 403, 403, 403);
        }
        row(cases, "POST", "/contracts/{id}/incomes", "DEMO-B", COMMANDS.get("incomes"), 201, 403, 201, 403, 403);
        row(cases, "POST", "/contracts/{id}/termination", "DEMO-B", COMMANDS.get("termination"), 201, 403, 201, 403, 403);
        row(cases, "GET", "/contracts/{id}", "DEMO-A", null, 200, 200, 403, 200, 200);
        row(cases, "GET", "/contracts/{id}", "DEMO-B", null, 200, 403, 200, 200, 200);
        row(cases, "GET", "/contracts/{id}?asOf={t}", "DEMO-A", null, 200, 403, 403, 200, 403);
        row(cases, "GET", "/contracts/{id}/events", "DEMO-A", null, 200, 200, 403, 200, 403);
        row(cases, "GET", "/contracts/{id}/events", "DEMO-B", null, 200, 403, 200, 200, 403);
        row(cases, "GET", "/contracts/{id}/statement", "DEMO-A", null, 200, 200, 403, 200, 403);
        row(cases, "GET", "/contracts/{id}/statement?asOf={t}", "DEMO-A", null, 200, 403, 403, 200, 403);
        row(cases, "GET", "/institutions/DEMO-A", "-", null, 200, 200, 200, 200, 200);
        // the read models: a recorder reads its own institution's (another institution asked for is a 403)
        row(cases, "GET", "/contracts", "-", null, 200, 200, 200, 200, 200);
        row(cases, "GET", "/contracts?institutionId=DEMO-A", "-", null, 200, 200, 403, 200, 200);
        row(cases, "GET", "/rewards/obligations", "-", null, 200, 200, 200, 200, 200);
        row(cases, "GET", "/rewards/obligations?institutionId=DEMO-A", "-", null, 200, 200, 403, 200, 200);
        row(cases, "GET", "/payouts?institutionId=DEMO-B", "-", null, 200, 403, 200, 200, 200);
        row(cases, "GET", "/statistics/volume", "-", null, 200, 403, 403, 200, 200);
        row(cases, "GET", "/statistics/targets", "-", null, 200, 403, 403, 200, 200);
        return cases.stream();
    }

    private static void row(List<Case> cases, String method, String endpoint, String seller,
                            Function<String, Object> body, int... expected) {
        for (int i = 0; i < USERS.size(); i++) {
            cases.add(new Case(USERS.get(i), method, endpoint, seller, body, expected[i]));
        }
        cases.add(new Case(NONE, method, endpoint, seller, body, 401));
        cases.add(new Case(WRONG_PASSWORD, method, endpoint, seller, body, 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void each_user_gets_the_status_of_the_role_table(Case c) {
        boolean contractCommand = c.method().equals("POST") && c.endpoint().startsWith("/contracts/{id}");
        String contractId = c.seller().equals("DEMO-B") ? CONTRACT_B : CONTRACT_A;
        if (contractCommand && c.expected() == 201) {
            contractId = "C-FRESH-" + FRESH.incrementAndGet();
            prepare(contractId, c.seller());
        }
        String suffix = "M" + FRESH.incrementAndGet();
        Object body = c.body() == null ? null : c.body().apply(suffix);
        String path = API + c.endpoint().replace("{id}", contractId).replace("{t}", afterSetup.toString());
        long versionBefore = contractCommand ? version(contractId) : -1;
        long eventsBefore = contractCommand ? eventCount(contractId) : -1;

        HttpResponse<String> response = send(c.who(), c.method(), path, body);

        assertThat(response.statusCode()).as(c + ": " + response.body()).isEqualTo(c.expected());
        if (c.expected() == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(c + ": challenge").isPresent();
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        }
        if (c.expected() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(c.toString())
                    .startsWith("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.path("status").asInt()).isEqualTo(c.expected());
            assertThat(problem.path("detail").asText()).isNotBlank();
        }
        if (contractCommand) {
            if (c.expected() == 201) {
                assertThat(version(contractId)).as("recorded").isEqualTo(versionBefore + 1);
                assertThat(json(response).path("version").asLong()).isEqualTo(versionBefore + 1);
            } else {
                assertThat(version(contractId)).as(c + ": version unchanged").isEqualTo(versionBefore);
                assertThat(eventCount(contractId)).as(c + ": nothing recorded").isEqualTo(eventsBefore);
            }
        }
        if (c.endpoint().equals("/contracts")) {
            int expectedRead = c.expected() == 201 ? 200 : 404;
            assertThat(client.get("admin", API + "/contracts/C-" + suffix).status()).as(c.toString()).isEqualTo(expectedRead);
        }
        if (c.endpoint().equals("/institutions")) {
            int expectedRead = c.expected() == 201 ? 200 : 404;
            assertThat(client.get("admin", API + "/institutions/INST-" + suffix).status()).as(c.toString())
                    .isEqualTo(expectedRead);
        }
        if (c.expected() == 201) {
            assertThat(json(response).path("id").asText()).isNotBlank();
        }
    }

    @Test
    void a_recorder_of_another_institution_sees_neither_figures_nor_events_in_the_403() {
        HttpResponse<String> response = send("recorder-b", "GET", API + "/contracts/" + CONTRACT_A, null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("netIncome", "requiredReward", "P-1", "Researcher");
        HttpResponse<String> events = send("recorder-b", "GET", API + "/contracts/" + CONTRACT_A + "/events", null);
        assertThat(events.statusCode()).isEqualTo(403);
        assertThat(events.body()).doesNotContain("IncomeRecorded", "payload");
    }

    @Test
    void only_the_exact_credentials_sign_in_even_right_after_a_successful_sign_in() {
        String path = API + "/contracts/" + CONTRACT_A;
        assertThat(send("admin", "GET", path, null).statusCode()).isEqualTo(200);
        String basic = "Basic ";
        for (String authorization : List.of(
                basic + base64("admin:" + TestUsers.PASSWORD + "x"),
                basic + base64("admin:" + TestUsers.PASSWORD.substring(1)),
                basic + base64("Admin:" + TestUsers.PASSWORD),
                basic + base64("admin :" + TestUsers.PASSWORD),
                basic + base64("admin:"),
                basic + base64("nobody:" + TestUsers.PASSWORD),
                basic + base64("admin"),
                basic + "not base64 at all!",
                basic,
                "Bearer " + base64("admin:" + TestUsers.PASSWORD))) {
            HttpResponse<String> response = sendAuthorization(authorization, path);
            assertThat(response.statusCode()).as(authorization + ": " + response.body()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("netIncome");
        }
        assertThat(send("admin", "GET", path, null).statusCode()).isEqualTo(200);
    }

    // ---- operational endpoints ----

    @Test
    void health_answers_up_with_its_database_without_credentials() {
        HttpResponse<String> health = send(NONE, "GET", "/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        JsonNode json = json(health);
        assertThat(json.path("status").asText()).isEqualTo("UP");
        assertThat(json.path("components").has("db")).as(health.body()).isTrue();
        assertThat(json.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheus_is_for_admin_and_auditor_and_shows_commands_refusals_axon_and_http() throws InterruptedException {
        String id = "C-METRICS";
        created(client.post("admin", API + "/contracts", contract(id, "DEMO-A", "LICENSE")));
        created(client.post("admin", API + "/contracts/" + id + "/incomes", income("I-1", "1000.00", "2026-03-15")));
        LedgerClient.Response refused = client.post("admin", API + "/contracts/" + id + "/reward-decisions",
                decision("D-LOW", "50.00", "50.00", "100.00"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("REWARD_BELOW_MINIMUM");

        for (String who : List.of("recorder-a", "recorder-b", "finance")) {
            assertThat(send(who, "GET", "/actuator/prometheus", null).statusCode()).as(who).isEqualTo(403);
        }
        assertThat(send(NONE, "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(send(WRONG_PASSWORD, "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        for (String who : List.of("admin", "auditor")) {
            HttpResponse<String> metrics = send(who, "GET", "/actuator/prometheus", null);
            assertThat(metrics.statusCode()).as(who).isEqualTo(200);
            String text = metrics.body();
            assertThat(text).contains("ledger_commands_seconds_count");
            assertThat(text).contains("ledger_commands_refused_total{code=\"REWARD_BELOW_MINIMUM\"");
            assertThat(text).as("command bus timings").containsPattern("(?m)^commandBus_allTimer_seconds_count\\{.*payloadType=\"RegisterContract\"");
            // the read models' processor shows its meters with the first event it handles, a moment after the commands
            Pattern latency = Pattern.compile("(?m)^eventProcessor_latency\\w*\\{.*processorName=\"read-models\"");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!latency.matcher(text).find() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                text = send(who, "GET", "/actuator/prometheus", null).body();
            }
            assertThat(text).as("read model latency").containsPattern(latency);
            assertThat(text).as("no ten-minute capacity window").doesNotContainPattern("(?m)^(commandBus|eventProcessor)_capacity");
            assertThat(text).as("HTTP server timings").contains("http_server_requests_seconds");
        }
    }

    @Test
    void the_openapi_document_is_json_for_every_signed_in_user() {
        for (String who : USERS) {
            HttpResponse<String> docs = send(who, "GET", "/v3/api-docs", null);
            assertThat(docs.statusCode()).as(who).isEqualTo(200);
            assertThat(docs.headers().firstValue("Content-Type").orElse("")).contains("json");
            JsonNode json = json(docs);
            assertThat(json.has("openapi")).isTrue();
            assertThat(json.path("paths").has("/api/v1/contracts")).isTrue();
            assertThat(json.path("paths").has("/api/v1/contracts/{id}/incomes")).isTrue();
        }
        assertThat(send(NONE, "GET", "/v3/api-docs", null).statusCode()).isEqualTo(401);
    }

    // ---- helpers ----

    /** A contract on which every command of {@link #COMMANDS} succeeds once, each with a fresh id. */
    private static void prepare(String contractId, String seller) {
        String base = API + "/contracts/" + contractId;
        PreparedContracts.withEntries(client, contractId, seller);
        created(client.post("admin", base + "/publicity", body("noticeId", "N-1", "decisionId", "D-L",
                "from", "2026-04-01", "to", "2026-04-10")));
        created(client.post("admin", base + "/payments", payment("PAY-1", "P-1", "100.00", "2026-04-20")));
    }

    private static long version(String contractId) {
        LedgerClient.Response r = client.get("admin", API + "/contracts/" + contractId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("version").asLong();
    }

    private static long eventCount(String contractId) {
        LedgerClient.Response r = client.get("admin", API + "/contracts/" + contractId + "/events");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().size();
    }

    private static HttpResponse<String> send(String who, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!who.equals(NONE)) {
            String credentials = who.equals(WRONG_PASSWORD) ? "admin:not-the-password" : who + ":" + TestUsers.PASSWORD;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> sendAuthorization(String authorization, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                .header("Authorization", authorization).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

}
