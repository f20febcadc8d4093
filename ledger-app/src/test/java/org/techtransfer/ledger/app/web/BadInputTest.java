package org.techtransfer.ledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
 * The 400 rows of docs/api.md ("Errors"), case by case and on several endpoints: each answer is a problem
 * document naming what is wrong, and nothing is recorded. Also 404 for what does not exist, 415 for a body that
 * is not JSON, 405 for a method an endpoint does not have, and never a 5xx for anything a client sends.
 */
class BadInputTest {

    private static final String API = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int MIB = 1024 * 1024;

    /** The contract every bad command is aimed at: it must never change. */
    private static final String TARGET = "C-BAD";
    /** The ids the bad registrations carry: they must never come to exist. */
    private static final String NEW_CONTRACT = "C-NEW";
    private static final String NEW_INSTITUTION = "I-NEW";

    private static LedgerNode node;
    private static LedgerClient client;
    private static long targetVersion;
    private static JsonNode targetEvents;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        client = node.client();
        created(client.post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
        prepare(TARGET);
        targetVersion = client.get("admin", API + "/contracts/" + TARGET).json().path("version").asLong();
        targetEvents = client.get("admin", API + "/contracts/" + TARGET + "/events").json();
        assertThat(targetVersion).isEqualTo(4);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** After every test: the target contract is exactly as prepared, and no bad registration exists. */
    @AfterEach
    void nothing_was_recorded() {
        LedgerClient.Response contract = client.get("admin", API + "/contracts/" + TARGET);
        assertThat(contract.json().path("version").asLong()).as("version of " + TARGET).isEqualTo(targetVersion);
        assertThat(client.get("admin", API + "/contracts/" + TARGET + "/events").json()).isEqualTo(targetEvents);
        assertThat(client.get("admin", API + "/contracts/" + NEW_CONTRACT).status()).isEqualTo(404);
        assertThat(client.get("admin", API + "/institutions/" + NEW_INSTITUTION).status()).isEqualTo(404);
    }

    // ---- the endpoints, each with a valid body carrying exactly the required fields ----

    record Endpoint(String name, String user, String path, Supplier<Map<String, Object>> valid, List<String> required) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("institution", "admin", "/institutions", () -> institution(NEW_INSTITUTION, "BEIJING"),
                    List.of("institutionId", "name", "type", "governmentEstablished", "regionCode", "policy")),
            new Endpoint("contract", "recorder-a", "/contracts", () -> contract(NEW_CONTRACT, "DEMO-A", "LICENSE"),
                    List.of("contractId", "registrationNumber", "kind", "sellerInstitutionId", "buyer", "buyer.name",
                            "buyer.type", "buyer.regionCode", "technologyField", "totalAmount", "technologyAmount",
                            "signedOn", "contributors", "contributors[0].personId", "contributors[0].name",
                            "contributors[0].principal", "contributors[0].leadership")),
            new Endpoint("income", "recorder-a", "/contracts/{id}/incomes", () -> income("I-X", "100.00", "2026-04-01"),
                    List.of("incomeId", "amount", "receivedOn", "category")),
            new Endpoint("cost", "recorder-a", "/contracts/{id}/costs", () -> cost("K-X", "10.00", "MAINTENANCE"),
                    List.of("costId", "amount", "incurredOn", "category")),
            new Endpoint("equity", "recorder-a", "/contracts/{id}/equity", () -> equity("E-X", 10),
                    List.of("equityId", "company", "shares", "valuation", "receivedOn")),
            new Endpoint("reward-decision", "recorder-a", "/contracts/{id}/reward-decisions",
                    () -> decision("D-X", "500.00", "500.00", "1000.00"),
                    List.of("decisionId", "decidedOn", "total", "allocations", "allocations[0].personId",
                            "allocations[0].amount")),
            new Endpoint("equity-reward", "recorder-a", "/contracts/{id}/equity-rewards",
                    () -> body("decisionId", "ED-X", "decidedOn", "2026-04-02", "totalShares", 10,
                            "allocations", List.of(body("personId", "P-1", "shares", 10))),
                    List.of("decisionId", "decidedOn", "totalShares", "allocations", "allocations[0].personId",
                            "allocations[0].shares")),
            new Endpoint("publicity", "recorder-a", "/contracts/{id}/publicity",
                    () -> body("noticeId", "N-X", "decisionId", "D-1", "from", "2026-04-01", "to", "2026-04-10"),
                    List.of("noticeId", "decisionId", "from", "to")),
            new Endpoint("payment", "recorder-a", "/contracts/{id}/payments",
                    () -> payment("PAY-X", "P-1", "10.00", "2026-04-20"),
                    List.of("paymentId", "personId", "amount", "paidOn", "reference")),
            new Endpoint("amendment", "recorder-a", "/contracts/{id}/amendments",
                    () -> body("amendmentId", "A-X", "totalAmount", "1300000.00", "technologyAmount", "1100000.00",
                            "reason", "supplement signed"),
                    List.of("amendmentId", "totalAmount", "technologyAmount", "reason")),
            new Endpoint("reversal", "recorder-a", "/contracts/{id}/reversals",
                    () -> body("reversalId", "R-X", "entryId", "I-1", "reason", "recorded twice"),
                    List.of("reversalId", "entryId", "reason")),
            new Endpoint("termination", "recorder-a", "/contracts/{id}/termination",
                    () -> body("terminatedOn", "2026-09-30", "reason", "licensee insolvent"),
                    List.of("terminatedOn", "reason")));

