package org.techtransfer.ledger.app.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The reserve library ({@code /achievements}), incubations, the regions' figures and the plan's three indicators
 * over HTTP: who may write what, refusals that change nothing, a contract that makes an achievement transformed,
 * and each indicator's value against the figures it was computed from.
 */
class ReserveLibraryHttpTest {

    private static final String LIBRARY = "/api/v1/achievements";
    private static final String INDICATORS = "/api/v1/statistics/indicators";

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));

        // co-owned by both institutions: either's recorder may register and move it
        ok(c.post("recorder-a", LIBRARY, achievement("ACH-1", "INVENTION_PATENT", "ZL201910000001.1", "2019-04-02",
                List.of("DEMO-A", "DEMO-B"))));
        ok(c.post("recorder-b", LIBRARY + "/ACH-1/stage", body("moveId", "M-1", "stage", "OFFERED",
                "reason", "published on the platform")));
        ok(c.post("recorder-a", LIBRARY, achievement("ACH-2", "INVENTION_PATENT", "ZL202010000002.2", "2020-01-10",
                List.of("DEMO-A"))));
        ok(c.post("recorder-a", LIBRARY, achievement("ACH-3", "SOFTWARE_COPYRIGHT", "2020SR000003", "2020-02-01",
                List.of("DEMO-A"))));
        ok(c.post("admin", LIBRARY, achievement("ACH-4", "INVENTION_PATENT", "ZL202110000004.4", "2021-06-01",
                List.of("DEMO-B"))));
        // a contract names ACH-2 by its patent number: ACH-2 is transformed by rule
        Map<String, Object> deal = contract("C-1", "DEMO-A", "LICENSE");
        deal.put("signedOn", "2020-05-20");
        deal.put("achievements", List.of("ZL202010000002.2"));
        ok(c.post("recorder-a", "/api/v1/contracts", deal));

        ok(c.post("recorder-a", "/api/v1/incubations", incubation("INC-1", "91110116MA01AAAA1X", "2019-05-01", null)));
        ok(c.post("recorder-a", "/api/v1/incubations", incubation("INC-2", "91110116MA01BBBB2X", "2020-03-01", "2020-09-01")));
        ok(c.post("recorder-a", "/api/v1/incubations", incubation("INC-3", "91110116MA01CCCC3X", "2021-02-01", null)));
        ok(c.post("recorder-a", "/api/v1/incubations/INC-1/graduation", body("graduatedOn", "2021-01-10")));

        ok(c.post("admin", "/api/v1/regions/population", body("recordId", "POP-2020", "regionCode", "110116",
                "year", 2020, "population", 400_000, "source", "Huairou statistical yearbook 2021")));
        ok(c.post("admin", "/api/v1/regions/patent-stock", body("recordId", "ST-2020", "regionCode", "110116",
                "year", 2020, "inventionPatents", 1_190, "source", "Beijing IP office")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static Map<String, Object> achievement(String id, String kind, String number, String date, List<String> owners) {
        return body("achievementId", id, "kind", kind, "title", "摩擦纳米发电机 " + id, "ownerInstitutionIds", owners,
                "inventors", List.of(body("name", "Researcher P-1", "personId", "P-1"), body("name", "Guest inventor")),
                "technologyField", "nanotechnology", "number", number, "numberDate", date, "regionCode", "110116");
    }

    private static Map<String, Object> incubation(String id, String code, String entered, String graduated) {
        Map<String, Object> b = body("incubationId", id, "incubatorInstitutionId", "DEMO-A",
                "enterpriseName", "Huairou Start-up " + id, "creditCode", code, "enteredOn", entered);
        if (graduated != null) {
            b.put("graduatedOn", graduated);
        }
        return b;
    }

    @Test
    void the_library_answers_each_achievement_with_its_stage_owners_inventors_and_contracts() {
        JsonNode page = list("finance", "");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(ids(page)).containsExactly("ACH-4", "ACH-3", "ACH-2", "ACH-1");
        JsonNode one = item(page, "ACH-1");
        assertThat(one.get("stage").asText()).isEqualTo("OFFERED");
        assertThat(one.get("ownerInstitutionIds").toString()).isEqualTo("[\"DEMO-A\",\"DEMO-B\"]");
        assertThat(one.get("inventors").get(0).get("personId").asText()).isEqualTo("P-1");
        assertThat(one.get("inventors").get(1).get("personId").isNull()).isTrue();
        JsonNode two = item(page, "ACH-2");
        assertThat(two.get("stage").asText()).isEqualTo("TRANSFORMED");
        assertThat(two.get("recordedStage").asText()).isEqualTo("RESERVE");
        assertThat(two.get("contracts").toString()).isEqualTo("[\"C-1\"]");

        assertThat(ids(list("auditor", "?stage=TRANSFORMED"))).containsExactly("ACH-2");
        assertThat(ids(list("auditor", "?kind=INVENTION_PATENT&institutionId=DEMO-B"))).containsExactly("ACH-4", "ACH-1");
        JsonNode paged = list("admin", "?size=1&page=1");
        assertThat(ids(paged)).containsExactly("ACH-3");
        assertThat(paged.get("total").asLong()).isEqualTo(4);
    }

    @Test
    void a_recorder_reads_and_writes_only_within_its_institution() {
        assertThat(ids(list("recorder-b", ""))).containsExactly("ACH-4", "ACH-1");
        assertThat(c.get("recorder-b", LIBRARY + "?institutionId=DEMO-A").status()).isEqualTo(403);
        assertThat(c.post("recorder-a", LIBRARY, achievement("ACH-X", "DESIGN", "D-1", "2020-01-01", List.of("DEMO-B")))
                .status()).isEqualTo(403);
        assertThat(c.post("recorder-a", LIBRARY + "/ACH-4/stage", body("moveId", "M-X", "stage", "WITHDRAWN",
                "reason", "not ours")).status()).isEqualTo(403);
        // the institution is checked before the body, as for a contract
        assertThat(c.post("recorder-a", LIBRARY + "/ACH-4/stage", body("stage", "NONSENSE")).status()).isEqualTo(403);
        assertThat(c.post("recorder-b", "/api/v1/incubations/INC-1/graduation", body("graduatedOn", "soon")).status())
                .isEqualTo(403);
        assertThat(c.post("recorder-b", "/api/v1/incubations", incubation("INC-X", "91110116MA01XXXX9X", "2020-01-01", null))
                .status()).isEqualTo(403);
        assertThat(c.post("recorder-b", "/api/v1/incubations/INC-1/graduation", body("graduatedOn", "2021-01-10"))
                .status()).isEqualTo(403);
        for (String reader : List.of("finance", "auditor")) {
            assertThat(c.post(reader, LIBRARY, achievement("ACH-X", "DESIGN", "D-1", "2020-01-01", List.of("DEMO-A")))
                    .status()).as(reader).isEqualTo(403);
            assertThat(c.post(reader, "/api/v1/incubations", incubation("INC-X", "91110116MA01XXXX9X", "2020-01-01", null))
                    .status()).as(reader).isEqualTo(403);
            assertThat(c.get(reader, LIBRARY).status()).as(reader).isEqualTo(200);
            assertThat(c.get(reader, INDICATORS + "?year=2020").status()).as(reader).isEqualTo(200);
        }
        for (String user : List.of("recorder-a", "finance", "auditor")) {
            assertThat(c.post(user, "/api/v1/regions/population", body("recordId", "P-X", "regionCode", "110116",
                    "year", 2020, "population", 1, "source", "x")).status()).as(user).isEqualTo(403);
        }
        assertThat(c.get("recorder-a", INDICATORS + "?year=2020").status()).isEqualTo(403);
        assertThat(c.get(null, LIBRARY).status()).isEqualTo(401);
        assertThat(list("admin", "").get("total").asLong()).isEqualTo(4);
    }

    @Test
    void bad_input_answers_400_naming_the_field_and_refusals_422_with_their_code() {
        Map<String, Object> untitled = achievement("ACH-Y", "DESIGN", "D-2", "2020-01-01", List.of("DEMO-A"));
        untitled.remove("title");
        assertField(c.post("recorder-a", LIBRARY, untitled), "title");
        assertField(c.post("recorder-a", LIBRARY, achievement("ACH-Y", "DESIGN", "D-2", "2020-01-01", List.of())),
                "ownerInstitutionIds");
        assertField(c.post("recorder-a", LIBRARY + "/ACH-1/stage", body("moveId", "M-Y", "stage", "SOLD", "reason", "r")),
                "stage");
        assertField(c.post("recorder-a", "/api/v1/incubations", incubation("INC-Y", "not-a-code", "2020-01-01", null)),
                "creditCode");
        assertField(c.post("admin", "/api/v1/regions/population", body("recordId", "P-Y", "regionCode", "110116",
                "year", 2020, "population", 0, "source", "x")), "population");
        assertField(c.get("finance", INDICATORS), "year");
        assertField(c.get("finance", INDICATORS + "?year=2020&regionCode=11"), "regionCode");
        assertField(c.get("finance", LIBRARY + "?size=0"), "size");

        LedgerClient.Response again = c.post("recorder-a", LIBRARY + "/ACH-1/stage", body("moveId", "M-Z", "stage",
                "OFFERED", "reason", "again"));
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("STAGE_UNCHANGED");
        LedgerClient.Response twice = c.post("recorder-a", "/api/v1/incubations/INC-2/graduation", body("graduatedOn", "2021-01-01"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_GRADUATED");
        assertThat(c.post("admin", LIBRARY + "/NOPE/stage", body("moveId", "M", "stage", "OFFERED", "reason", "r"))
                .status()).isEqualTo(404);
        assertThat(c.post("admin", LIBRARY, achievement("ACH-Z", "DESIGN", "D-3", "2020-01-01", List.of("NOBODY")))
                .status()).isEqualTo(404);

        // nothing of the above was recorded
        assertThat(list("admin", "").get("total").asLong()).isEqualTo(4);
        assertThat(item(list("admin", ""), "ACH-1").get("stage").asText()).isEqualTo("OFFERED");
        assertThat(indicators("?year=2020").get("incubatedEnterprises").get("graduated").asLong()).isEqualTo(1);
    }

    @Test
    void the_indicators_of_2020_against_the_plans_targets_with_their_figures() {
        JsonNode answer = indicators("?year=2020&regionCode=110116");
        JsonNode incubated = answer.get("incubatedEnterprises");
        // INC-1 (entered 2019, graduated 2021) and INC-2 (entered and graduated in 2020); INC-3 came in 2021
        assertThat(incubated.get("value").asLong()).isEqualTo(2);
        assertThat(incubated.get("target").asLong()).isEqualTo(100);
        assertThat(incubated.get("percent").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(incubated.get("entered").asLong()).isEqualTo(1);
        assertThat(incubated.get("graduated").asLong()).isEqualTo(1);
        assertThat(incubated.get("incubators").get(0).get("enterprises").asLong()).isEqualTo(2);

        JsonNode patents = answer.get("inventionPatentsPer10000");
        // ACH-1 and ACH-2 (granted by 2020) + 1,190 outside, per 10,000 of 400,000 residents: 1192 / 40 = 29.80
        assertThat(patents.get("inRegistry").asLong()).isEqualTo(2);
        assertThat(patents.get("patentStock").asLong()).isEqualTo(1_190);
        assertThat(patents.get("population").asLong()).isEqualTo(400_000);
        assertThat(patents.get("value").decimalValue()).isEqualByComparingTo("29.80");
        assertThat(patents.get("target").decimalValue()).isEqualByComparingTo("30");
        assertThat(patents.get("percent").decimalValue()).isEqualByComparingTo("99.33");
        assertThat(patents.get("populationSources").get(0).asText()).isEqualTo("110116: Huairou statistical yearbook 2021");

        JsonNode amount = answer.get("technologyContractAmount");
        assertThat(amount.get("value").asText()).isEqualTo("1200000.00");
        assertThat(amount.get("target").asText()).isEqualTo("1600000000.00");
        // 0.075 %, rounded down
        assertThat(amount.get("percent").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(amount.get("contracts").asLong()).isEqualTo(1);

        // a year without targets: values, no percentages; a region without figures: no population, no value
        JsonNode later = indicators("?year=2021");
        assertThat(later.get("incubatedEnterprises").get("value").asLong()).isEqualTo(2);
        assertThat(later.get("incubatedEnterprises").get("percent").isNull()).isTrue();
        assertThat(later.get("inventionPatentsPer10000").get("inRegistry").asLong()).isEqualTo(3);
        assertThat(later.get("inventionPatentsPer10000").get("value").isNull()).isTrue();
        JsonNode elsewhere = indicators("?year=2020&regionCode=310115");
        assertThat(elsewhere.get("incubatedEnterprises").get("value").asLong()).isZero();
        assertThat(elsewhere.get("technologyContractAmount").get("value").asText()).isEqualTo("0.00");
    }

    @Test
    void the_indicators_as_csv_and_xlsx() {
        HttpResponse<byte[]> csv = c.getBytes("finance", INDICATORS + "?year=2020&position=" + lastPosition,
                "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"indicator\",\"value\",\"target\",\"percent\",\"inRegistry\",\"patentStock\",\"population\",\"contracts\"")
                .contains("\"INVENTION_PATENTS_PER_10000\",29.80,30.00,99.33,2,1190,400000,")
                .contains("\"TECHNOLOGY_CONTRACT_AMOUNT\",1200000.00,1600000000.00,0.07,,,,1");
        HttpResponse<byte[]> xlsx = c.getBytes("auditor", INDICATORS + "?year=2020&position=" + lastPosition,
                "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith('P', 'K');
    }

    @Test
    void the_librarys_regular_statistics_by_stage_institution_and_year() {
        assertThat(groups("stage")).containsExactly("OFFERED 1 0 0.00 null", "RESERVE 2 0 0.00 null",
                // the contract was signed in 2020, before the achievement entered the library: 0 days
                "TRANSFORMED 1 1 100.00 0.0");
        // ACH-1 is co-owned: it counts for both owners
        assertThat(groups("institution")).containsExactly("DEMO-A 3 1 33.33 0.0", "DEMO-B 2 0 0.00 null");
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(groups("year")).containsExactly(thisYear + " 4 1 25.00 0.0");
        assertThat(c.get("finance", "/api/v1/statistics/achievements?groupBy=year&year=" + (thisYear - 1)).json()).isEmpty();
        assertField(c.get("finance", "/api/v1/statistics/achievements?groupBy=colour"), "groupBy");
        assertThat(c.get("recorder-a", "/api/v1/statistics/achievements").status()).isEqualTo(403);
        HttpResponse<byte[]> csv = c.getBytes("auditor", "/api/v1/statistics/achievements?groupBy=kind&position=" + lastPosition,
                "Accept", "text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains("\"INVENTION_PATENT\",3,1,33.33,0.0").contains("\"SOFTWARE_COPYRIGHT\",1,0,0.00,");
    }

    private static List<String> groups(String groupBy) {
        LedgerClient.Response r = c.get("finance", "/api/v1/statistics/achievements?groupBy=" + groupBy
                + "&position=" + lastPosition);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        r.json().forEach(g -> rows.add(g.get("key").asText() + " " + g.get("achievements").asLong() + " "
                + g.get("transformed").asLong() + " " + new java.math.BigDecimal(g.get("transformedPercent").asText()).setScale(2) + " "
                + (g.get("averageDaysToTransformation").isNull() ? "null"
                : new java.math.BigDecimal(g.get("averageDaysToTransformation").asText()).setScale(1))));
        return rows;
    }

    private static void assertField(LedgerClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    private static JsonNode indicators(String query) {
        LedgerClient.Response r = c.get("finance", INDICATORS + query + "&position=" + lastPosition);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode list(String user, String query) {
        String sep = query.isEmpty() ? "?" : "&";
        LedgerClient.Response r = c.get(user, LIBRARY + query + sep + "position=" + lastPosition);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("achievementId").asText()));
        return ids;
    }

    private static JsonNode item(JsonNode page, String id) {
        for (JsonNode i : page.get("items")) {
            if (i.get("achievementId").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + id + " in " + page);
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        lastPosition = Math.max(lastPosition, answer.get("position").asLong());
        return answer;
    }
}
