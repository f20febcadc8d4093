package org.techtransfer.ledger.app.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.rule.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The description the ledger serves: the same as the checked-in copy the client is generated from, clean under
 * Redocly's recommended rules, and complete for every operation, so that an endpoint added without its entry in
 * {@link ApiOperations} is named here.
 */
class ApiDescriptionTest {

    /** The copy openapi-generator reads (pom.xml); regenerate it from target/api-docs.json when this test says so. */
    static final Path CHECKED_IN = Path.of("src", "test", "resources", "openapi", "ledger-api.json");
    private static final Path SERVED = Path.of("target", "api-docs.json");
    /** Where `make redocly` installs the CLI (the repository's target directory). */
    private static final Path REDOCLY = Path.of(System.getProperty("ledger.redocly.dir", "../target/redocly"));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static LedgerNode node;
    private static JsonNode served;

    @BeforeAll
    static void serve() throws IOException {
        node = LedgerNode.start(TestDatabase.fresh());
        LedgerClient.Response docs = node.client().get("finance", "/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        served = docs.json();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void the_served_description_is_the_checked_in_copy_that_clients_are_generated_from() throws IOException {
        JsonNode copy = JSON.readTree(CHECKED_IN.toFile());
        assertThat(copy.equals(served)).as("the served description differs from " + CHECKED_IN + ": review the "
                + "difference and copy ledger-app/" + SERVED + " over it").isTrue();
    }

    @Test
    void redocly_finds_no_error_and_no_warning_under_its_recommended_rules() throws Exception {
        assertThat(REDOCLY.resolve("node_modules/.bin/redocly")).as("Redocly CLI: run `make redocly`").exists();
        // no download here (--no): the version is the one `make redocly` installed; the ignore file is in this module
        Process lint = new ProcessBuilder("npx", "--prefix", REDOCLY.toString(), "--no", "redocly", "lint",
                "--extends=recommended", "--format=json", SERVED.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        JsonNode report = JSON.readTree(out.substring(out.indexOf('{')));
        assertThat(report.path("version").asText()).isEqualTo("2.77.0");
        assertThat(report.path("problems")).as(out).isEmpty();
        assertThat(report.path("totals").path("errors").asInt(-1)).isZero();
        assertThat(report.path("totals").path("warnings").asInt(-1)).isZero();
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void every_operation_has_its_entry_a_summary_a_tag_basic_auth_examples_and_its_refusals_as_problems() {
        Set<String> tags = new HashSet<>();
        served.path("tags").forEach(t -> {
            assertThat(t.path("description").asText()).as("tag " + t.path("name")).isNotBlank();
            tags.add(t.path("name").asText());
        });
        List<String> missing = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String key = method.getKey().toUpperCase() + " " + path.getKey();
            operations.add(key);
            JsonNode op = method.getValue();
            check(missing, key, "an entry in ApiOperations", ApiOperations.ENTRIES.containsKey(key));
            check(missing, key, "a summary", !op.path("summary").asText().isBlank());
            check(missing, key, "who may call it", op.path("description").asText().contains("**Who may call it:**"));
            check(missing, key, "one declared tag", op.path("tags").size() == 1 && tags.contains(op.path("tags").get(0).asText()));
            check(missing, key, "HTTP Basic", op.path("security").toString().contains(ApiDescription.BASIC));
            op.path("parameters").forEach(p ->
                    check(missing, key, "a description of " + p.path("name"), !p.path("description").asText().isBlank()));
            if (op.has("requestBody")) {
                check(missing, key, "a request example", op.at("/requestBody/content/application~1json/example").isObject());
            }
            Set<String> codes = new TreeSet<>();
            op.path("responses").fieldNames().forEachRemaining(codes::add);
            check(missing, key, "401 and another 4xx", codes.contains("401")
                    && codes.stream().anyMatch(c -> c.startsWith("4") && !c.equals("401")));
            check(missing, key, "500 and 503", codes.containsAll(Set.of("500", "503")));
            op.path("responses").fields().forEachRemaining(r -> {
                JsonNode response = resolve(r.getValue());
                if (r.getKey().startsWith("2")) {
                    response.path("content").fields().forEachRemaining(media -> check(missing, key,
                            "an example of its " + r.getKey() + " " + media.getKey(), media.getKey().contains("spreadsheet")
                                    || media.getValue().has("example") || media.getValue().has("examples")));
                } else {
                    check(missing, key, r.getKey() + " as a problem", "#/components/schemas/Problem".equals(
                            response.at("/content/application~1problem+json/schema/$ref").asText()));
                }
            });
        }));
        assertThat(missing).as("what the description lacks").isEmpty();
        assertThat(ApiOperations.ENTRIES.keySet()).as("entries of ApiOperations without an operation")
                .isSubsetOf(operations);
    }

    @Test
    void every_rule_code_is_documented_on_the_operations_that_can_answer_it() {
        Set<String> documented = new TreeSet<>();
        served.path("paths").forEach(path -> path.forEach(op ->
                op.at("/responses/422/content/application~1problem+json/examples").fieldNames().forEachRemaining(documented::add)));
        assertThat(documented).isEqualTo(Arrays.stream(Rule.values()).map(Rule::name).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(served.at("/paths/~1api~1v1~1contracts~1{id}~1reward-decisions/post/responses/422/description").asText())
                .contains("`REWARD_BELOW_MINIMUM`", "`PRINCIPAL_SHARE_BELOW_HALF`");
    }

    private static void check(List<String> missing, String operation, String what, boolean present) {
        if (!present) {
            missing.add(operation + ": " + what);
        }
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.isEmpty() ? node : served.at(ref.substring(1));
    }
}