    private static Endpoint endpoint(String name) {
        return ENDPOINTS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** A contract on which every valid body of {@link #ENDPOINTS} is accepted once. */
    private static void prepare(String contractId) {
        String base = API + "/contracts/" + contractId;
        created(client.post("admin", API + "/contracts", contract(contractId, "DEMO-A", "EQUITY_INVESTMENT")));
        created(client.post("admin", base + "/incomes", income("I-1", "1000.00", "2026-03-15")));
        created(client.post("admin", base + "/equity", equity("E-1", 100)));
        created(client.post("admin", base + "/reward-decisions", decision("D-1", "350.00", "350.00", "700.00")));
        created(client.post("admin", base + "/equity-rewards", body("decisionId", "ED-1", "decidedOn", "2026-04-02",
                "totalShares", 70, "allocations", List.of(body("personId", "P-1", "shares", 70)))));
    }

    // ---- the cases ----

    /** One bad request: {@code field} is the name the problem must mention (in {@code field} or {@code detail}), or null. */
    record Bad(String name, String user, String path, String body, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badBodies() {
        List<Bad> cases = new ArrayList<>();

        // malformed JSON
        for (String e : List.of("income", "contract", "institution", "termination")) {
            cases.add(raw(e, "truncated object", "{\"a\": "));
            cases.add(raw(e, "missing value", "{\"incomeId\": \"I-X\", \"amount\": }"));
            cases.add(raw(e, "not JSON at all", "this is not json"));
            cases.add(raw(e, "single quotes", "{'reason': 'x'}"));
            cases.add(raw(e, "missing comma", "{\"reason\": \"x\" \"terminatedOn\": \"2026-09-30\"}"));
            cases.add(raw(e, "a comment", "{/* note */ \"reason\": \"x\"}"));
            cases.add(raw(e, "empty body", ""));
            cases.add(raw(e, "JSON null", "null"));
            cases.add(raw(e, "a JSON array", "[]"));
            cases.add(raw(e, "a JSON string", "\"text\""));
            cases.add(raw(e, "a JSON number", "42"));
            cases.add(raw(e, "the valid body inside an array", "[" + json(endpoint(e).valid().get()) + "]"));
            cases.add(raw(e, "deeply nested arrays (5000)",
                    "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
            cases.add(raw(e, "deeply nested objects (5000)",
                    "{\"x\":" + "{\"x\":".repeat(5000) + "1" + "}".repeat(5000) + "}"));
        }
        cases.add(raw("income", "a key twice",
                "{\"incomeId\":\"I-X\",\"incomeId\":\"I-Y\",\"amount\":\"100.00\",\"receivedOn\":\"2026-04-01\","
                        + "\"category\":\"ROYALTY\"}"));
        cases.add(raw("contract", "a key twice",
                json(endpoint("contract").valid().get()).replaceFirst("\\{", "{\"sellerInstitutionId\":\"DEMO-B\",")));

        // every required field missing, in turn
        for (Endpoint e : ENDPOINTS) {
            for (String field : e.required()) {
                cases.add(mutated(e.name(), "without " + field, field, null, true));
            }
        }

        // amounts: not positive, not a number, more than two decimals, more than 15 integer digits, a JSON number
        List<Object> badAmounts = List.of("0.00", "0", "-1.00", "-0.01", "abc", "", " ", "1.001", "1.000",
                "0.001", "1234567890123456.00", "9999999999999999", "1e3", "NaN", "Infinity", "1,000.00", "¥100.00",
                new BigDecimal("100.00"), 100, true);
        for (String where : List.of("income:amount", "payment:amount", "reward-decision:total", "contract:totalAmount")) {
            for (Object amount : badAmounts) {
                cases.add(mutated(where, "amount " + JSON.valueToTree(amount), amount));
            }
        }
        for (String where : List.of("cost:amount", "equity:valuation", "reward-decision:allocations[0].amount",
                "amendment:technologyAmount", "contract:technologyAmount")) {
            for (Object amount : List.of("0.00", "-1.00", "abc", "1.001", "1234567890123456.00",
                    new BigDecimal("100.00"))) {
                cases.add(mutated(where, "amount " + JSON.valueToTree(amount), amount));
            }
        }

        // share counts: not a positive integer
        for (String where : List.of("equity:shares", "equity-reward:totalShares", "equity-reward:allocations[0].shares")) {
            for (Object shares : List.of(0, -1, 1.5, 1.0, "10", "", true, new BigDecimal("1e2"),
                    new BigDecimal("99999999999999999999"))) {
                cases.add(mutated(where, "shares " + JSON.valueToTree(shares), shares));
            }
        }

        // impossible or malformed dates
        cases.add(mutated("income:receivedOn", "date 2026-02-30", "2026-02-30"));
        cases.add(mutated("income:receivedOn", "date 2026-13-01", "2026-13-01"));
        cases.add(mutated("income:receivedOn", "date 01/03/2026", "01/03/2026"));
        cases.add(mutated("income:receivedOn", "date as a number", 20260301));
        cases.add(mutated("contract:signedOn", "date 2026-04-31", "2026-04-31"));
        cases.add(mutated("payment:paidOn", "date 2026-02-29 (not a leap year)", "2026-02-29"));
        cases.add(mutated("publicity:to", "date 2026-00-10", "2026-00-10"));
        cases.add(mutated("termination:terminatedOn", "date yesterday", "yesterday"));
        cases.add(mutated("reward-decision:decidedOn", "date with an offset time", "2026-04-01T00:00:00+08:00"));
        cases.add(mutated("cost:incurredOn", "date 2026-3-5", "2026-3-5"));

        // unknown enum values
        cases.add(mutated("income:category", "category SALARY", "SALARY"));
        cases.add(mutated("income:category", "category in lower case", "royalty"));
        cases.add(mutated("cost:category", "category BRIBE", "BRIBE"));
        cases.add(mutated("contract:kind", "kind LEASE", "LEASE"));
        cases.add(mutated("contract:buyer.type", "buyer type ALIEN", "ALIEN"));
        cases.add(mutated("contract:licenseScope", "licence scope GLOBAL", "GLOBAL"));
        cases.add(mutated("institution:type", "type CLUB", "CLUB"));
        cases.add(mutated("institution:policy", "policy SHANGHAI", "SHANGHAI"));

        // other types that are not what the field is
        cases.add(mutated("income:incomeId", "id as a number", 123));
        cases.add(mutated("income:incomeId", "id as an object", Map.of("id", "I-X")));
        cases.add(mutated("contract:contributors[0].principal", "boolean as a string", "yes"));
        cases.add(mutated("contract:contributors[0].leadership", "boolean as a number", 1));
        cases.add(mutated("institution:governmentEstablished", "boolean as the string true", "true"));
        cases.add(mutated("contract:contributors", "a list as an object", Map.of("personId", "P-1")));
        cases.add(mutated("contract:buyer", "an object as a string", "Huairou Nano Materials Co."));
        cases.add(mutated("reward-decision:allocations", "a list of strings", List.of("P-1", "P-2")));

        // very long strings and control characters
        String longId = "I".repeat(101);
        String longText = "x".repeat(1001);
        cases.add(mutated("income:incomeId", "id of 101 characters", longId));
        cases.add(mutated("contract:contractId", "contract id of 101 characters", "C".repeat(101)));
        cases.add(mutated("contract:registrationNumber", "registration number of 101 characters", "R".repeat(101)));
        cases.add(mutated("institution:institutionId", "institution id of 101 characters", "I".repeat(101)));
        cases.add(mutated("reward-decision:allocations[0].personId", "person id of 101 characters", "P".repeat(101)));
        cases.add(mutated("reversal:entryId", "entry id of 101 characters", "I".repeat(101)));
        cases.add(mutated("amendment:reason", "reason of 1001 characters", longText));
        cases.add(mutated("termination:reason", "reason of 1001 characters", longText));
        cases.add(mutated("payment:reference", "reference of 1001 characters", longText));
        cases.add(mutated("contract:technologyField", "field of 1001 characters", longText));
        cases.add(mutated("contract:buyer.name", "buyer name of 1001 characters", longText));
        cases.add(mutated("contract:technologyField", "field of a million characters", "x".repeat(MIB - 2000)));
        for (String control : List.of("\u0000", "\n", "\t", "\r", "\u001b", "\u007f", "\u0085")) {
            String shown = String.format("U+%04X", (int) control.charAt(0));
            cases.add(mutated("income:incomeId", "id with " + shown, "I" + control + "X"));
            cases.add(mutated("contract:contractId", "contract id with " + shown, "C" + control + "NEW"));
        }
        cases.add(mutated("payment:personId", "person id with a newline", "P-1\n"));
        cases.add(mutated("contract:contributors[0].name", "name with an escape", "Wang\u001b[31m"));
        cases.add(mutated("payment:reference", "reference with CR LF", "bank\r\nX-Injected: 1"));
        // half a surrogate pair, escaped (raw, it cannot even be encoded as UTF-8)
        cases.add(raw("income", "id with an unpaired high surrogate",
                "{\"incomeId\": \"I-\\uD800\", \"amount\": \"1.00\", \"receivedOn\": \"2026-04-01\", \"category\": \"ROYALTY\"}"));
        cases.add(raw("termination", "reason with an unpaired low surrogate",
                "{\"terminatedOn\": \"2026-09-30\", \"reason\": \"\\uDFFF insolvent\"}"));
        cases.add(mutated("income:incomeId", "empty id", ""));
        cases.add(mutated("income:incomeId", "blank id", "   "));
        cases.add(mutated("amendment:reason", "blank reason", " \u3000 "));

        // other invalid values
        cases.add(mutated("institution:regionCode", "region code of 5 digits", "11011"));
        cases.add(mutated("institution:regionCode", "region code with a letter", "11011a"));
        cases.add(mutated("contract:buyer.regionCode", "buyer region code of 7 digits", "1101160"));
        cases.add(mutated("contract:buyer.regionCode", "buyer region code as a number", 110116));
        cases.add(mutated("contract:contributors", "no contributors", List.of()));
        cases.add(mutated("contract:contributors", "a contributor twice", List.of(
                body("personId", "P-1", "name", "A", "principal", true, "leadership", false),
                body("personId", "P-1", "name", "B", "principal", false, "leadership", false))));
        cases.add(mutated("contract:contributors", "a null contributor", java.util.Collections.singletonList(null)));
        cases.add(mutated("reward-decision:allocations", "no allocations", List.of()));
        cases.add(mutated("reward-decision:allocations", "a person twice", List.of(
                body("personId", "P-1", "amount", "500.00"), body("personId", "P-1", "amount", "500.00"))));
        cases.add(mutated("equity-reward:allocations", "a person twice", List.of(
                body("personId", "P-1", "shares", 5), body("personId", "P-1", "shares", 5))));
        cases.add(mutated("publicity:to", "publicity ending before it starts", "2026-03-31"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void a_bad_body_is_a_400_problem_and_records_nothing(Bad bad) {
        HttpResponse<String> response = send(bad.user(), "POST", bad.path(), "application/json",
                HttpRequest.BodyPublishers.ofString(bad.body(), StandardCharsets.UTF_8));
        JsonNode problem = problem(response, 400, bad.name());
        if (bad.field() != null) {
            assertThat(problem.path("field").asText() + " " + problem.path("detail").asText())
                    .as(bad.name() + ": the problem names the field")
                    .contains(bad.field());
        }
    }

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"yesterday", "2026-03-01", "2026-13-01T00:00:00Z", "2026-03-01T25:00:00Z",
            "1700000000", "2026-03-01T08:00:00", "now", "2026-02-30T00:00:00Z"})
    void an_as_of_that_is_not_an_instant_is_a_400(String asOf) {
        for (String who : List.of("auditor", "admin")) {
            HttpResponse<String> response = send(who, "GET", API + "/contracts/" + TARGET + "?asOf="
                    + URLEncoder.encode(asOf, StandardCharsets.UTF_8), null, null);
            JsonNode problem = problem(response, 400, asOf);
            assertThat(problem.path("field").asText() + " " + problem.path("detail").asText()).contains("asOf");
        }
    }

    @Test
    void a_body_over_one_mebibyte_with_its_length_announced_is_a_400() {
        String padded = oversized();
        HttpResponse<String> response = send("recorder-a", "POST", API + "/contracts/" + TARGET + "/incomes",
                "application/json", HttpRequest.BodyPublishers.ofString(padded));
        JsonNode problem = problem(response, 400, "over 1 MiB with Content-Length");
        assertThat(problem.path("detail").asText()).contains("1 MiB");
    }

    @Test
    void a_body_over_one_mebibyte_sent_in_chunks_is_a_400() {
        byte[] padded = oversized().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send("recorder-a", "POST", API + "/contracts/" + TARGET + "/incomes",
                "application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded)));
        JsonNode problem = problem(response, 400, "over 1 MiB chunked");
        assertThat(problem.path("detail").asText()).contains("1 MiB");
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_before_authentication_too() {
        HttpResponse<String> response = send(null, "POST", API + "/contracts/" + TARGET + "/incomes",
                "application/json", HttpRequest.BodyPublishers.ofString(oversized()));
        assertThat(response.statusCode()).isIn(400, 401);
    }

    @Test
    void bytes_that_are_not_utf8_are_a_400() {
        byte[] bytes = "{\"incomeId\":\"I-\u00ff\u00fe\",\"amount\":\"1.00\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = send("recorder-a", "POST", API + "/contracts/" + TARGET + "/incomes",
                "application/json", HttpRequest.BodyPublishers.ofByteArray(bytes));
        problem(response, 400, "invalid UTF-8");
    }

    @Test
    void trailing_text_after_the_object_is_malformed_json() {
        String valid = json(income("I-TRAIL", "100.00", "2026-04-01"));
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String trailing : List.of(" }", " x", " {\"incomeId\":\"I-Y\"}")) {
            statuses.put(trailing, send("recorder-a", "POST", API + "/contracts/" + TARGET + "/incomes",
                    "application/json", HttpRequest.BodyPublishers.ofString(valid + trailing)).statusCode());
        }
        assertThat(statuses).containsOnly(Map.entry(" }", 400), Map.entry(" x", 400),
                Map.entry(" {\"incomeId\":\"I-Y\"}", 400));
    }

    @Test
    void a_date_with_a_time_is_not_a_date() {
        Map<String, Object> decision = new LinkedHashMap<>(decision("D-X", "500.00", "500.00", "1000.00"));
        decision.put("decidedOn", "2026-04-01T20:00:00Z");
        HttpResponse<String> response = send("recorder-a", "POST", API + "/contracts/" + TARGET + "/reward-decisions",
                "application/json", HttpRequest.BodyPublishers.ofString(json(decision)));
        JsonNode events = client.get("admin", API + "/contracts/" + TARGET + "/events").json();
        assertThat(response.statusCode()).as("recorded: " + events.get(events.size() - 1).path("payload")).isEqualTo(400);
    }

    @Test
    void an_enum_given_as_a_number_is_an_unknown_value() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Bad bad : List.of(mutated("institution:policy", "policy 1", 1), mutated("income:category", "category 0", 0),
                mutated("contract:kind", "kind 0", 0))) {
            statuses.put(bad.name(), send(bad.user(), "POST", bad.path(), "application/json",
                    HttpRequest.BodyPublishers.ofString(bad.body())).statusCode());
        }
        assertThat(statuses).containsOnly(Map.entry("institution: policy 1", 400), Map.entry("income: category 0", 400),
                Map.entry("contract: kind 0", 400));
    }

    /** Guards the cases above: each endpoint's valid body is accepted, so each 400 comes from what was changed. */
    @Test
    void the_valid_bodies_are_accepted() {
        String good = "C-GOOD";
        prepare(good);
        // the limits themselves are allowed: an id of 100 characters, a text of 1000, a body just under 1 MiB; the largest amount
        String limits = "C-LIMITS";
        prepare(limits);
        String base = API + "/contracts/" + limits;
        assertThat(client.post("recorder-a", base + "/incomes", income("I".repeat(100), "1.00", "2026-04-01")).status())
                .isEqualTo(201);
        // a total not below the 1001.00 received: income may not exceed the contract total
        assertThat(client.post("recorder-a", base + "/amendments", body("amendmentId", "A-LONG", "totalAmount", "1200000.00",
                "technologyAmount", "10.00", "reason", "x".repeat(1000))).status()).isEqualTo(201);
        // padded with whitespace: a field the command does not have would be refused
        String nearlyTooBig = "{" + " ".repeat(MIB - 200) + json(income("I-BIG", "1.00", "2026-04-01")).substring(1);
        assertThat(client.post("recorder-a", base + "/incomes", nearlyTooBig).status()).isEqualTo(201);
        // the largest amount, on a contract whose total is as large
        Map<String, Object> largest = contract("C-MAX", "DEMO-A", "LICENSE");
        largest.put("totalAmount", "999999999999999.99");
        created(client.post("admin", API + "/contracts", largest));
        assertThat(client.post("recorder-a", API + "/contracts/C-MAX/incomes",
                income("I-MAX", "999999999999999.99", "2026-04-01")).status()).isEqualTo(201);
        // then each endpoint's valid body (the termination last)
        for (Endpoint e : ENDPOINTS) {
            Map<String, Object> valid = new LinkedHashMap<>(e.valid().get());
            if (e.name().equals("institution")) {
                valid.put("institutionId", "I-GOOD");
            } else if (e.name().equals("contract")) {
                valid.put("contractId", "C-GOOD-2");
                valid.put("registrationNumber", "REG-C-GOOD-2");
            }
            HttpResponse<String> response = send(e.user(), "POST", API + e.path().replace("{id}", good),
                    "application/json", HttpRequest.BodyPublishers.ofString(json(valid)));
            assertThat(response.statusCode()).as(e.name() + ": " + response.body()).isEqualTo(201);
        }
    }

    // ---- 404, 415, 405 ----

    @Test
    void unknown_contracts_and_institutions_are_404_problems() {
        problem(send("admin", "GET", API + "/contracts/NOPE", null, null), 404, "GET unknown contract");
        problem(send("auditor", "GET", API + "/contracts/NOPE?asOf=2026-03-01T08:00:00Z", null, null), 404, "GET asOf");
        problem(send("auditor", "GET", API + "/contracts/NOPE/events", null, null), 404, "GET events");
        problem(send("admin", "GET", API + "/contracts/DEMO-A", null, null), 404, "an institution's id is no contract");
        problem(send("admin", "GET", API + "/institutions/NOPE", null, null), 404, "GET unknown institution");
        problem(send("admin", "GET", API + "/institutions/" + TARGET, null, null), 404, "a contract's id is no institution");
        for (Endpoint e : ENDPOINTS.subList(2, ENDPOINTS.size())) {
            problem(send(e.user(), "POST", API + e.path().replace("{id}", "NOPE"), "application/json",
                    HttpRequest.BodyPublishers.ofString(json(e.valid().get()))), 404, "POST " + e.name() + " on NOPE");
        }
        problem(send("admin", "POST", API + "/contracts/DEMO-A/incomes", "application/json",
                HttpRequest.BodyPublishers.ofString(json(income("I-X", "1.00", "2026-04-01")))), 404, "income on an institution");
        Map<String, Object> noSeller = contract(NEW_CONTRACT, "NOPE", "LICENSE");
        problem(send("admin", "POST", API + "/contracts", "application/json",
                HttpRequest.BodyPublishers.ofString(json(noSeller))), 404, "unknown seller");
    }

    @Test
    void a_body_that_is_not_declared_json_is_refused_without_a_server_error() {
        String valid = json(income("I-CT", "100.00", "2026-04-01"));
        for (String contentType : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "nonsense", null}) {
            HttpResponse<String> response = send("recorder-a", "POST", API + "/contracts/" + TARGET + "/incomes",
                    contentType, HttpRequest.BodyPublishers.ofString(valid));
            assertThat(response.statusCode()).as(contentType + ": " + response.body()).isIn(400, 415);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(String.valueOf(contentType))
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void a_method_an_endpoint_does_not_have_is_a_405() {
        assertThat(send("admin", "GET", API + "/contracts/" + TARGET + "/incomes", null, null).statusCode()).isEqualTo(405);
        assertThat(send("recorder-a", "GET", API + "/contracts/" + TARGET + "/termination", null, null).statusCode())
                .isEqualTo(405);
        assertThat(send("admin", "POST", API + "/contracts/" + TARGET, "application/json",
                HttpRequest.BodyPublishers.ofString("{}")).statusCode()).isEqualTo(405);
        assertThat(send("admin", "PUT", API + "/contracts", "application/json",
                HttpRequest.BodyPublishers.ofString("{}")).statusCode()).isEqualTo(405);
    }

    @Test
    void put_patch_and_delete_are_405_not_403() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/contracts/" + TARGET, "/contracts/" + TARGET + "/incomes", "/institutions/DEMO-A")) {
                statuses.put(method + " " + path, send("admin", method, API + path, "application/json",
                        HttpRequest.BodyPublishers.ofString("{}")).statusCode());
            }
        }
        assertThat(statuses).allSatisfy((request, status) -> assertThat(status).as(request).isEqualTo(405));
    }

    @Test
    void no_request_of_this_class_ever_gets_a_5xx_for_methods_paths_and_headers() {
        List<String> methods = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
        List<String> paths = List.of("/contracts", "/contracts/" + TARGET, "/contracts/" + TARGET + "/events",
                "/contracts/" + TARGET + "/incomes", "/contracts/%20", "/contracts/%00", "/contracts/a%2Fb",
                "/contracts/" + "x".repeat(3000), "/institutions/DEMO-A", "/institutions/");
        for (String method : methods) {
            for (String path : paths) {
                HttpResponse<String> response = send("admin", method, API + path, "application/json",
                        HttpRequest.BodyPublishers.ofString("{}"));
                assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(500);
            }
        }
        HttpResponse<String> xml = send("admin", "GET", API + "/contracts/" + TARGET, null, null, "Accept", "application/xml");
        assertThat(xml.statusCode()).as(xml.body()).isIn(200, 406);
        HttpResponse<String> csv = send("admin", "POST", API + "/contracts/" + TARGET + "/incomes", "application/json",
                HttpRequest.BodyPublishers.ofString("{"), "Accept", "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isIn(400, 406);
    }

    /** Sums that leave the range of amounts are the client's doing: a refusal, never the 500 of a failed ledger. */
    @Test
    void incomes_adding_up_beyond_the_range_of_amounts_are_refused_not_a_server_error() {
        String big = "C-HUGE";
        created(client.post("admin", API + "/contracts", contract(big, "DEMO-A", "LICENSE")));
        String base = API + "/contracts/" + big;
        LedgerClient.Response last = null;
        for (int i = 0; i < 95 && (last == null || last.status() == 201); i++) {
            last = client.post("recorder-a", base + "/incomes", income("I-" + i, "999999999999999.99", "2026-04-01"));
        }
        assertThat(last.status()).as(last.toString()).isBetween(400, 499);
        assertThat(client.get("admin", base).status()).isEqualTo(200);
    }

    @Test
    void shares_adding_up_beyond_the_range_of_counts_are_refused_not_a_server_error() {
        String big = "C-HUGE-SHARES";
        created(client.post("admin", API + "/contracts", contract(big, "DEMO-A", "EQUITY_INVESTMENT")));
        String base = API + "/contracts/" + big;
        created(client.post("recorder-a", base + "/equity", equity("E-1", Long.MAX_VALUE)));
        LedgerClient.Response more = client.post("recorder-a", base + "/equity", equity("E-2", 1));
        assertThat(more.status()).as(more.toString()).isBetween(400, 499);
        assertThat(client.get("admin", base).status()).isEqualTo(200);
    }

    // ---- helpers ----

    private static Bad raw(String endpointName, String what, String body) {
        Endpoint e = endpoint(endpointName);
        return new Bad(e.name() + ": " + what, e.user(), API + e.path().replace("{id}", TARGET), body, null);
    }

    /** {@code where} is "endpoint:field.path"; the problem must name the leaf field. */
    private static Bad mutated(String where, String what, Object value) {
        String[] parts = where.split(":", 2);
        return mutated(parts[0], what, parts[1], value, false);
    }

    private static Bad mutated(String endpointName, String what, String fieldPath, Object value, boolean remove) {
        Endpoint e = endpoint(endpointName);
        ObjectNode root = JSON.valueToTree(e.valid().get());
        List<Object> steps = steps(fieldPath);
        JsonNode parent = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        String leaf = (String) steps.get(steps.size() - 1);
        if (remove) {
            ((ObjectNode) parent).remove(leaf);
        } else {
            ((ObjectNode) parent).set(leaf, JSON.valueToTree(value));
        }
        String name = e.name() + ": " + (what.length() > 80 ? what.substring(0, 80) : what);
        return new Bad(name, e.user(), API + e.path().replace("{id}", TARGET), root.toString(), leaf);
    }

    /** "contributors[0].name" → ["contributors", 0, "name"]. */
    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                steps.add(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))));
            }
        }
        return steps;
    }

    private static String oversized() {
        return "{\"incomeId\":\"I-HUGE\",\"amount\":\"1.00\",\"receivedOn\":\"2026-04-01\",\"category\":\"ROYALTY\","
                + "\"padding\":\"" + "x".repeat(MIB + 10) + "\"}";
    }

    /** Asserts an RFC 9457 problem of {@code status} and returns it. */
    private static JsonNode problem(HttpResponse<String> response, int status, String what) {
        String shown = response.body().length() > 500 ? response.body().substring(0, 500) : response.body();
        assertThat(response.statusCode()).as(what + ": " + shown).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(what + ": not JSON: " + shown, e);
        }
        assertThat(problem.hasNonNull("type")).as(what + ": type in " + shown).isTrue();
        assertThat(problem.path("title").asText()).as(what + ": title in " + shown).isNotBlank();
        assertThat(problem.path("status").asInt()).as(what + ": status in " + shown).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(what + ": detail in " + shown).isNotBlank();
        return problem;
    }

    private static HttpResponse<String> send(String user, String method, String path, String contentType,
                                             HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
