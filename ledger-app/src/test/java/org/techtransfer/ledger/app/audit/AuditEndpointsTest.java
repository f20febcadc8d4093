package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;

/**
 * The auditor's endpoints on a running ledger: the log exported as NDJSON (complete, in order,
 * resumable, streamed), the hash of every line recomputable from the stored rows, who may call them,
 * a contract as it stood at a past instant, and the read models rebuilt by a replay to the same checksums.
 */
class AuditEndpointsTest {

    private static final String R = "recorder-a";
    private static final String AUDITOR = "auditor";
    private static final String EVENTS = "/api/v1/audit/events";
    private static final Set<String> READ_MODELS = Set.of("reward-obligations", "payouts", "contract-volumes", "contract-catalog",
            "achievement-registry", "indicator-figures", "technology-demands", "receivables", "co-owner-obligations");
    /** Synthetic incomes written straight into the log, so that the export is larger than any buffer. */
    private static final int BULK = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String url;
    private static LedgerNode node;
    private static LedgerClient c;

    @BeforeAll
    static void record() throws SQLException {
        url = TestDatabase.fresh();
        node = LedgerNode.start(url);
        c = node.client();
        created(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        created(c.post(R, "/api/v1/contracts", contract("C-LOG", "DEMO-A", "LICENSE")));
        String log = "/api/v1/contracts/C-LOG";
        created(c.post(R, log + "/incomes", income("I-1", "500000.00", "2026-03-15")));
        created(c.post(R, log + "/costs", cost("K-1", "100000.00", "TAX")));
        created(c.post("admin", log + "/incomes", income("I-2", "300000.00", "2026-06-15")));
        created(c.post(R, log + "/reward-decisions", decision("D-1", "245000.00", "245000.00", "490000.00")));
        created(c.post(R, log + "/payments", payment("PAY-1", "P-1", "245000.00", "2026-04-20")));

        // a contract with thousands of incomes: the first recorded over HTTP, the others copied from it in SQL
        // (the log's triggers refuse UPDATE and DELETE, not INSERT)
        created(c.post(R, "/api/v1/contracts", contract("C-BULK", "DEMO-A", "ASSIGNMENT")));
        created(c.post(R, "/api/v1/contracts/C-BULK/incomes", income("I-0", "10.00", "2026-03-02")));
        try (Connection db = TestDatabase.connect(url); Statement s = db.createStatement()) {
            int inserted = s.executeUpdate("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
                    + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "SELECT 'bulk-' || g || '-' || md5(random()::text), aggregate_identifier, sequence_number + g, type, "
                    + "time_stamp, payload_type, payload_revision, replace(payload, '\"I-0\"', '\"I-B' || g || '\"'), meta_data "
                    + "FROM domain_event_entry, generate_series(1, " + BULK + ") g "
                    + "WHERE aggregate_identifier = 'C-BULK' AND sequence_number = 1 ORDER BY g");
            assertThat(inserted).isEqualTo(BULK);
        }
        JsonNode bulk = c.get(AUDITOR, "/api/v1/contracts/C-BULK").json();
        assertThat(bulk.get("version").asLong()).isEqualTo(1 + BULK);
        assertThat(bulk.get("income").asText()).isEqualTo("30010.00");

        // issue 15's read models: a co-owned contract with payment terms and a receipt
        created(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        created(c.post(R, "/api/v1/contracts", contract("C-DEAL", "DEMO-A", "LICENSE")));
        created(c.post(R, "/api/v1/contracts/C-DEAL/co-owners", body("coOwnershipId", "CO-1", "owners", List.of(
                body("institutionId", "DEMO-A", "share", new BigDecimal("0.6")),
                body("institutionId", "DEMO-B", "share", new BigDecimal("0.4"))))));
        created(c.post(R, "/api/v1/contracts/C-DEAL/payment-terms", body("termsId", "T-1", "instalments", List.of(
                body("instalmentId", "I-1", "kind", "FIXED", "amount", "1200000.00", "dueOn", "2026-04-01")))));
        created(c.post(R, "/api/v1/contracts/C-DEAL/incomes", income("I-D", "100000.00", "2026-03-15")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void the_log_is_exported_as_ndjson_in_global_order_with_hashes_that_recompute_from_the_rows() throws SQLException {
        awaitSealed();
        LedgerClient.Response response = c.get(AUDITOR, EVENTS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        assertThat(response.body()).endsWith("\n");
        List<JsonNode> lines = lines(response.body());

        List<Object[]> rows = new ArrayList<>();
        try (Connection db = TestDatabase.connect(url); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT e.*, c.hash FROM domain_event_entry e LEFT JOIN audit_chain c "
                     + "ON c.global_index = e.global_index ORDER BY e.global_index")) {
            while (r.next()) {
                rows.add(new Object[]{LoggedEvent.read(r), r.getString("hash")});
            }
        }
        assertThat(lines).hasSameSizeAs(rows);
        assertThat(lines.size()).isGreaterThan(BULK);

        String previous = ChainHash.GENESIS;
        for (int i = 0; i < rows.size(); i++) {
            LoggedEvent row = (LoggedEvent) rows.get(i)[0];
            JsonNode line = lines.get(i);
            String at = "line " + (i + 1) + ": " + line;
            assertThat(line.get("position").asLong()).as(at).isEqualTo(row.globalIndex());
            assertThat(line.get("type").asText()).as(at).isEqualTo(row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1));
            assertThat(line.get("aggregate").asText()).as(at).isEqualTo(row.aggregateIdentifier());
            assertThat(line.get("sequence").asLong()).as(at).isEqualTo(row.sequenceNumber());
            assertThat(line.get("recordedAt").asText()).as(at).isEqualTo(row.timeStamp());
            assertThat(Instant.parse(line.get("recordedAt").asText())).as(at).isNotNull();
            assertThat(line.get("actor").asText()).as(at).isEqualTo(json(row.metaData()).get("actor").asText());
            assertThat(line.get("payload")).as(at).isEqualTo(json(row.payload()));
            previous = ChainHash.link(previous, row);
            assertThat(line.get("hash").asText()).as(at).isEqualTo(previous).isEqualTo(rows.get(i)[1]);
        }
        assertThat(lines.get(lines.size() - 1).get("hash").asText())
                .isEqualTo(c.get(AUDITOR, "/api/v1/audit/digest").json().get("hash").asText());

        // the actors are the users who sent the commands
        assertThat(lines.stream().filter(l -> l.get("aggregate").asText().equals("C-LOG")).map(l -> l.get("actor").asText()))
                .containsExactly(R, R, R, "admin", R, R);
        // a contract's own events (GET /contracts/{id}/events) are its lines of the export
        JsonNode contractEvents = c.get(AUDITOR, "/api/v1/contracts/C-LOG/events").json();
        List<JsonNode> contractLines = lines.stream().filter(l -> l.get("aggregate").asText().equals("C-LOG")).toList();
        assertThat(contractEvents).hasSameSizeAs(contractLines);
        for (int i = 0; i < contractLines.size(); i++) {
            JsonNode event = contractEvents.get(i);
            JsonNode line = contractLines.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(line.get("sequence").asLong());
            assertThat(event.get("type").asText()).isEqualTo(line.get("type").asText());
            assertThat(event.get("actor").asText()).isEqualTo(line.get("actor").asText());
            assertThat(Instant.parse(event.get("recordedAt").asText())).isEqualTo(Instant.parse(line.get("recordedAt").asText()));
        }
    }

    @Test
    void after_and_limit_resume_exactly_where_a_page_ended() throws SQLException {
        awaitSealed();
        String whole = c.get(AUDITOR, EVENTS).body();
        StringBuilder pages = new StringBuilder();
        long after = 0;
        int count = 0;
        while (true) {
            LedgerClient.Response page = c.get(AUDITOR, EVENTS + "?after=" + after + "&limit=700");
            assertThat(page.status()).isEqualTo(200);
            if (page.body().isEmpty()) {
                break;
            }
            List<JsonNode> lines = lines(page.body());
            assertThat(lines).hasSizeLessThanOrEqualTo(700);
            assertThat(lines.get(0).get("position").asLong()).isGreaterThan(after);
            pages.append(page.body());
            after = lines.get(lines.size() - 1).get("position").asLong();
            assertThat(++count).as("pages").isLessThan(100);
        }
        assertThat(pages.toString()).isEqualTo(whole);
        assertThat(count).isEqualTo((int) Math.ceil(lines(whole).size() / 700.0));

        // a page in the middle starts right after the position given
        List<JsonNode> middle = lines(c.get(AUDITOR, EVENTS + "?after=1000&limit=3").body());
        assertThat(middle).extracting(l -> l.get("position").asLong()).containsExactly(1001L, 1002L, 1003L);
        assertThat(c.get(AUDITOR, EVENTS + "?limit=0").status()).isEqualTo(400);
    }

    @Test
    void a_large_log_streams_line_by_line() throws Exception {
        awaitSealed();
        long expected;
        try (Connection db = TestDatabase.connect(url); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            r.next();
            expected = r.getLong(1);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + EVENTS))
                .header("Authorization", basic(AUDITOR)).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        long previous = 0;
        long bytes = 0;
        // one line at a time, nothing kept: the client's memory does not grow with the log either
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode event = JSON.readTree(line);
                long position = event.get("position").asLong();
                assertThat(position).isGreaterThan(previous);
                assertThat(event.get("hash").asText()).hasSize(64);
                previous = position;
                bytes += line.length() + 1;
                lines++;
            }
        }
        assertThat(lines).isEqualTo(expected).isGreaterThan(BULK);
        assertThat(bytes).isGreaterThan(1_000_000L);
    }

    @Test
    void the_audit_endpoints_are_for_auditors_and_administrators() throws SQLException {
        awaitSealed(); // the digest is a 404 until the sealer has sealed something
        for (String user : List.of(AUDITOR, "admin")) {
            assertThat(c.get(user, EVENTS + "?limit=2").status()).as(user).isEqualTo(200);
            assertThat(c.get(user, "/api/v1/audit/digest").status()).as(user).isEqualTo(200);
            assertThat(c.get(user, "/api/v1/audit/verify").status()).as(user).isEqualTo(200);
            assertThat(c.get(user, "/api/v1/admin/projections").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("finance", R, TestUsers.RECORDER_B.username())) {
            assertThat(c.get(user, EVENTS).status()).as(user).isEqualTo(403);
            assertThat(c.get(user, EVENTS + "?after=0&limit=1").status()).as(user).isEqualTo(403);
            assertThat(c.get(user, "/api/v1/audit/digest").status()).as(user).isEqualTo(403);
            assertThat(c.get(user, "/api/v1/audit/verify").status()).as(user).isEqualTo(403);
            assertThat(c.get(user, "/api/v1/admin/projections").status()).as(user).isEqualTo(403);
            assertThat(c.post(user, "/api/v1/admin/replay", "{}").status()).as(user).isEqualTo(403);
        }
        assertThat(c.get(null, EVENTS).status()).isEqualTo(401);
        assertThat(c.get(null, "/api/v1/audit/digest").status()).isEqualTo(401);
        // a digest is a position and a hash together
        assertThat(c.get(AUDITOR, "/api/v1/audit/verify?digestPosition=3").status()).isEqualTo(400);
        assertThat(c.get(AUDITOR, "/api/v1/audit/verify?digestPosition=3&digestHash=xyz").status()).isEqualTo(400);
    }

    @Test
    void a_contract_as_of_an_instant_is_the_contract_as_it_was_read_at_that_instant() {
        String path = "/api/v1/contracts/C-ASOF";
        List<Runnable> steps = List.of(
                () -> created(c.post(R, "/api/v1/contracts", contract("C-ASOF", "DEMO-A", "LICENSE"))),
                () -> created(c.post(R, path + "/incomes", income("I-1", "200000.00", "2026-03-15"))),
                () -> created(c.post(R, path + "/costs", cost("K-1", "20000.00", "TAX"))),
                // net 180000.00 at 70% → 126000.00
                () -> created(c.post(R, path + "/reward-decisions", decision("D-1", "63000.00", "63000.00", "126000.00"))),
                () -> created(c.post(R, path + "/payments", payment("PAY-1", "P-1", "63000.00", "2026-04-20"))),
                () -> created(c.post(R, path + "/reversals", body("reversalId", "REV-1", "entryId", "K-1", "reason", "booked twice"))),
                () -> created(c.post(R, path + "/amendments", body("amendmentId", "A-1", "totalAmount", "1300000.00",
                        "technologyAmount", "1100000.00", "reason", "supplement signed"))),
                () -> created(c.post(R, path + "/termination", body("terminatedOn", "2026-09-30", "reason", "licensee insolvent"))));

        Instant beforeAll = instantBetweenCommands();
        Map<Instant, JsonNode> seen = new LinkedHashMap<>();
        for (Runnable step : steps) {
            step.run();
            JsonNode now = c.get(AUDITOR, path).json();
            assertThat(now.path("asOf").isMissingNode() || now.get("asOf").isNull()).as("the present view has no asOf").isTrue();
            seen.put(instantBetweenCommands(), now);
        }
        assertThat(seen.values()).extracting(v -> v.get("version").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);

        for (Map.Entry<Instant, JsonNode> then : seen.entrySet()) {
            for (String user : List.of(AUDITOR, "admin")) {
                LedgerClient.Response response = c.get(user, path + "?asOf=" + then.getKey());
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                JsonNode asOf = response.json();
                String what = user + " as of " + then.getKey();
                assertThat(Instant.parse(asOf.get("asOf").asText())).as(what).isEqualTo(then.getKey());
                Set<String> fields = new HashSet<>();
                asOf.fieldNames().forEachRemaining(fields::add);
                fields.remove("asOf");
                Set<String> expectedFields = new HashSet<>();
                then.getValue().fieldNames().forEachRemaining(expectedFields::add);
                expectedFields.remove("asOf");
                assertThat(fields).as(what).isEqualTo(expectedFields);
                for (String name : expectedFields) {
                    assertThat(asOf.get(name)).as(what + ", field " + name).isEqualTo(then.getValue().get(name));
                }
            }
        }
        // the figures really moved between the instants
        List<JsonNode> views = new ArrayList<>(seen.values());
        assertThat(views.get(0).get("income").asText()).isEqualTo("0.00");
        assertThat(views.get(2).get("netIncome").asText()).isEqualTo("180000.00");
        assertThat(views.get(5).get("netIncome").asText()).isEqualTo("200000.00");
        assertThat(views.get(6).get("totalAmount").asText()).isEqualTo("1300000.00");
        assertThat(views.get(7).get("terminated").asBoolean()).isTrue();

        assertThat(c.get(AUDITOR, path + "?asOf=" + beforeAll).status()).isEqualTo(404);
        Instant last = new ArrayList<>(seen.keySet()).get(seen.size() - 1);
        for (String user : List.of("finance", R)) {
            assertThat(c.get(user, path).status()).as(user).isEqualTo(200);
            assertThat(c.get(user, path + "?asOf=" + last).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void a_replay_rebuilds_every_read_model_to_the_same_checksums() throws SQLException {
        Map<String, JsonNode> before = awaitProjections(null);
        assertThat(before.keySet()).isEqualTo(READ_MODELS);
        before.values().forEach(p -> assertThat(p.get("checksum").asText()).isNotBlank());

        // damage every read model behind the ledger's back: only a rebuild from the log repairs it
        try (Connection db = TestDatabase.connect(url); Statement s = db.createStatement()) {
            assertThat(s.executeUpdate("UPDATE reward_obligation SET net_income_fen = net_income_fen + 1")).isPositive();
            // a row no event explains: a rebuild must start from empty tables to lose it
            assertThat(s.executeUpdate("INSERT INTO reward_obligation (contract_id, institution_id, net_income_fen, "
                    + "required_reward_fen, reward_decided_fen, reward_paid_fen, outstanding_fen, status_until_due, "
                    + "status_after_due) VALUES ('C-GHOST', 'DEMO-A', 100, 70, 0, 0, 70, 'OUTSTANDING', 'OVERDUE')")).isOne();
            assertThat(s.executeUpdate("DELETE FROM payout_item")).isPositive();
            assertThat(s.executeUpdate("DELETE FROM contract_volume")).isPositive();
            assertThat(s.executeUpdate("UPDATE contract_catalog SET terminated = NOT terminated")).isPositive();
            assertThat(s.executeUpdate("INSERT INTO achievement_contract (named, contract_id, signed_on) "
                    + "VALUES ('ACH-GHOST', 'C-GHOST', DATE '2020-01-01')")).isOne();
            assertThat(s.executeUpdate("INSERT INTO region_figure (region_code, year, population, population_source) "
                    + "VALUES ('110116', 2020, 1, 'ghost')")).isOne();
            assertThat(s.executeUpdate("UPDATE receivable SET received_fen = received_fen + 1")).isPositive();
            assertThat(s.executeUpdate("UPDATE co_owner_obligation SET income_fen = income_fen + 1")).isPositive();
            assertThat(s.executeUpdate("INSERT INTO technology_demand (demand_id, institution_id, enterprise_name, "
                    + "credit_code, region_code, need, technology_field, budget, published_on) VALUES ('D-GHOST', "
                    + "'DEMO-A', 'ghost', '91110116MA01ABCD2X', '110116', 'n', 'f', 1.00, DATE '2020-01-01')")).isOne();
        }
        Map<String, JsonNode> damaged = projections();
        for (String name : READ_MODELS) {
            assertThat(damaged.get(name).get("checksum").asText()).as(name)
                    .isNotEqualTo(before.get(name).get("checksum").asText());
        }

        LedgerClient.Response replay = c.post(AUDITOR, "/api/v1/admin/replay", "{}");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().get("replayId").asText()).isNotBlank();
        Set<String> replayed = new HashSet<>();
        replay.json().get("readModels").forEach(n -> replayed.add(n.asText()));
        assertThat(replayed).isEqualTo(READ_MODELS);

        Map<String, JsonNode> after = awaitProjections(before);
        for (String name : READ_MODELS) {
            assertThat(after.get(name).get("checksum").asText()).as(name).isEqualTo(before.get(name).get("checksum").asText());
            assertThat(after.get(name).get("caughtUp").asBoolean()).isTrue();
            assertThat(after.get(name).get("replaying").asBoolean()).isFalse();
            assertThat(after.get(name).get("position").asLong()).isGreaterThanOrEqualTo(before.get(name).get("position").asLong());
        }
    }

    /**
     * Polls {@code GET /admin/projections} until every read model is caught up and not replaying (and, with
     * {@code checksums}, has those checksums again); at most 60 s.
     */
    private static Map<String, JsonNode> awaitProjections(Map<String, JsonNode> checksums) {
        long deadline = System.currentTimeMillis() + 60_000;
        Map<String, JsonNode> now = null;
        while (System.currentTimeMillis() < deadline) {
            now = projections();
            boolean settled = now.size() == READ_MODELS.size() && now.values().stream()
                    .allMatch(p -> p.get("caughtUp").asBoolean() && !p.get("replaying").asBoolean());
            if (settled && checksums != null) {
                for (String name : READ_MODELS) {
                    settled &= now.get(name).get("checksum").asText().equals(checksums.get(name).get("checksum").asText());
                }
            }
            if (settled) {
                return now;
            }
            sleep(200);
        }
        throw new AssertionError("the read models did not settle in 60 s: " + now + (checksums == null ? "" : ", expected " + checksums));
    }

    private static Map<String, JsonNode> projections() {
        LedgerClient.Response response = c.get(AUDITOR, "/api/v1/admin/projections");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        response.json().forEach(p -> byName.put(p.get("name").asText(), p));
        return byName;
    }

    private static void awaitSealed() throws SQLException {
        try (Connection db = TestDatabase.connect(url); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            r.next();
            TamperDetectionTest.awaitDigest(c, r.getLong(1));
        }
    }

    /** An instant strictly after every event recorded so far and strictly before the next (timestamps are stored in ms). */
    private static Instant instantBetweenCommands() {
        sleep(3);
        Instant instant = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sleep(3);
        return instant;
    }

    private static List<JsonNode> lines(String ndjson) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(json(line));
            }
        }
        return lines;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
