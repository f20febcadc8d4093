package org.techtransfer.ledger.app.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/** The console's page of the plan's three indicators, in Chinese and in English, with the API's figures. */
class IndicatorsPageTest {

    private static LedgerNode node;
    private static long position;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        LedgerClient c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/achievements", body("achievementId", "ACH-1", "kind", "INVENTION_PATENT",
                "title", "纳米发电机", "ownerInstitutionIds", List.of("DEMO-A"), "inventors", List.of(body("name", "王研究员")),
                "technologyField", "nanotechnology", "number", "ZL1", "numberDate", "2019-01-01", "regionCode", "110116")));
        ok(c.post("recorder-a", "/api/v1/incubations", body("incubationId", "INC-1", "incubatorInstitutionId", "DEMO-A",
                "enterpriseName", "怀柔纳米科技有限公司", "creditCode", "91110116MA01AAAA1X", "enteredOn", "2020-02-01")));
        ok(c.post("admin", "/api/v1/regions/population", body("recordId", "POP", "regionCode", "110116", "year", 2020,
                "population", 10_000, "source", "怀柔区统计年鉴")));
        ok(c.post("admin", "/api/v1/regions/patent-stock", body("recordId", "ST", "regionCode", "110116", "year", 2020,
                "inventionPatents", 29, "source", "北京市知识产权局")));
        Map<String, Object> deal = contract("C-1", "DEMO-A", "LICENSE");
        deal.put("signedOn", "2020-05-20");
        ok(c.post("recorder-a", "/api/v1/contracts", deal));
        // the page reads the read models as they are: wait until the API's answer includes the last command
        assertThat(c.get("finance", "/api/v1/statistics/indicators?year=2020&position=" + position).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_finance_officer_reads_the_indicators_in_chinese_and_in_english() {
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("finance", TestUsers.PASSWORD);
            browser.open("/statistics");
            assertThat(browser.pageText()).contains("规划三项指标");
            browser.open("/statistics/indicators?year=2020&regionCode=110116");
            assertThat(browser.pageText()).contains("规划指标", "孵化企业数", "每万人发明专利拥有量", "怀柔区统计年鉴");
            // 1 in the library + 29 outside it, per 10,000 of 10,000 residents: 30.00, the plan's target
            assertThat(browser.text(By.id("patents"))).contains("30.00", "100.00");
            assertThat(browser.text(By.id("incubated"))).contains("1", "100", "1.00");
            assertThat(browser.text(By.id("amount"))).contains("1,200,000.00", "1,600,000,000.00", "0.07");
            browser.screenshot("zh-indicators");
            browser.open("/statistics/indicators?year=2020&regionCode=11");
            assertThat(browser.pageText()).contains("regionCode");
        }
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.signIn("auditor", TestUsers.PASSWORD);
            browser.open("/statistics/indicators?year=2020");
            assertThat(browser.pageText()).contains("The plan's indicators", "Invention patents per 10,000 persons",
                    "Enterprises incubated");
            assertThat(browser.text(By.id("patents"))).contains("30.00");
        }
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        position = Math.max(position, response.json().get("position").asLong());
    }
}
