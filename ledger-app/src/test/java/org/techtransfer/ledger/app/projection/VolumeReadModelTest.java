package org.techtransfer.ledger.app.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The contract volumes read model ({@code GET /statistics/volume}, {@code /statistics/targets}) against
 * the groupings computed here from the contracts as registered and amended (docs/domain.md, "Transaction statistics").
 */
class VolumeReadModelTest {

    private static final String VOLUME = "/api/v1/statistics/volume";
    private static final String TARGETS = "/api/v1/statistics/targets";

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;

    /** Each institution: type and region. */
    private static final Map<String, String[]> sellers = Map.of(
            "DEMO-A", new String[]{"RESEARCH_INSTITUTE", "110116"},
            "DEMO-B", new String[]{"UNIVERSITY", "110108"},
            "DEMO-E", new String[]{"ENTERPRISE", "310115"});

    /** The contracts at the amounts in force, as this test recorded them. */
    private static final Map<String, Volume> contracts = new LinkedHashMap<>();

    private record Volume(String id, LocalDate signedOn, String kind, String field, String seller, String buyerRegion,
                          long totalFen, long technologyFen) {

        String sellerType() {
            return sellers.get(seller)[0];
        }

        String sellerRegion() {
            return sellers.get(seller)[1];
        }
    }

    private static JsonNode year2020BeforeAmendments;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        Map<String, Object> b = institution("DEMO-B", "NATIONAL");
        b.put("type", "UNIVERSITY");
        b.put("regionCode", "110108");
        ok(c.post("admin", "/api/v1/institutions", b));
        Map<String, Object> e = institution("DEMO-E", "NATIONAL");
        e.put("type", "ENTERPRISE");
        e.put("regionCode", "310115");
        ok(c.post("admin", "/api/v1/institutions", e));

        register("recorder-a", "V-1", "2020-02-10", "LICENSE", "nanotechnology", "DEMO-A", "110116", "500000000.00", "450000000.00");
        register("recorder-b", "V-2", "2020-05-20", "ASSIGNMENT", "new materials", "DEMO-B", "110105", "400000000.00", "400000000.00");
        register("admin", "V-3", "2020-11-30", "DEVELOPMENT", "biomedicine", "DEMO-E", "310115", "300000000.00", "250000000.00");
        register("recorder-a", "V-4", "2020-12-31", "SERVICE", "nanotechnology", "DEMO-A", "440300", "0.01", "0.01");
        register("recorder-b", "V-5", "2021-07-01", "CONSULTING", "biomedicine", "DEMO-B", "110116", "1000000.00", "800000.00");
        register("admin", "V-7", "2021-01-01", "LICENSE", "nanotechnology", "DEMO-E", "110116", "123.45", "100.00");
        register("recorder-a", "V-6", "2026-03-01", "EQUITY_INVESTMENT", "new materials", "DEMO-A", "110105", "2500000.00", "2500000.00");

        year2020BeforeAmendments = rowsByKey(volume("finance", "year")).get("2020");

        // amended twice: the amounts in force are the last ones
        amend("recorder-b", "V-2", "A-1", "450000000.00", "300000000.00");
        amend("recorder-b", "V-2", "A-2", "434699999.99", "420000000.00");
        // terminated: stays counted in the period it was signed in
        ok(c.post("admin", "/api/v1/contracts/V-3/termination", body("terminatedOn", "2021-03-31",
                "reason", "buyer withdrew")));
        // an amendment of a contract of another year moves that year only
        amend("recorder-a", "V-6", "A-1", "2600000.00", "2400000.00");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void volumes_grouped_every_way_equal_those_computed_from_the_contracts() {
        Map<String, Function<Volume, String>> groupings = groupings();
        for (Map.Entry<String, Function<Volume, String>> g : groupings.entrySet()) {
            JsonNode rows = volume("finance", g.getKey());
            assertThat(rowsAsText(rows)).as("groupBy=" + g.getKey())
                    .isEqualTo(expected(g.getValue(), null));
        }
        // keys that sort as text come in order
        for (String g : List.of("year", "quarter", "month")) {
            List<String> keys = new ArrayList<>(rowsAsText(volume("auditor", g)).keySet());
            List<String> returned = new ArrayList<>();
            volume("auditor", g).forEach(r -> returned.add(r.get("key").asText()));
            assertThat(returned).as(g).isEqualTo(keys.stream().sorted().toList());
        }
    }

