package org.techtransfer.ledger.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * {@code GET /contracts}: the contract catalogue, newest signing date first, its filters and pages, the reward
 * status on today's date as {@code GET /contracts/{id}} gives it, and a recorder held to its own institution.
 */
class ContractCatalogHttpTest {

    private static final String LIST = "/api/v1/contracts";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static LedgerNode node;
    private static LedgerClient c;
    private static long lastPosition = -1;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        LocalDate today = LocalDate.now(ZONE);
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));

        // paid in full → COMPLIANT
        register("recorder-a", "A-1", "DEMO-A", "LICENSE", "2024-05-01", "Huairou Nano Materials Co.", "nanotechnology", "张伟");
        ok(c.post("recorder-a", "/api/v1/contracts/A-1/incomes", income("I-1", "1000.00", "2024-06-01")));
        ok(c.post("recorder-a", "/api/v1/contracts/A-1/reward-decisions", body("decisionId", "D-1", "decidedOn",
                "2024-06-10", "total", "700.00", "allocations", List.of(body("personId", "P-1", "amount", "700.00")))));
        ok(c.post("recorder-a", "/api/v1/contracts/A-1/payments", body("paymentId", "PAY-1", "personId", "P-1",
                "amount", "700.00", "paidOn", "2024-06-20", "reference", "bank")));
        // received 36 months ago today, so due today: still OUTSTANDING; amended and terminated
        register("recorder-a", "A-2", "DEMO-A", "ASSIGNMENT", "2023-01-15", "Beijing Photonics Ltd.", "photonics", "李娜");
        ok(c.post("recorder-a", "/api/v1/contracts/A-2/incomes", income("I-1", "500.00", today.minusMonths(36).toString())));
        ok(c.post("recorder-a", "/api/v1/contracts/A-2/amendments", body("amendmentId", "AM-1", "totalAmount", "2000000.00",
                "technologyAmount", "1500000.00", "reason", "supplement")));
        ok(c.post("recorder-a", "/api/v1/contracts/A-2/termination", body("terminatedOn", "2024-01-31", "reason", "ended")));
        // received a day earlier, so due yesterday: OVERDUE
        register("recorder-a", "A-3", "DEMO-A", "LICENSE", "2023-01-15", "Shenzhen Battery Co.", "batteries", "王芳");
        ok(c.post("recorder-a", "/api/v1/contracts/A-3/incomes", income("I-1", "800.00", today.minusMonths(36).minusDays(1).toString())));
        // no law's floor → NOTHING_DUE
        register("recorder-a", "A-4", "DEMO-A", "DEVELOPMENT", "2025-02-01", "Tianjin Robotics", "robotics", "赵磊");
        // B-1, B-2: the other institution
        register("recorder-b", "B-1", "DEMO-B", "LICENSE", "2024-05-01", "Shanghai Bio Pharma", "biomedicine", "Wang Lei");
        ok(c.post("recorder-b", "/api/v1/contracts/B-1/incomes", income("I-1", "999.99", "2026-01-10")));
        register("recorder-b", "B-2", "DEMO-B", "CONSULTING", "2025-07-07", "Huairou Science City", "materials", "Chen Jing");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void every_contract_newest_first_with_the_figures_and_status_of_the_contract_itself() {
        JsonNode page = list("admin", "");
        assertThat(ids(page)).containsExactly("B-2", "A-4", "A-1", "B-1", "A-2", "A-3");
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);

        for (JsonNode item : page.get("items")) {
            String id = item.get("contractId").asText();
            JsonNode contract = c.get("admin", LIST + "/" + id).json();
            assertThat(item.get("registrationNumber").asText()).isEqualTo(contract.get("registrationNumber").asText());
            assertThat(item.get("institutionId").asText()).isEqualTo(contract.get("sellerInstitutionId").asText());
            assertThat(item.get("kind").asText()).isEqualTo(contract.get("kind").asText());
            assertThat(item.get("buyerName").asText()).isEqualTo(contract.get("buyer").get("name").asText());
            assertThat(item.get("technologyField").asText()).isEqualTo(contract.get("technologyField").asText());
            assertThat(item.get("signedOn").asText()).isEqualTo(contract.get("signedOn").asText());
            assertThat(item.get("terminated").asBoolean()).isEqualTo(contract.get("terminated").asBoolean());
            for (String field : List.of("totalAmount", "technologyAmount", "netIncome", "requiredReward",
                    "rewardDecided", "rewardPaid", "outstanding")) {
                assertThat(item.get(field).asText()).as(id + " " + field).isEqualTo(contract.get(field).asText());
            }
            // the status chosen in SQL is the one RewardStatus.of gives the contract on the same day
            assertThat(item.get("status").asText()).as(id).isEqualTo(contract.get("rewardStatus").asText());
            assertThat(text(item, "dueBy")).as(id).isEqualTo(text(contract, "dueBy"));
        }
        Map<String, String> statuses = new java.util.HashMap<>();
        page.get("items").forEach(i -> statuses.put(i.get("contractId").asText(), i.get("status").asText()));
        assertThat(statuses).containsEntry("A-1", "COMPLIANT").containsEntry("A-2", "OUTSTANDING")
                .containsEntry("A-3", "OVERDUE").containsEntry("A-4", "NOTHING_DUE").containsEntry("B-1", "OUTSTANDING");
        JsonNode a2 = item(page, "A-2");
        assertThat(a2.get("totalAmount").asText()).isEqualTo("2000000.00");
        assertThat(a2.get("terminated").asBoolean()).isTrue();
    }

    @Test
    void the_filters_select_and_combine() {
        assertThat(ids(list("finance", "&institutionId=DEMO-B"))).containsExactly("B-2", "B-1");
        assertThat(ids(list("finance", "&kind=LICENSE"))).containsExactly("A-1", "B-1", "A-3");
        assertThat(ids(list("finance", "&year=2024"))).containsExactly("A-1", "B-1");
        assertThat(ids(list("finance", "&year=2023&kind=LICENSE"))).containsExactly("A-3");
        assertThat(ids(list("finance", "&status=OVERDUE"))).containsExactly("A-3");
        assertThat(ids(list("finance", "&status=OUTSTANDING"))).containsExactly("B-1", "A-2");
        assertThat(ids(list("finance", "&status=NOTHING_DUE"))).containsExactly("B-2", "A-4");
        assertThat(ids(list("finance", "&status=OUTSTANDING&institutionId=DEMO-A"))).containsExactly("A-2");
        assertThat(list("finance", "&year=2019").get("total").asLong()).isZero();

        // q: any case, a part of the id, registration number, buyer, field, a contributor's name or person id
        assertThat(ids(list("auditor", "&q=huairou"))).containsExactly("B-2", "A-1");
        assertThat(ids(list("auditor", "&q=REG-A-"))).containsExactly("A-4", "A-1", "A-2", "A-3");
        assertThat(ids(list("auditor", "&q=b-1"))).containsExactly("B-1");
        assertThat(ids(list("auditor", "&q=PHOTON"))).containsExactly("A-2");
        assertThat(ids(list("auditor", "&q=" + enc("张伟")))).containsExactly("A-1");
        assertThat(ids(list("auditor", "&q=wang%20lei"))).containsExactly("B-1");
        assertThat(ids(list("auditor", "&q=p-9"))).containsExactly("B-2", "A-4", "A-1", "B-1", "A-2", "A-3");
        assertThat(ids(list("auditor", "&q=" + enc("李娜") + "&status=OVERDUE"))).isEmpty();
        // a match never spans two fields: the buyer's last letters with the field's first
        assertThat(ids(list("auditor", "&q=" + enc("co.nano")))).isEmpty();
        // an empty field of a form is no condition
        assertThat(list("auditor", "&q=&institutionId=").get("total").asLong()).isEqualTo(6);
    }

    @Test
    void pages_cover_the_list_once_in_order() {
        List<String> all = ids(list("admin", ""));
        List<String> paged = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            JsonNode page = list("admin", "&size=2&page=" + p);
            assertThat(page.get("total").asLong()).isEqualTo(6);
            assertThat(page.get("size").asInt()).isEqualTo(2);
            assertThat(page.get("page").asInt()).isEqualTo(p);
            assertThat(page.get("items")).hasSize(2);
            paged.addAll(ids(page));
        }
        assertThat(paged).isEqualTo(all);
        JsonNode past = list("admin", "&size=2&page=3");
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(6);
        assertThat(list("admin", "&size=200").get("items")).hasSize(6);
    }

    @Test
    void a_recorder_sees_its_own_institution_only() {
        assertThat(ids(list("recorder-b", ""))).containsExactly("B-2", "B-1");
        assertThat(ids(list("recorder-b", "&institutionId=DEMO-B"))).containsExactly("B-2", "B-1");
        assertThat(ids(list("recorder-b", "&q=huairou"))).containsExactly("B-2");
        assertThat(ids(list("recorder-a", ""))).containsExactly("A-4", "A-1", "A-2", "A-3");
        LedgerClient.Response other = c.get("recorder-b", LIST + "?institutionId=DEMO-A");
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(other.json().get("type").asText()).isEqualTo("urn:ledger:problem:forbidden");
        for (String user : List.of("admin", "auditor", "finance")) {
            assertThat(list(user, "").get("total").asLong()).as(user).isEqualTo(6);
        }
        assertThat(c.get(null, LIST).status()).isEqualTo(401);
    }

    @Test
    void bad_parameters_are_400_naming_the_parameter() {
        Map<String, String> bad = Map.of("page=-1", "page", "size=0", "size", "size=201", "size", "year=abc", "year",
                "year=0", "year", "status=LATE", "status", "kind=PATENT", "kind", "q=a%01b", "q", "page=x", "page");
        bad.forEach((query, field) -> {
            LedgerClient.Response r = c.get("finance", LIST + "?" + query);
            assertThat(r.status()).as(query + " " + r).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(query).isEqualTo(field);
        });
        assertThat(list("finance", "").get("total").asLong()).isEqualTo(6);
    }

    // ---- helpers ----

    private static void register(String recorder, String id, String seller, String kind, String signedOn, String buyer,
                                 String field, String principalName) {
        Map<String, Object> registration = contract(id, seller, kind);
        registration.put("signedOn", signedOn);
        registration.put("buyer", body("name", buyer, "type", "ENTERPRISE", "regionCode", "110116"));
        registration.put("technologyField", field);
        registration.put("contributors", List.of(body("personId", "P-1", "name", principalName, "principal", true,
                "leadership", false), body("personId", "P-9", "name", "Researcher " + id, "principal", false, "leadership", false)));
        ok(c.post(recorder, "/api/v1/contracts", registration));
    }

    private static JsonNode list(String user, String query) {
        LedgerClient.Response response = c.get(user, LIST + "?position=" + lastPosition + query);
        assertThat(response.status()).as(query + " " + response).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("contractId").asText()));
        return ids;
    }

    private static JsonNode item(JsonNode page, String id) {
        for (JsonNode i : page.get("items")) {
            if (i.get("contractId").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + id);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        lastPosition = Math.max(lastPosition, response.json().get("position").asLong());
    }
}
