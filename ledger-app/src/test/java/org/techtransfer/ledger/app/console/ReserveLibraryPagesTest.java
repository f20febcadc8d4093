package org.techtransfer.ledger.app.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * The console's reserve library, technology demands and incubated enterprises: a recorder registers an achievement
 * and moves it, records a demand, its match, the outcome and the closing, an incubation and its graduation, through
 * the forms, in Chinese; an auditor reads every page in English; a finance officer reads the library's and the
 * demands' regular statistics.
 */
class ReserveLibraryPagesTest {

    private static LedgerNode node;

    @BeforeAll
    static void recordScenario() {
        node = LedgerNode.start(TestDatabase.fresh());
        LedgerClient c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        ok(c.post("recorder-b", "/api/v1/achievements", body("achievementId", "ACH-B", "kind", "SOFTWARE_COPYRIGHT",
                "title", "纳米材料表征软件", "ownerInstitutionIds", List.of("DEMO-B"),
                "inventors", List.of(body("name", "李工程师")), "technologyField", "新材料", "number", "2019SR0000001",
                "numberDate", "2019-06-01", "regionCode", "110116")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_recorder_runs_the_library_through_the_forms_and_an_auditor_reads_it_in_english() {
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("recorder-a", TestUsers.PASSWORD);
            browser.open("/achievements/new");
            WebElement form = browser.find(By.cssSelector("main form"));
            Browser.Fields in = browser.in(form);
            in.fill("achievementId", "ACH-1");
            in.fill("kind", "INVENTION_PATENT");
            in.fill("title", "摩擦纳米发电机");
            in.fill("technologyField", "纳米能源");
            in.fill("number", "ZL201910000001.1");
            in.fill("numberDate", "2019-04-02");
            in.fill("regionCode", "110116");
            in.fill("inventors[0].name", "王研究员");
            in.fill("inventors[0].personId", "P-001");
            browser.submit(form);
            assertThat(browser.path()).startsWith("/achievements/ACH-1");
            assertThat(browser.pageText()).contains("成果入库登记", "摩擦纳米发电机", "储备", "DEMO-A", "王研究员");

            WebElement move = browser.form("stage");
            browser.in(move).fill("moveId", "M-1");
            browser.in(move).fill("stage", "OFFERED");
            browser.in(move).fill("reason", "在区科技成果转化平台发布");
            browser.submit(move);
            assertThat(browser.pageText()).contains("已发布", "在区科技成果转化平台发布");

            browser.open("/achievements");
            // a recorder sees its own institution's achievements only
            assertThat(browser.pageText()).contains("ACH-1", "发明专利", "共 1 项成果").doesNotContain("ACH-B");
            browser.screenshot("zh-library");

            browser.open("/demands/new");
            WebElement demand = browser.find(By.cssSelector("main form"));
            Browser.Fields d = browser.in(demand);
            d.fill("demandId", "D-1");
            d.fill("enterpriseName", "雁栖湖材料有限公司");
            d.fill("creditCode", "not-a-code");
            d.fill("regionCode", "110116");
            d.fill("need", "管道监测用自供能传感器");
            d.fill("technologyField", "纳米能源");
            d.fill("budget", "500000");
            d.fill("publishedOn", "2020-03-01");
            browser.submit(demand);
            // refused beside its field, nothing recorded, the other fields kept
            assertThat(browser.text(By.id("record-creditCode-error"))).isNotBlank();
            browser.screenshot("zh-demand-refused");
            demand = browser.find(By.cssSelector("main form"));
            browser.in(demand).fill("creditCode", "91110116MA01ABCD2X");
            browser.submit(demand);
            assertThat(browser.path()).startsWith("/demands/D-1");
            assertThat(browser.pageText()).contains("雁栖湖材料有限公司", "500,000.00", "对接中");

            WebElement match = browser.form("matches");
            browser.in(match).fill("matchId", "MA-1");
            browser.in(match).fill("achievementIds", "ACH-1\nACH-B");
            browser.in(match).fill("matchedOn", "2020-03-10");
            browser.in(match).fill("note", "区成果对接会");
            browser.submit(match);
            assertThat(browser.pageText()).contains("MA-1", "ACH-B", "待定");

            WebElement outcome = browser.form("outcomes");
            browser.in(outcome).fill("matchId", "MA-1");
            browser.in(outcome).fill("outcome", "CONTRACT_SIGNED");
            browser.in(outcome).fill("concludedOn", "2020-02-01");
            browser.in(outcome).fill("contractId", "C-1");
            browser.submit(outcome);
            // a rule's refusal says why in Chinese, with the dates
            assertThat(browser.pageText()).contains("2020-02-01", "2020-03-10");
            outcome = browser.form("outcomes");
            browser.in(outcome).fill("concludedOn", "2020-04-01");
            browser.submit(outcome);
            assertThat(browser.pageText()).contains("已签订技术合同", "C-1");

            WebElement closure = browser.form("closure");
            browser.in(closure).fill("closedOn", "2020-04-02");
            browser.in(closure).fill("reason", "需求已通过技术合同 C-1 满足");
            browser.submit(closure);
            assertThat(browser.pageText()).contains("已关闭", "需求已通过技术合同 C-1 满足");
            assertThat(browser.find(By.tagName("main")).findElements(By.id("form-matches"))).isEmpty();
            browser.screenshot("zh-demand");

            browser.open("/incubations/new");
            WebElement incubation = browser.find(By.cssSelector("main form"));
            Browser.Fields i = browser.in(incubation);
            i.fill("incubationId", "INC-1");
            i.fill("enterpriseName", "怀柔纳米科技有限公司");
            i.fill("creditCode", "91110116MA01AAAA1X");
            i.fill("enteredOn", "2020-01-05");
            browser.submit(incubation);
            assertThat(browser.path()).startsWith("/incubations");
            assertThat(browser.pageText()).contains("怀柔纳米科技有限公司", "在孵");
            WebElement graduation = browser.form("graduation");
            browser.in(graduation).fill("incubationId", "INC-1");
            browser.in(graduation).fill("graduatedOn", "2021-01-05");
            browser.submit(graduation);
            assertThat(browser.pageText()).contains("2021-01-05").doesNotContain("在孵");
            browser.screenshot("zh-incubations");

            browser.open("/achievements/ACH-1");
            assertThat(browser.pageText()).contains("D-1", "雁栖湖材料有限公司", "已签订技术合同");
            browser.screenshot("zh-achievement");
        }
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.signIn("auditor", TestUsers.PASSWORD);
            browser.open("/achievements");
            assertThat(browser.pageText()).contains("Reserve library of achievements", "ACH-1", "ACH-B", "Offered");
            browser.screenshot("en-library");
            browser.open("/achievements/ACH-1");
            assertThat(browser.pageText()).contains("Invention patent", "Matches with enterprises' demands", "Contract signed");
            assertThat(browser.find(By.tagName("main")).findElements(By.id("form-stage"))).isEmpty();
            browser.screenshot("en-achievement");
            browser.open("/demands");
            assertThat(browser.pageText()).contains("Enterprises' technology demands", "D-1", "Closed", "1 signed");
            browser.screenshot("en-demands");
            browser.open("/demands/D-1");
            assertThat(browser.pageText()).contains("Demand of", "MA-1", "Contract signed");
            assertThat(browser.find(By.tagName("main")).findElements(By.cssSelector("details.form"))).isEmpty();
            browser.screenshot("en-demand");
            browser.open("/incubations");
            assertThat(browser.pageText()).contains("Incubated enterprises", "INC-1", "2021-01-05");
            browser.screenshot("en-incubations");
            browser.open("/statistics/library?demandsBy=QUARTER");
            // D-1, published on 1 March 2020, matched on the 10th and ended in a signed contract
            assertThat(browser.text(By.id("demand-statistics"))).contains("2020-Q1 1 1 100.00 1 9.0");
            assertThat(browser.text(By.id("achievement-statistics"))).contains("2 0 0.00 —");
            browser.screenshot("en-library-statistics");
        }
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("finance", TestUsers.PASSWORD);
            browser.open("/statistics");
            browser.find(By.linkText("成果储备库与企业技术需求统计")).click();
            browser.waitForPath("/statistics/library");
            browser.open("/statistics/library?groupBy=STAGE&year=2020");
            assertThat(browser.text(By.id("demand-statistics"))).contains("2020 1 1 100.00 1 9.0");
            browser.open("/statistics/library?groupBy=KIND");
            assertThat(browser.text(By.id("achievement-statistics"))).contains("发明专利", "计算机软件著作权");
            browser.screenshot("zh-library-statistics");
        }
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