    @Test
    void hand_checked_keys_and_amounts() {
        Map<String, JsonNode> years = rowsByKey(volume("finance", "year"));
        assertThat(years.keySet()).containsExactly("2020", "2021", "2026");
        assertThat(years.get("2020").get("contracts").asLong()).isEqualTo(4);
        assertThat(years.get("2020").get("totalAmount").asText()).isEqualTo("1234700000.00");
        assertThat(years.get("2020").get("technologyAmount").asText()).isEqualTo("1120000000.01");
        assertThat(years.get("2026").get("totalAmount").asText()).isEqualTo("2600000.00");
        assertThat(rowsByKey(volume("finance", "quarter")).keySet())
                .containsExactly("2020-Q1", "2020-Q2", "2020-Q4", "2021-Q1", "2021-Q3", "2026-Q1");
        assertThat(rowsByKey(volume("finance", "quarter")).get("2020-Q4").get("contracts").asLong()).isEqualTo(2);
        assertThat(rowsByKey(volume("finance", "month")).keySet()).contains("2020-02", "2020-12", "2021-07");
        assertThat(rowsByKey(volume("finance", "flow")).keySet()).contains("110116->110116", "310115->310115",
                "110116->440300", "110108->110105");
        assertThat(rowsByKey(volume("finance", "sellerType")).keySet())
                .containsExactlyInAnyOrder("RESEARCH_INSTITUTE", "UNIVERSITY", "ENTERPRISE");
        assertThat(rowsByKey(volume("finance", "buyerRegion")).get("110116").get("contracts").asLong()).isEqualTo(3);
        assertThat(rowsByKey(volume("finance", "institution")).get("DEMO-E").get("totalAmount").asText())
                .isEqualTo("300000123.45");
        // case and underscores in the grouping's name are ignored
        assertThat(rowsAsText(volume("finance", "SELLER_TYPE"))).isEqualTo(rowsAsText(volume("finance", "sellerType")));
        assertThat(rowsAsText(volume("finance", "buyer_region"))).isEqualTo(rowsAsText(volume("finance", "buyerRegion")));
        // the default grouping is the year
        assertThat(rowsAsText(volume("finance", null))).isEqualTo(rowsAsText(volume("finance", "year")));
    }

    @Test
    void the_year_filter_keeps_the_contracts_signed_in_it() {
        for (Map.Entry<String, Function<Volume, String>> g : groupings().entrySet()) {
            for (int year : List.of(2020, 2021, 2026)) {
                JsonNode rows = get("finance", VOLUME + "?groupBy=" + g.getKey() + "&year=" + year);
                assertThat(rowsAsText(rows)).as("groupBy=" + g.getKey() + " year=" + year)
                        .isEqualTo(expected(g.getValue(), year));
            }
        }
        assertThat(get("finance", VOLUME + "?groupBy=kind&year=2019")).isEmpty();
        assertThat(rowsByKey(get("finance", VOLUME + "?groupBy=kind&year=2020")).keySet())
                .containsExactlyInAnyOrder("LICENSE", "ASSIGNMENT", "DEVELOPMENT", "SERVICE");
        assertThat(c.get("finance", VOLUME + "?groupBy=kind&year=twenty").status()).isEqualTo(400);
    }

    @Test
    void amendments_change_the_amounts_and_a_terminated_contract_stays_counted() {
        assertThat(year2020BeforeAmendments.get("totalAmount").asText()).isEqualTo("1200000000.01");
        assertThat(year2020BeforeAmendments.get("technologyAmount").asText()).isEqualTo("1100000000.01");
        JsonNode after = rowsByKey(volume("finance", "year")).get("2020");
        assertThat(after.get("totalAmount").asText()).isEqualTo("1234700000.00");
        assertThat(after.get("technologyAmount").asText()).isEqualTo("1120000000.01");
        assertThat(after.get("contracts").asLong()).isEqualTo(4);

        assertThat(c.get("auditor", "/api/v1/contracts/V-3").json().get("terminated").asBoolean()).isTrue();
        JsonNode development = rowsByKey(get("finance", VOLUME + "?groupBy=kind&year=2020")).get("DEVELOPMENT");
        assertThat(development.get("contracts").asLong()).isEqualTo(1);
        assertThat(development.get("totalAmount").asText()).isEqualTo("300000000.00");

        JsonNode assignment = rowsByKey(volume("finance", "kind")).get("ASSIGNMENT");
        assertThat(assignment.get("totalAmount").asText()).isEqualTo("434699999.99");
        assertThat(assignment.get("technologyAmount").asText()).isEqualTo("420000000.00");
    }

    @Test
    void an_unknown_grouping_is_a_400_naming_groupBy() {
        LedgerClient.Response response = c.get("finance", VOLUME + "?groupBy=nonsense");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains("groupBy");
        assertThat(problem.path("field").asText()).isEqualTo("groupBy");
    }

