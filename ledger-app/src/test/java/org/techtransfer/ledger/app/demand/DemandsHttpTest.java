package org.techtransfer.ledger.app.demand;

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
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * Enterprises' technology demands and their matches with the reserve library over HTTP: who may write and read
 * what, refusals that change nothing, a demand with its matches and outcomes, and the demands' regular statistics.
 */
class DemandsHttpTest {

    private static final String DEMANDS = "/api/v1/demands";
    private static final String STATISTICS = "/api/v1/statistics/demands";

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        ok(c.post("recorder-b", "/api/v1/achievements", achievement("ACH-B", "DEMO-B", "ZL201910000001.1")));
        ok(c.post("recorder-a", "/api/v1/achievements", achievement("ACH-A", "DEMO-A", "ZL201910000002.2")));
        ok(c.post("recorder-a", "/api/v1/achievements", achievement("ACH-GONE", "DEMO-A", "ZL201910000003.3")));
        ok(c.post("recorder-a", "/api/v1/achievements/ACH-GONE/stage", body("moveId", "M-1", "stage", "WITHDRAWN",
                "reason", "the patent lapsed")));

        // DEMO-A's connection service takes two demands in 2020 and one in 2021; DEMO-B's one in 2020
        ok(c.post("recorder-a", DEMANDS, demand("D-1", "DEMO-A", "2020-02-10", "nanotechnology")));
        ok(c.post("recorder-a", DEMANDS, demand("D-2", "DEMO-A", "2020-05-01", "new materials")));
        ok(c.post("admin", DEMANDS, demand("D-3", "DEMO-A", "2021-01-15", "nanotechnology")));
        ok(c.post("recorder-b", DEMANDS, demand("D-4", "DEMO-B", "2020-03-01", "nanotechnology")));
        // D-1 is matched with an achievement of the other institution (the library is the district's), then with both
        ok(c.post("recorder-a", DEMANDS + "/D-1/matches", body("matchId", "MA-1", "achievementIds", List.of("ACH-B"),
                "matchedOn", "2020-02-20", "note", "district fair")));
        ok(c.post("recorder-a", DEMANDS + "/D-1/outcomes", body("matchId", "MA-1", "outcome", "DECLINED",
                "concludedOn", "2020-03-01", "note", "price")));
        ok(c.post("recorder-a", DEMANDS + "/D-1/matches", body("matchId", "MA-2", "achievementIds", List.of("ACH-A", "ACH-B"),
                "matchedOn", "2020-03-10")));
        ok(c.post("recorder-a", DEMANDS + "/D-1/outcomes", body("matchId", "MA-2", "outcome", "CONTRACT_SIGNED",
                "concludedOn", "2020-04-01", "contractId", "C-1")));
        ok(c.post("recorder-a", DEMANDS + "/D-1/closure", body("closedOn", "2020-04-02", "reason", "met by C-1")));
        ok(c.post("recorder-b", DEMANDS + "/D-4/matches", body("matchId", "MA-1", "achievementIds", List.of("ACH-B"),
                "matchedOn", "2020-03-21")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static Map<String, Object> achievement(String id, String owner, String number) {
        return body("achievementId", id, "kind", "INVENTION_PATENT", "title", "成果 " + id, "ownerInstitutionIds",
                List.of(owner), "inventors", List.of(body("name", "Researcher P-1", "personId", "P-1")),
                "technologyField", "nanotechnology", "number", number, "numberDate", "2019-04-02", "regionCode", "110116");
    }

    private static Map<String, Object> demand(String id, String institution, String publishedOn, String field) {
        return body("demandId", id, "serviceInstitutionId", institution, "enterpriseName", "怀柔企业 " + id,
                "creditCode", "91110116MA01ABCD2X", "regionCode", "110116", "need", "self-powered pipeline sensors",
                "technologyField", field, "budget", "500000.00", "publishedOn", publishedOn);
    }

    @Test
    void a_demand_answers_with_its_matches_and_their_outcomes() {
        JsonNode d1 = get("finance", DEMANDS + "/D-1");
        JsonNode demand = d1.get("demand");
        assertThat(demand.get("status").asText()).isEqualTo("CLOSED");
        assertThat(demand.get("closedOn").asText()).isEqualTo("2020-04-02");
        assertThat(demand.get("budget").asText()).isEqualTo("500000.00");
        assertThat(demand.get("matches").asLong()).isEqualTo(2);
        assertThat(demand.get("contractsSigned").asLong()).isEqualTo(1);
        JsonNode matches = d1.get("matches");
        assertThat(matches.get(0).get("matchId").asText()).isEqualTo("MA-1");
        assertThat(matches.get(0).get("outcome").asText()).isEqualTo("DECLINED");
        assertThat(matches.get(0).get("outcomeNote").asText()).isEqualTo("price");
        assertThat(matches.get(1).get("achievementIds").toString()).isEqualTo("[\"ACH-A\",\"ACH-B\"]");
        assertThat(matches.get(1).get("contractId").asText()).isEqualTo("C-1");
        JsonNode d4 = get("auditor", DEMANDS + "/D-4");
        assertThat(d4.get("demand").get("status").asText()).isEqualTo("OPEN");
        assertThat(d4.get("matches").get(0).get("outcome").isNull()).isTrue();

        assertThat(ids(get("finance", DEMANDS + "?position=" + lastPosition))).containsExactly("D-3", "D-2", "D-4", "D-1");
        assertThat(ids(get("admin", DEMANDS + "?status=OPEN&institutionId=DEMO-A&position=" + lastPosition)))
                .containsExactly("D-3", "D-2");
        assertThat(ids(get("admin", DEMANDS + "?technologyField=nanotechnology&size=2&page=1&position=" + lastPosition)))
                .containsExactly("D-1");
        assertThat(c.get("finance", DEMANDS + "/NOPE").status()).isEqualTo(404);
    }

    @Test
    void recorders_write_and_read_within_their_institution_finance_and_auditors_read() {
        assertThat(ids(get("recorder-b", DEMANDS + "?position=" + lastPosition))).containsExactly("D-4");
        assertThat(c.get("recorder-b", DEMANDS + "?institutionId=DEMO-A").status()).isEqualTo(403);
        assertThat(c.get("recorder-b", DEMANDS + "/D-1?position=" + lastPosition).status()).isEqualTo(403);
        assertThat(c.post("recorder-b", DEMANDS, demand("D-X", "DEMO-A", "2020-01-01", "f")).status()).isEqualTo(403);
        // the institution is checked before the body, as for a contract
        assertThat(c.post("recorder-b", DEMANDS + "/D-2/matches", body("matchedOn", "soon")).status()).isEqualTo(403);
        assertThat(c.post("recorder-b", DEMANDS + "/D-2/outcomes", body("matchId", "MA-1", "outcome", "DECLINED",
                "concludedOn", "2020-06-01")).status()).isEqualTo(403);
        assertThat(c.post("recorder-b", DEMANDS + "/D-2/closure", body("closedOn", "2020-06-01", "reason", "r"))
                .status()).isEqualTo(403);
        for (String reader : List.of("finance", "auditor")) {
            assertThat(c.post(reader, DEMANDS, demand("D-X", "DEMO-A", "2020-01-01", "f")).status()).as(reader)
                    .isEqualTo(403);
            assertThat(c.post(reader, DEMANDS + "/D-2/closure", body("closedOn", "2020-06-01", "reason", "r")).status())
                    .as(reader).isEqualTo(403);
            assertThat(c.get(reader, DEMANDS).status()).as(reader).isEqualTo(200);
            assertThat(c.get(reader, STATISTICS).status()).as(reader).isEqualTo(200);
        }
        assertThat(c.get("recorder-a", STATISTICS).status()).isEqualTo(403);
        assertThat(c.get(null, DEMANDS).status()).isEqualTo(401);
        assertThat(get("admin", DEMANDS + "?position=" + lastPosition).get("total").asLong()).isEqualTo(4);
    }

    @Test
    void bad_input_answers_400_naming_the_field_and_refusals_422_with_their_code_changing_nothing() {
        Map<String, Object> noBudget = demand("D-Y", "DEMO-A", "2020-01-01", "f");
        noBudget.remove("budget");
        assertField(c.post("recorder-a", DEMANDS, noBudget), "budget");
        Map<String, Object> badCode = demand("D-Y", "DEMO-A", "2020-01-01", "f");
        badCode.put("creditCode", "91110116MA01ABCD2I");
        assertField(c.post("recorder-a", DEMANDS, badCode), "creditCode");
        assertField(c.post("recorder-a", DEMANDS + "/D-2/matches", body("matchId", "MA-Y", "achievementIds", List.of(),
                "matchedOn", "2020-06-01")), "achievementIds");
        assertField(c.post("recorder-a", DEMANDS + "/D-2/outcomes", body("matchId", "MA-Y", "outcome", "CONTRACT_SIGNED",
                "concludedOn", "2020-06-01")), "contractId");
        assertField(c.get("finance", DEMANDS + "?status=HALF"), "status");
        assertField(c.get("finance", STATISTICS + "?groupBy=stage"), "groupBy");

        refused(c.post("recorder-a", DEMANDS + "/D-2/matches", body("matchId", "MA-Y", "achievementIds", List.of("ACH-GONE"),
                "matchedOn", "2020-06-01")), "ACHIEVEMENT_WITHDRAWN");
        refused(c.post("recorder-a", DEMANDS + "/D-2/matches", body("matchId", "MA-Y", "achievementIds", List.of("ACH-NONE"),
                "matchedOn", "2020-06-01")), "UNKNOWN_ACHIEVEMENT");
        refused(c.post("recorder-a", DEMANDS + "/D-2/matches", body("matchId", "MA-Y", "achievementIds", List.of("ACH-A"),
                "matchedOn", "2020-04-30")), "DATE_BEFORE_DEMAND");
        refused(c.post("recorder-a", DEMANDS + "/D-1/matches", body("matchId", "MA-Y", "achievementIds", List.of("ACH-A"),
                "matchedOn", "2020-06-01")), "DEMAND_CLOSED");
        // an outcome's id is its match's: another outcome of the same match is a conflict of identity
        assertThat(c.post("recorder-a", DEMANDS + "/D-1/outcomes", body("matchId", "MA-1", "outcome", "NEGOTIATION_FAILED",
                "concludedOn", "2020-06-01")).status()).isEqualTo(409);
        refused(c.post("recorder-a", DEMANDS + "/D-2/outcomes", body("matchId", "MA-9", "outcome", "DECLINED",
                "concludedOn", "2020-06-01")), "UNKNOWN_MATCH");
        refused(c.post("recorder-b", DEMANDS + "/D-4/outcomes", body("matchId", "MA-1", "outcome", "DECLINED",
                "concludedOn", "2020-03-20")), "DATE_BEFORE_MATCH");
        assertThat(c.post("recorder-a", DEMANDS + "/D-1/closure", body("closedOn", "2020-06-01", "reason", "again"))
                .status()).isEqualTo(409);
        assertThat(c.post("admin", DEMANDS + "/NOPE/closure", body("closedOn", "2020-06-01", "reason", "r")).status())
                .isEqualTo(404);
        assertThat(c.post("admin", DEMANDS, demand("D-Z", "NOBODY", "2020-01-01", "f")).status()).isEqualTo(404);

        // nothing of the above was recorded
        assertThat(get("admin", DEMANDS + "?position=" + lastPosition).get("total").asLong()).isEqualTo(4);
        assertThat(get("admin", DEMANDS + "/D-2").get("matches")).isEmpty();
        assertThat(get("admin", DEMANDS + "/D-4").get("matches").get(0).get("outcome").isNull()).isTrue();
    }

    @Test
    void the_demands_matched_per_year_and_quarter_and_as_csv() {
        // 2020: D-1 (matched after 10 days, contract signed), D-2 (not matched), D-4 (matched after 20 days)
        assertThat(groups("year")).containsExactly("2020 3 2 66.66 1 15.0", "2021 1 0 0.00 0 null");
        assertThat(groups("quarter")).containsExactly("2020-Q1 2 2 100.00 1 15.0", "2020-Q2 1 0 0.00 0 null",
                "2021-Q1 1 0 0.00 0 null");
        assertThat(groups("institution&year=2020")).containsExactly("DEMO-A 2 1 50.00 1 10.0", "DEMO-B 1 1 100.00 0 20.0");
        assertThat(groups("field")).containsExactly("nanotechnology 3 2 66.66 1 15.0", "new materials 1 0 0.00 0 null");
        HttpResponse<byte[]> csv = c.getBytes("auditor", STATISTICS + "?groupBy=year&position=" + lastPosition,
                "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains("\"year\",\"demands\",\"matched\",\"matchedPercent\",\"contracted\",\"averageDaysToFirstMatch\"")
                .contains("\"2020\",3,2,66.66,1,15.0");
        HttpResponse<byte[]> xlsx = c.getBytes("finance", STATISTICS + "?position=" + lastPosition,
                "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith('P', 'K');
    }

    private static List<String> groups(String groupBy) {
        JsonNode answer = get("finance", STATISTICS + "?groupBy=" + groupBy + "&position=" + lastPosition);
        List<String> rows = new ArrayList<>();
        answer.forEach(g -> rows.add(g.get("key").asText() + " " + g.get("demands").asLong() + " "
                + g.get("matched").asLong() + " " + new java.math.BigDecimal(g.get("matchedPercent").asText()).setScale(2)
                + " " + g.get("contracted").asLong() + " " + (g.get("averageDaysToFirstMatch").isNull() ? "null"
                : new java.math.BigDecimal(g.get("averageDaysToFirstMatch").asText()).setScale(1))));
        return rows;
    }

    private static void refused(LedgerClient.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    private static void assertField(LedgerClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    private static JsonNode get(String user, String path) {
        String sep = path.contains("?") ? "&" : "?";
        LedgerClient.Response r = c.get(user, path.contains("position=") ? path : path + sep + "position=" + lastPosition);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("demandId").asText()));
        return ids;
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        lastPosition = Math.max(lastPosition, answer.get("position").asLong());
        return answer;
    }
}
