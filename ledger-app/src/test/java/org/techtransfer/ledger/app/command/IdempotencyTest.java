package org.techtransfer.ledger.app.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.PreparedContracts;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * docs/api.md, "Idempotency": the same command again with the same id and the same content returns the first
 * answer and records nothing new; the same id with different content is a 409. For every command, after later
 * commands, after a restart on the same database, and when the copies arrive at the same moment.
 */
class IdempotencyTest {

    private static final String API = "/api/v1";
    private static final AtomicInteger FRESH = new AtomicInteger();

    private static String url;
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        url = TestDatabase.fresh();
        node = LedgerNode.start(url);
        created(client().post("admin", API + "/institutions", institution("DEMO-A", "BEIJING")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static LedgerClient client() {
        return node.client();
    }

    /** A command on a contract: its endpoint, the body, and the same id with one field changed. */
    record Command(String endpoint, Function<String, Map<String, Object>> body, String changedField, Object changedValue) {
        @Override
        public String toString() {
            return endpoint;
        }

        Map<String, Object> changed(String suffix) {
            Map<String, Object> changed = new LinkedHashMap<>(body.apply(suffix));
            changed.put(changedField, changedValue);
            return changed;
        }
    }

    static Stream<Command> commands() {
        return Stream.of(
                new Command("incomes", s -> income("I-" + s, "100.00", "2026-05-01"), "amount", "100.01"),
                new Command("costs", s -> cost("K-" + s, "1.00", "TAX"), "category", "MAINTENANCE"),
                new Command("equity", s -> equity("E-" + s, 10), "shares", 11),
                new Command("reward-decisions", s -> decision("D-" + s, "500.00", "500.00", "1000.00"), "allocations",
                        List.of(body("personId", "P-1", "amount", "600.00"), body("personId", "P-2", "amount", "400.00"))),
                new Command("equity-rewards", s -> body("decisionId", "ED-" + s, "decidedOn", "2026-04-02",
                        "totalShares", 100, "allocations", List.of(body("personId", "P-1", "shares", 100))),
                        "decidedOn", "2026-04-03"),
                new Command("publicity", s -> body("noticeId", "N-" + s, "decisionId", "D-L", "from", "2026-04-01",
                        "to", "2026-04-10"), "to", "2026-04-11"),
                new Command("payments", s -> payment("PAY-" + s, "P-1", "100.00", "2026-04-20"), "paidOn", "2026-04-21"),
                new Command("amendments", s -> body("amendmentId", "A-" + s, "totalAmount", "1300000.00",
                        "technologyAmount", "1100000.00", "reason", "supplement signed"), "reason", "supplement No. 2"),
                new Command("reversals", s -> body("reversalId", "R-" + s, "entryId", "I-1", "reason", "recorded twice"),
                        "entryId", "K-1"),
                new Command("termination", s -> body("terminatedOn", "2026-09-30", "reason", "licensee insolvent"),
                        "terminatedOn", "2026-10-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void a_command_sent_twice_is_recorded_once_and_its_id_with_other_content_is_a_409(Command command) {
        String contractId = prepare();
        String path = API + "/contracts/" + contractId + "/" + command.endpoint();
        String suffix = "S" + FRESH.incrementAndGet();

        LedgerClient.Response first = client().post("recorder-a", path, command.body().apply(suffix));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode events = events(contractId);

        LedgerClient.Response again = client().post("recorder-a", path, command.body().apply(suffix));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText()).isNotBlank();
        assertThat(again.json().path("version").asLong()).isEqualTo(first.json().path("version").asLong());
        assertThat(events(contractId)).as("nothing new recorded").isEqualTo(events);

        // the admin sends the same: still the first answer
        LedgerClient.Response byAdmin = client().post("admin", path, command.body().apply(suffix));
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json()).isEqualTo(first.json());

        LedgerClient.Response conflict = client().post("recorder-a", path, command.changed(suffix));
        conflict(conflict);
        assertThat(events(contractId)).as("nothing recorded by the conflict").isEqualTo(events);
    }

    @Test
    void registrations_sent_twice_are_recorded_once_and_their_ids_with_other_content_are_409() {
        LedgerClient c = client();
        Map<String, Object> inst = institution("INST-TWICE", "NATIONAL");
        LedgerClient.Response first = c.post("admin", API + "/institutions", inst);
        assertThat(first.status()).isEqualTo(201);
        LedgerClient.Response again = c.post("admin", API + "/institutions", inst);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        JsonNode registered = c.get("admin", API + "/institutions/INST-TWICE").json();
        Map<String, Object> otherPolicy = institution("INST-TWICE", "BEIJING");
        conflict(c.post("admin", API + "/institutions", otherPolicy));
        assertThat(c.get("admin", API + "/institutions/INST-TWICE").json()).isEqualTo(registered);

        Map<String, Object> deal = contract("C-TWICE", "DEMO-A", "LICENSE");
        LedgerClient.Response registeredContract = c.post("recorder-a", API + "/contracts", deal);
        assertThat(registeredContract.status()).isEqualTo(201);
        LedgerClient.Response repeated = c.post("recorder-a", API + "/contracts", deal);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json()).isEqualTo(registeredContract.json());
        assertThat(events("C-TWICE").size()).isEqualTo(1);

        Map<String, Object> otherContent = contract("C-TWICE", "DEMO-A", "LICENSE");
        otherContent.put("totalAmount", "1200000.01");
        conflict(c.post("recorder-a", API + "/contracts", otherContent));
        Map<String, Object> otherNumber = contract("C-TWICE", "DEMO-A", "LICENSE");
        otherNumber.put("registrationNumber", "REG-OTHER");
        conflict(c.post("recorder-a", API + "/contracts", otherNumber));
        assertThat(events("C-TWICE").size()).isEqualTo(1);
        assertThat(c.get("admin", API + "/contracts/C-TWICE").json().path("totalAmount").asText()).isEqualTo("1200000.00");
    }

    @Test
    void an_id_taken_by_an_institution_or_a_contract_cannot_be_registered_as_the_other_a_409_not_a_500() {
        LedgerClient c = client();
        // a contract with the id of an institution
        Map<String, Object> clash = contract("DEMO-A", "DEMO-A", "LICENSE");
        clash.put("registrationNumber", "REG-CLASH");
        LedgerClient.Response response = c.post("recorder-a", API + "/contracts", clash);
        conflict(response);
        assertThat(c.get("admin", API + "/contracts/DEMO-A").status()).isEqualTo(404);
        assertThat(c.get("admin", API + "/institutions/DEMO-A").json().path("policy").asText()).isEqualTo("BEIJING");
        // its registration number was not taken by the refused registration
        Map<String, Object> same = contract("C-CLASH", "DEMO-A", "LICENSE");
        same.put("registrationNumber", "REG-CLASH");
        created(c.post("recorder-a", API + "/contracts", same));

        // an institution with the id of a contract
        conflict(c.post("admin", API + "/institutions", institution("C-CLASH", "BEIJING")));
        assertThat(c.get("admin", API + "/institutions/C-CLASH").status()).isEqualTo(404);
        assertThat(events("C-CLASH").size()).isEqualTo(1);
    }

    @Test
    void a_repeat_answers_the_first_answer_even_after_later_commands_and_a_termination() {
        String contractId = prepare();
        String base = API + "/contracts/" + contractId;
        LedgerClient c = client();
        Map<String, Object> income = income("I-FIRST", "100.00", "2026-05-01");
        LedgerClient.Response first = c.post("recorder-a", base + "/incomes", income);
        assertThat(first.status()).isEqualTo(201);
        created(c.post("recorder-a", base + "/incomes", income("I-LATER", "100.00", "2026-05-02")));
        created(c.post("recorder-a", base + "/termination", body("terminatedOn", "2026-09-30", "reason", "ended")));
        JsonNode events = events(contractId);

        LedgerClient.Response again = c.post("recorder-a", base + "/incomes", income);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        LedgerClient.Response terminationAgain = c.post("recorder-a", base + "/termination",
                body("terminatedOn", "2026-09-30", "reason", "ended"));
        assertThat(terminationAgain.status()).as(terminationAgain.toString()).isEqualTo(200);
        assertThat(events(contractId)).isEqualTo(events);
    }

    @Test
    void a_refused_command_stays_refused_and_does_not_take_its_id() {
        String contractId = prepare();
        String base = API + "/contracts/" + contractId;
        LedgerClient c = client();
        Map<String, Object> tooMuch = payment("PAY-X", "P-2", "999999.00", "2026-04-20");
        for (int i = 0; i < 2; i++) {
            LedgerClient.Response refused = c.post("recorder-a", base + "/payments", tooMuch);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_EXCEEDS_ALLOCATION");
        }
        created(c.post("recorder-a", base + "/payments", payment("PAY-X", "P-2", "100.00", "2026-04-20")));
    }

    @Test
    void an_entry_id_is_one_entry_of_the_contract_whatever_its_kind() {
        String contractId = prepare();
        String base = API + "/contracts/" + contractId;
        LedgerClient c = client();
        JsonNode events = events(contractId);
        // I-1 is an income of the prepared contract: not a cost, payment or decision id as well
        conflict(c.post("recorder-a", base + "/costs", cost("I-1", "1.00", "TAX")));
        conflict(c.post("recorder-a", base + "/payments", payment("I-1", "P-1", "1.00", "2026-04-20")));
        conflict(c.post("recorder-a", base + "/reward-decisions", decision("I-1", "500.00", "500.00", "1000.00")));
        assertThat(events(contractId)).isEqualTo(events);
    }

    @Test
    void identical_commands_sent_at_once_are_recorded_once() throws Exception {
        String contractId = prepare();
        String base = API + "/contracts/" + contractId;
        JsonNode before = events(contractId);

        List<LedgerClient.Response> incomes = atOnce(8, i -> client().post("recorder-a", base + "/incomes",
                income("I-RACE", "100.00", "2026-05-01")));
        assertThat(incomes).extracting(LedgerClient.Response::status).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(incomes).extracting(LedgerClient.Response::json).containsOnly(incomes.get(0).json());
        assertThat(events(contractId).size()).isEqualTo(before.size() + 1);

        List<LedgerClient.Response> registrations = atOnce(8, i -> client().post("recorder-a", API + "/contracts",
                contract("C-RACE", "DEMO-A", "LICENSE")));
        assertThat(registrations).extracting(LedgerClient.Response::status).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(events("C-RACE").size()).isEqualTo(1);

        // the same id with different content at once: one is recorded, the others are conflicts
        List<LedgerClient.Response> different = atOnce(8, i -> client().post("recorder-a", base + "/costs",
                cost("K-RACE", (i + 1) + ".00", "TAX")));
        assertThat(different).extracting(LedgerClient.Response::status).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(events(contractId).size()).isEqualTo(before.size() + 2);
    }

    /** Last of all in effect: it replaces the node, the others only ever ask {@link #client()}. */
    @Test
    void repeats_and_conflicts_are_recognised_after_a_restart() {
        String contractId = prepare();
        String base = API + "/contracts/" + contractId;
        Map<String, Map<String, Object>> sent = new LinkedHashMap<>();
        sent.put(base + "/incomes", income("I-R", "100.00", "2026-05-01"));
        sent.put(base + "/reward-decisions", decision("D-R", "500.00", "500.00", "1000.00"));
        sent.put(base + "/payments", payment("PAY-R", "P-1", "100.00", "2026-04-20"));
        sent.put(base + "/reversals", body("reversalId", "R-R", "entryId", "I-1", "reason", "recorded twice"));
        sent.put(base + "/termination", body("terminatedOn", "2026-09-30", "reason", "ended"));
        sent.put(API + "/contracts", contract("C-RESTART", "DEMO-A", "LICENSE"));
        sent.put(API + "/institutions", institution("INST-RESTART", "NATIONAL"));
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (var command : sent.entrySet()) {
            LedgerClient.Response r = client().post("admin", command.getKey(), command.getValue());
            assertThat(r.status()).as(command.getKey() + ": " + r).isEqualTo(201);
            answers.put(command.getKey(), r.json());
        }
        JsonNode events = events(contractId);

        node.close();
        node = LedgerNode.start(url);

        for (var command : sent.entrySet()) {
            String user = command.getKey().endsWith("/institutions") ? "admin" : "recorder-a";
            LedgerClient.Response r = client().post(user, command.getKey(), command.getValue());
            assertThat(r.status()).as(command.getKey() + " after the restart: " + r).isEqualTo(200);
            assertThat(r.json()).isEqualTo(answers.get(command.getKey()));
        }
        assertThat(events(contractId)).isEqualTo(events);
        Map<String, Object> otherIncome = income("I-R", "100.01", "2026-05-01");
        conflict(client().post("recorder-a", base + "/incomes", otherIncome));
        Map<String, Object> otherContract = contract("C-RESTART", "DEMO-A", "ASSIGNMENT");
        conflict(client().post("recorder-a", API + "/contracts", otherContract));
        conflict(client().post("admin", API + "/institutions", institution("INST-RESTART", "BEIJING")));
        assertThat(events(contractId)).isEqualTo(events);
    }

    // ---- helpers ----

    /** A fresh DEMO-A contract on which each command of {@link #commands()} succeeds once. */
    private static String prepare() {
        String contractId = "C-IDEM-" + FRESH.incrementAndGet();
        PreparedContracts.withEntries(client(), contractId, "DEMO-A");
        return contractId;
    }

    private static List<LedgerClient.Response> atOnce(int threads, Function<Integer, LedgerClient.Response> send)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LedgerClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return send.apply(n);
                }));
            }
            ready.await();
            go.countDown();
            List<LedgerClient.Response> responses = new ArrayList<>();
            for (Future<LedgerClient.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode events(String contractId) {
        LedgerClient.Response r = client().get("admin", API + "/contracts/" + contractId + "/events");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void conflict(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.hasNonNull("type")).isTrue();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

}
