package org.techtransfer.ledger.app.apidoc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Rule;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The OpenAPI description served at {@code /v3/api-docs}: what springdoc reads from the controllers, completed in
 * one place from {@link ApiOperations} and from what every operation shares (HTTP Basic, problem details, the
 * field rules of docs/api.md), so that an endpoint added later gets the same treatment.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    static final String BASIC = "basicAuth";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    /** Not blank and no control character (docs/api.md, "Field types and rules"). */
    private static final String TEXT = "^[^\\x00-\\x1F\\x7F-\\x9F]*[^\\s\\x00-\\x1F\\x7F-\\x9F][^\\x00-\\x1F\\x7F-\\x9F]*$";
    private static final Set<String> OPTIONAL_FIELDS = Set.of("licenseScope", "achievements", "rewardRate",
            "paymentDeadlineMonths", "ipKind", "principalHead", "nonProfit", "pricing", "dealNoticeId", "note",
            "minutesRef", "instalments", "royalty", "dueOn", "milestone", "minimumAnnual", "changeReason", "rewardYears");
    /**
     * The commands whose own {@code institutionId} is optional: a co-owner's own reward (issue 15), absent for the
     * seller's. Elsewhere an {@code institutionId} is required.
     */
    private static final Set<String> CO_OWNER_COMMANDS = Set.of("DecideCashReward", "DecideEquityReward",
            "RecordPublicity", "PayReward", "WithdrawRewardDecision", "ReverseEntry");

    static {
        // an amount is a string in JSON (Money's @JsonValue); one named schema says how it is written
        SpringDocUtils.getConfig().replaceWithSchema(Money.class, new Schema<>().$ref(SCHEMAS + "Money"));
    }

    @Bean
    OpenAPI ledgerApi(@Value("${ledger.api.license}") String license,
                      @Value("${ledger.api.contact-name}") String contactName,
                      @Value("${ledger.api.contact-email:}") String contactEmail) {
        return new OpenAPI()
                .info(new Info().title("Technology-transfer ledger API").version("1")
                        .description(DESCRIPTION)
                        .license(new License().name(license))
                        .contact(new Contact().name(contactName).email(contactEmail.isBlank() ? null : contactEmail)))
                // relative: the ledger that serves the description, whatever its host and port
                .servers(List.of(new Server().url("/").description("the ledger that serves this description")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A ledger user's name and password (docs/operations.md#users); on a local "
                                        + "ledger the demo accounts, such as `recorder-a` / `recorder-demo`.")));
    }

    @Bean
    OpenApiCustomizer ledgerOperations() {
        return ApiDescription::complete;
    }

    static void complete(OpenAPI api) {
        Components components = api.getComponents();
        components.addSchemas("Money", new StringSchema().pattern("^[0-9]{1,15}(\\.[0-9]{1,2})?$")
                .description("An amount in yuan: digits with at most two decimals and 15 integer digits, no sign, "
                        + "exponent or grouping; answers always give two decimals.")
                .example("1250000.00"));
        components.addSchemas("Problem", problem());
        sharedResponses(components);
        Set<String> tags = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name() + " " + path;
            complete(key, path, operation, ApiOperations.ENTRIES.get(key), components);
            tags.addAll(operation.getTags());
        }));
        api.setTags(tags(tags));
        removeUnused(api);
    }

    private static void complete(String key, String path, Operation operation, ApiOperations.Entry entry,
                                 Components components) {
        String method = key.substring(0, key.indexOf(' '));
        Callers callers = entry != null ? entry.callers() : Callers.byPath(method, path);
        if (entry != null) {
            operation.setOperationId(entry.operationId());
        }
        String what = entry != null ? entry.description() : operation.getSummary();
        operation.setDescription((what == null ? "" : what + "\n\n") + "**Who may call it:** " + callers.sentence);
        operation.setTags(List.of(ApiOperations.tagOf(path)));
        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> describe(p, path));
        }
        boolean command = operation.getRequestBody() != null;
        if (command) {
            operation.addParametersItem(new Parameter().in("header").name("X-Correlation-Id").required(false)
                    .description("Recorded with the command's events: 1 to 100 characters of `A-Z a-z 0-9 . _ : -`; "
                            + "anything else, or none, is replaced by a new UUID").schema(new StringSchema())
                    .example("batch-2026-03:42"));
            operation.getRequestBody().required(true).description("The command; a field it does not have is refused.");
            if (entry != null && entry.requestExample() != null) {
                operation.getRequestBody().getContent().get(JSON).example(json(entry.requestExample()));
            }
            constrain(operation.getRequestBody().getContent().get(JSON).getSchema(), components, pathIdFields(path));
        }
        success(key, operation, entry);
        errors(operation, entry, callers, command, path);
    }

    // ---- answers ----

    private static void success(String key, Operation operation, ApiOperations.Entry entry) {
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.remove("200");
        for (String type : List.copyOf(ok.getContent().keySet())) {
            if (type.equals(JSON)) {
                if (entry != null && entry.responseExample() != null) {
                    ok.getContent().get(type).example(json(entry.responseExample()));
                }
            } else {
                // text (CSV, NDJSON) or a binary file (XLSX): the body as it comes; a media type of its own, since
                // springdoc may share one object between the types of handlers on the same path
                io.swagger.v3.oas.models.media.MediaType body = new io.swagger.v3.oas.models.media.MediaType()
                        .schema(type.startsWith("text/") || type.endsWith("json")
                                ? new StringSchema() : new StringSchema().format("binary"));
                String example = ApiOperations.TEXT_ANSWERS.get(key + " " + type);
                if (example != null) {
                    body.example(example);
                }
                ok.getContent().put(type, body);
            }
        }
        if (isCommandAnswer(ok)) {
            responses.addApiResponse("201", new ApiResponse().content(ok.getContent())
                    .description("Recorded: the command's own id, the aggregate it was recorded on, the aggregate's "
                            + "version after it and the event's global `position` (pass it to a read-model query)."));
            responses.addApiResponse("200", new ApiResponse().content(ok.getContent())
                    .description("The same command sent again (same id, same content): the first answer; nothing "
                            + "new is recorded."));
        } else if (entry != null && entry.success() != null) {
            responses.addApiResponse(entry.success(), ok.description("Accepted: started, not finished."));
        } else {
            responses.addApiResponse("200", ok.description("OK"));
        }
    }

    private static boolean isCommandAnswer(ApiResponse ok) {
        MediaType media = ok.getContent().get(JSON);
        return media != null && media.getSchema() != null
                && (SCHEMAS + "CommandAnswer").equals(media.getSchema().get$ref());
    }

    private static void errors(Operation operation, ApiOperations.Entry entry, Callers callers, boolean command,
                               String path) {
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (command || parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
            responses.addApiResponse("400", ref("BadRequest"));
        }
        responses.addApiResponse("401", ref("Unauthorized"));
        if (callers.restricted) {
            responses.addApiResponse("403", ref("Forbidden"));
        }
        if (path.contains("{") || entry != null && entry.notFound()) {
            responses.addApiResponse("404", ref("NotFound"));
        }
        if (command) {
            responses.addApiResponse("409", ref("Conflict"));
            responses.addApiResponse("415", ref("UnsupportedMediaType"));
        }
        if (entry != null && !entry.rules().isEmpty()) {
            responses.addApiResponse("422", refused(entry.rules(), path));
        }
        responses.addApiResponse("500", ref("InternalError"));
        responses.addApiResponse("503", ref(command ? "OutcomeUnknown"
                : parameters.stream().anyMatch(p -> "position".equals(p.getName())) ? "ReadModelBehind" : "Unavailable"));
    }

    private static ApiResponse refused(Set<Rule> rules, String path) {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (Rule rule : new TreeSet<>(rules)) {
            examples.put(rule.name(), new Example().summary(rule.name()).value(problemExample(422, "rule-violation",
                    "Unprocessable Entity", rule.name().toLowerCase(Locale.ROOT).replace('_', ' '), path, "code", rule.name())));
        }
        return new ApiResponse()
                .description("A business rule refuses the command; nothing is recorded. `code` is one of "
                        + rules.stream().sorted().map(r -> "`" + r.name() + "`").collect(Collectors.joining(", "))
                        + " (docs/domain.md gives their conditions).")
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref(SCHEMAS + "Problem")).examples(examples)));
    }

    private static void sharedResponses(Components components) {
        Header retryAfter = new Header().description("Seconds to wait before sending the request again")
                .schema(new IntegerSchema().example(1));
        components.addResponses("BadRequest", problemResponse("A field is missing, of the wrong type or invalid "
                + "(`field` names it), or the body is not one well-formed JSON object of at most 1 MiB.",
                400, "invalid-field", "Bad Request", "allocations[0].amount: amount has more than two decimals: 1.001",
                "field", "allocations[0].amount"));
        components.addResponses("Unauthorized", problemResponse("Not signed in: HTTP Basic credentials are missing "
                + "or wrong.", 401, null, "Unauthorized", "authentication required (HTTP Basic)", null, null)
                .addHeaderObject("WWW-Authenticate", new Header().description("`Basic realm=\"ledger\"`")
                        .schema(new StringSchema().example("Basic realm=\"ledger\""))));
        components.addResponses("Forbidden", problemResponse("The role may not do this, or a recorder asks about "
                + "another institution's contract.", 403, "forbidden", "Forbidden",
                "contract C-2026-001 belongs to another institution", null, null));
        components.addResponses("NotFound", problemResponse("No such contract or institution.", 404, "not-found",
                "Not Found", "no contract 'C-2026-001'", null, null));
        components.addResponses("Conflict", problemResponse("The id was used before with other content, by another "
                + "entry of the contract or by another contract or institution (`id-conflict`); or the contract kept "
                + "changing while the command was retried (`concurrent-modification`): send it again.", 409,
                "id-conflict", "Conflict", "incomeId 'INC-1' was used before with other content", null, null));
        components.addResponses("UnsupportedMediaType", problemResponse("The body is not sent as "
                + "`Content-Type: application/json`.", 415, null, "Unsupported Media Type",
                "Content-Type 'text/plain' is not supported.", null, null));
        components.addResponses("InternalError", problemResponse("An unexpected failure, logged by the ledger; "
                + "nothing was recorded.", 500, "internal", "Internal Server Error",
                "the ledger failed; nothing was recorded", null, null));
        components.addResponses("Unavailable", problemResponse("No database connection could be had; try again.",
                503, "unavailable", "Service Unavailable", "the database is unavailable; nothing was recorded, try again",
                null, null).addHeaderObject("Retry-After", retryAfter));
        components.addResponses("ReadModelBehind", problemResponse("The read model did not reach the asked "
                + "`position` within 10 seconds (`read-model-behind`), or no database connection could be had "
                + "(`unavailable`); try again.", 503, "read-model-behind", "Service Unavailable",
                "the read model payouts has not yet reached position 42; try again shortly", null, null)
                .addHeaderObject("Retry-After", retryAfter));
        components.addResponses("OutcomeUnknown", problemResponse("No database connection could be had "
                + "(`unavailable`: nothing was recorded), or the connection broke while the command's transaction "
                + "ran (`outcome-unknown`: it may have been recorded). Either way, send the command again with the "
                + "same id: `201` if it was not recorded, `200` with the first answer if it was.", 503,
                "outcome-unknown", "Service Unavailable", "the connection to the database was lost; the command may "
                        + "have been recorded: send it again with the same id, which is safe", null, null)
                .addHeaderObject("Retry-After", retryAfter));
    }

    private static ApiResponse problemResponse(String description, int status, String type, String title,
                                               String detail, String extraName, String extraValue) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(SCHEMAS + "Problem"))
                        .example(problemExample(status, type, title, detail, null, extraName, extraValue))));
    }

    private static Map<String, Object> problemExample(int status, String type, String title, String detail,
                                                      String path, String extraName, String extraValue) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type == null ? "about:blank" : "urn:ledger:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (path != null) {
            problem.put("instance", path.replace("{id}", "C-2026-001"));
        }
        if (extraName != null) {
            problem.put(extraName, extraValue);
        }
        return problem;
    }

    /** RFC 9457 problem details as docs/api.md describes them. */
    private static Schema<?> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("`urn:ledger:problem:…` naming the kind of refusal "
                + "(`invalid-field`, `invalid-request`, `forbidden`, `not-found`, `id-conflict`, "
                + "`concurrent-modification`, `rule-violation`, `internal`, `read-model-behind`, `unavailable`, "
                + "`outcome-unknown`), or `about:blank` for a refusal of the HTTP layer").example("urn:ledger:problem:rule-violation"));
        properties.put("title", new StringSchema().description("The HTTP status's phrase").example("Unprocessable Entity"));
        properties.put("status", new IntegerSchema().description("The HTTP status").example(422));
        properties.put("detail", new StringSchema().description("For people; its wording may change, in Chinese "
                + "when `Accept-Language` asks for it").example("the required reward still undecided is 630000.00, "
                + "the decision gives 600000.00"));
        properties.put("instance", new StringSchema().description("The path asked for").example("/api/v1/contracts/C-2026-001/reward-decisions"));
        properties.put("field", new StringSchema().description("On a `400 invalid-field`: the field's path")
                .example("allocations[0].amount"));
        properties.put("code", new StringSchema().description("On a `422`: the rule that refuses the command, one of "
                + java.util.Arrays.stream(Rule.values()).map(r -> "`" + r.name() + "`").collect(Collectors.joining(", "))
                + ". New rules may add codes.").example("REWARD_BELOW_MINIMUM"));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        problem.description("A refusal (RFC 9457 problem details), sent as `application/problem+json`.");
        return problem;
    }

    /**
     * The body's fields that a command's path names ({@code /contracts/{id}/incomes}: contractId; a milestone reached
     * also its instalmentId), none when it names none.
     */
    private static List<String> pathIdFields(String path) {
        for (Map.Entry<String, String> named : Map.of("/contracts/{id}/", "contractId", "/achievements/{id}/",
                "achievementId", "/incubations/{id}/", "incubationId", "/demands/{id}/", "demandId",
                "/institutions/{id}/", "institutionId", "/implementations/{id}/", "implementationId").entrySet()) {
            if (path.startsWith(ApiOperations.BASE + named.getKey())) {
                return path.contains("/{instalmentId}/") ? List.of(named.getValue(), "instalmentId")
                        : List.of(named.getValue());
            }
        }
        return List.of();
    }

    private static ApiResponse ref(String name) {
        return new ApiResponse().$ref(RESPONSES + name);
    }

    // ---- requests ----

    /** docs/api.md's field rules, by the field's name and type, on the body and every schema it holds. */
    private static void constrain(Schema<?> body, Components components, List<String> pathIdFields) {
        Schema<?> schema = resolve(body, components);
        for (String pathIdField : pathIdFields) {
            if (schema.getProperties() != null) {
                schema.getProperties().remove(pathIdField); // the path names the aggregate; a body's id is ignored
                if (schema.getRequired() != null) {
                    schema.getRequired().remove(pathIdField);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        Deque<Schema<?>> pending = new ArrayDeque<>(List.of(schema));
        while (!pending.isEmpty()) {
            Schema<?> next = pending.pop();
            if (next.getProperties() == null || !seen.add(String.valueOf(System.identityHashCode(next)))) {
                continue;
            }
            boolean ownerOptional = next == schema && body.get$ref() != null
                    && CO_OWNER_COMMANDS.contains(body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1));
            next.setRequired(next.getProperties().keySet().stream().filter(n -> !OPTIONAL_FIELDS.contains(n)
                    && !(ownerOptional && n.equals("institutionId"))).toList());
            next.getProperties().forEach((name, property) -> {
                Schema<?> target = property.get$ref() != null ? resolve(property, components) : property;
                if (target.getProperties() != null) {
                    pending.push(target);
                } else if (property.getItems() != null) {
                    if (!OPTIONAL_FIELDS.contains(name)) {
                        property.setMinItems(1);
                    }
                    Schema<?> items = property.getItems();
                    if (items.get$ref() != null) {
                        pending.push(resolve(items, components));
                    } else {
                        field(name, items);
                    }
                } else if (property.get$ref() == null) {
                    field(name, property);
                }
            });
        }
    }

    private static void field(String name, Schema<?> property) {
        switch (String.valueOf(property.getType())) {
            case "string" -> {
                if (property.getFormat() != null || property.getEnum() != null) {
                    return;
                }
                if (name.equals("regionCode")) {
                    property.pattern("^[0-9]{6}$").example("110116");
                } else {
                    boolean id = name.endsWith("Id") || name.equals("registrationNumber");
                    property.minLength(1).maxLength(id ? 100 : 1000).pattern(TEXT);
                }
            }
            case "integer" -> {
                property.setMinimum(BigDecimal.ONE);
                if (name.equals("paymentDeadlineMonths")) {
                    property.setMaximum(BigDecimal.valueOf(36));
                }
            }
            case "number" -> {
                property.setMinimum(BigDecimal.ZERO);
                property.setExclusiveMinimum(true);
                property.setMaximum(BigDecimal.ONE);
            }
            default -> {
            }
        }
    }

    private static Schema<?> resolve(Schema<?> schema, Components components) {
        String ref = schema.get$ref();
        return ref == null ? schema : components.getSchemas().get(ref.substring(SCHEMAS.length()));
    }

    // ---- parameters, tags, the rest ----

    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("position", "Wait until the read model has passed this global position (the `position` of a "
                    + "command's answer) to read one's own write: at most 10 seconds, then a `503` with `Retry-After`."),
            Map.entry("asOf", "The contract as it stood at this instant (ISO-8601 with `Z` or an offset, the `+` "
                    + "URL-encoded): only events recorded up to it. AUDITOR and ADMIN only."),
            Map.entry("institutionId", "Only this institution's contracts"),
            Map.entry("status", "Only contracts whose cash obligation is in this status"),
            Map.entry("equityStatus", "Only contracts whose share obligation is in this status"),
            Map.entry("personId", "Only this person"),
            Map.entry("from", "Only items dated on or after this day"),
            Map.entry("to", "Only items dated on or before this day"),
            Map.entry("groupBy", "`year`, `quarter` (`2026-Q1`), `month` (`2026-03`), `kind`, `field`, "
                    + "`institution`, `sellerType`, `buyerRegion` or `flow` (`110116->110108`); case and "
                    + "underscores are ignored"),
            Map.entry("year", "Only contracts signed in this year (the tax report: payments made in this year)"),
            Map.entry("kind", "Only contracts (or achievements) of this kind"),
            Map.entry("stage", "Only achievements in this stage of the reserve library"),
            Map.entry("technologyField", "Only achievements of this technology field (exactly)"),
            Map.entry("regionCode", "Only this region (six digits)"),
            Map.entry("q", "A part, in any case, of the contract id, registration number, buyer, technology field, or a "
                    + "contributor's name or person id"),
            Map.entry("page", "The page, from 0"),
            Map.entry("size", "Items per page, 1 to 200"),
            Map.entry("after", "Start after this global position"),
            Map.entry("limit", "At most this many lines"),
            Map.entry("digestPosition", "The position of a digest kept outside the ledger (with `digestHash`)"),
            Map.entry("digestHash", "The hash of that digest: 64 lowercase hexadecimal digits (with `digestPosition`)"),
            Map.entry("decisionId", "The reward decision's id"),
            Map.entry("instalmentId", "The milestone instalment's id in the contract's payment terms"));

    /** What the {@code {id}} of a path names, by the collection it follows, with an example. */
    private static final Map<String, String[]> PATH_IDS = Map.of(
            "contracts", new String[]{"The contract's id", "C-2026-001"},
            "institutions", new String[]{"The institution's id", "DEMO-A"},
            "implementations", new String[]{"The self-implementation's id", "IMP-A-001"},
            "demands", new String[]{"The technology demand's id", "DEM-2026-001"},
            "achievements", new String[]{"The achievement's id", "ACH-A-001"},
            "incubations", new String[]{"The incubation's id", "INC-A-001"});

    private static final Map<String, Object> PARAMETER_EXAMPLES = Map.of("position", 42, "asOf",
            "2026-03-01T08:00:00Z", "institutionId", "DEMO-A", "personId", "P-001", "from", "2026-01-01", "to",
            "2026-12-31", "groupBy", "quarter", "year", 2026, "digestPosition", 2, "decisionId", "DEC-1");

    private static void describe(Parameter parameter, String path) {
        String name = parameter.getName();
        if ("path".equals(parameter.getIn()) && "id".equals(name)) {
            int start = ApiOperations.BASE.length() + 1;
            String collection = path.substring(start, path.indexOf('/', start));
            String[] described = PATH_IDS.getOrDefault(collection, PATH_IDS.get("contracts"));
            parameter.description(described[0]).example(described[1]);
            return;
        }
        if (parameter.getDescription() == null) {
            parameter.description(PARAMETERS.get(name));
        }
        if (parameter.getExample() == null && PARAMETER_EXAMPLES.containsKey(name)) {
            parameter.example(PARAMETER_EXAMPLES.get(name));
        }
        Schema<?> schema = parameter.getSchema();
        switch (name) {
            case "position", "after" -> schema.setMinimum(BigDecimal.ZERO);
            case "limit" -> schema.setMinimum(BigDecimal.ONE);
            case "digestHash" -> schema.pattern("^[0-9a-f]{64}$");
            default -> {
            }
        }
    }

    private static List<Tag> tags(Set<String> used) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        ApiOperations.TAGS.forEach((name, description) -> {
            if (used.contains(name)) {
                tags.put(name, new Tag().name(name).description(description));
            }
        });
        used.forEach(name -> tags.putIfAbsent(name, new Tag().name(name).description("Operations under "
                + ApiOperations.BASE + "/" + name)));
        return List.copyOf(tags.values());
    }

    /** springdoc keeps schemas that nothing refers to any longer (a streamed body's type, a body's contractId). */
    private static void removeUnused(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        JsonNode tree = Json.mapper().valueToTree(api);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("components")).remove("schemas");
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(tree));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith(SCHEMAS)) {
                String name = ref.asText().substring(SCHEMAS.length());
                if (used.add(name) && schemas.containsKey(name)) {
                    pending.push(Json.mapper().valueToTree(schemas.get(name)));
                }
            }
            node.forEach(pending::push);
        }
        schemas.keySet().retainAll(used);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example in ApiOperations is not JSON: " + text, e);
        }
    }

    private static final String DESCRIPTION = """
            The ledger of technology-transfer deals and the rewards owed to the people behind them: every command \
            is checked against the reward rules and recorded as an immutable event.

            - **Money** is a JSON string in yuan with at most two decimals (`"1250000.00"`); answers always give two. \
            Share counts are integers, dates `YYYY-MM-DD`, instants ISO-8601.
            - **Authentication**: HTTP Basic on every operation; the API keeps no session. (Swagger UI in a browser \
            signed in to the console is sent with the console's session; a write then carries the `XSRF-TOKEN` \
            cookie's token in `X-XSRF-TOKEN`.) Each user has one role \
            (`ADMIN`, `RECORDER` of one institution, `AUDITOR`, `FINANCE`); each operation says who may call it.
            - **Idempotency**: every command carries its own id. The same command again answers `200` with the \
            first answer and records nothing; the same id with other content is a `409`.
            - **Errors** are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail`; a \
            refused business rule (`422`) adds `code`, an invalid field (`400`) adds `field`.
            - **Read your writes**: the queries that answer from read models take `position` (from a command's \
            answer) and wait until the read model has passed it.
            - An optional `X-Correlation-Id` header on a command is recorded with its events.

            This is version 1 of the API, with additions that never change its answers; the repository's \
            docs/api.md describes what this ledger answers, field by field.""";
}