    @Test
    void the_2020_target_shows_achieved_and_percent_rounded_down() {
        LedgerClient.Response response = c.get("finance", TARGETS + "?position=" + lastPosition);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode rows = response.json();
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("period").asText()).isEqualTo("2020");
        assertThat(row.get("target").asText()).isEqualTo("1600000000.00");
        long achievedFen = contracts.values().stream().filter(v -> v.signedOn().getYear() == 2020)
                .mapToLong(Volume::totalFen).sum();
        assertThat(row.get("achieved").asText()).isEqualTo(ObligationReadModelTest.yuan(achievedFen))
                .isEqualTo("1234700000.00");
        BigDecimal percent = BigDecimal.valueOf(achievedFen, 2).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal("1600000000.00"), 2, RoundingMode.DOWN);
        assertThat(percent).isEqualByComparingTo("77.16"); // 77.16875: down, not 77.17
        assertThat(new BigDecimal(row.get("percent").asText())).isEqualByComparingTo(percent);
        assertThat(response.body()).containsPattern("\"percent\":\"?77\\.16\"?[,}]");
    }

    @Test
    void finance_auditor_and_admin_may_read_recorders_may_not() {
        for (String user : List.of("finance", "auditor", "admin")) {
            assertThat(c.get(user, VOLUME).status()).as(user).isEqualTo(200);
            assertThat(c.get(user, TARGETS).status()).as(user).isEqualTo(200);
        }
        assertThat(c.get("recorder-a", VOLUME).status()).isEqualTo(403);
        assertThat(c.get("recorder-b", TARGETS).status()).isEqualTo(403);
    }

    // ---- the expected figures ----

    private static Map<String, Function<Volume, String>> groupings() {
        Map<String, Function<Volume, String>> g = new LinkedHashMap<>();
        g.put("year", v -> String.valueOf(v.signedOn().getYear()));
        g.put("quarter", v -> v.signedOn().getYear() + "-Q" + ((v.signedOn().getMonthValue() - 1) / 3 + 1));
        g.put("month", v -> String.format("%d-%02d", v.signedOn().getYear(), v.signedOn().getMonthValue()));
        g.put("kind", Volume::kind);
        g.put("field", Volume::field);
        g.put("institution", Volume::seller);
        g.put("sellerType", Volume::sellerType);
        g.put("buyerRegion", Volume::buyerRegion);
        g.put("flow", v -> v.sellerRegion() + "->" + v.buyerRegion());
        return g;
    }

    /** key → "contracts total technology", of the contracts signed in {@code year} (all when null). */
    private static Map<String, String> expected(Function<Volume, String> key, Integer year) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Volume v : contracts.values()) {
            if (year != null && v.signedOn().getYear() != year) {
                continue;
            }
            long[] s = sums.computeIfAbsent(key.apply(v), k -> new long[3]);
            s[0]++;
            s[1] += v.totalFen();
            s[2] += v.technologyFen();
        }
        Map<String, String> text = new TreeMap<>();
        sums.forEach((k, s) -> text.put(k, s[0] + " " + ObligationReadModelTest.yuan(s[1]) + " "
                + ObligationReadModelTest.yuan(s[2])));
        return text;
    }

    private static Map<String, String> rowsAsText(JsonNode rows) {
        Map<String, String> text = new TreeMap<>();
        for (JsonNode r : rows) {
            String previous = text.put(r.get("key").asText(), r.get("contracts").asLong() + " "
                    + r.get("totalAmount").asText() + " " + r.get("technologyAmount").asText());
            assertThat(previous).as("one row per key: " + r).isNull();
        }
        return text;
    }

    private static Map<String, JsonNode> rowsByKey(JsonNode rows) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(r.get("key").asText(), r));
        return byKey;
    }

    // ---- helpers ----

    private static void register(String recorder, String id, String signedOn, String kind, String field, String seller,
                                 String buyerRegion, String total, String technology) {
        Map<String, Object> body = contract(id, seller, kind);
        body.put("signedOn", signedOn);
        body.put("technologyField", field);
        body.put("buyer", body("name", "Buyer of " + id, "type", "ENTERPRISE", "regionCode", buyerRegion));
        body.put("totalAmount", total);
        body.put("technologyAmount", technology);
        ok(c.post(recorder, "/api/v1/contracts", body));
        contracts.put(id, new Volume(id, LocalDate.parse(signedOn), kind, field, seller, buyerRegion,
                ObligationReadModelTest.fen(total), ObligationReadModelTest.fen(technology)));
    }

    private static void amend(String recorder, String id, String amendmentId, String total, String technology) {
        ok(c.post(recorder, "/api/v1/contracts/" + id + "/amendments", body("amendmentId", amendmentId,
                "totalAmount", total, "technologyAmount", technology, "reason", "supplementary agreement")));
        Volume v = contracts.get(id);
        contracts.put(id, new Volume(id, v.signedOn(), v.kind(), v.field(), v.seller(), v.buyerRegion(),
                ObligationReadModelTest.fen(total), ObligationReadModelTest.fen(technology)));
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        lastPosition = Math.max(lastPosition, answer.get("position").asLong());
        return answer;
    }

    private static JsonNode volume(String user, String groupBy) {
        return get(user, VOLUME + "?position=" + lastPosition + (groupBy == null ? "" : "&groupBy=" + groupBy));
    }

    private static JsonNode get(String user, String path) {
        String withPosition = path.contains("position=") ? path
                : path + (path.contains("?") ? "&" : "?") + "position=" + lastPosition;
        LedgerClient.Response response = c.get(user, withPosition);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
