package org.techtransfer.ledger.app.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * Issue 23 in the console: a recorder records a deal notice and an administrator the approval policy on the
 * institution's page, an approver answers from the list of decisions waiting for it, the contract shows the
 * answers, and the annual report prints; in Chinese and in English.
 */
class ProcessPagesTest {

    private static LedgerNode node;
    private static LedgerClient c;
    private static long position;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        c = node.client();
        ok(c.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_notice_a_policy_an_approval_and_the_annual_report() {
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("recorder-a", TestUsers.PASSWORD);
            browser.open("/institutions/DEMO-A/process");
            assertThat(browser.pageText()).contains("DEMO-A 的内部程序", "未设审批规则");
            WebElement notice = browser.form("deal-notices");
            Browser.Fields fields = browser.in(notice);
            fields.fill("noticeId", "DN-1");
            fields.fill("achievement", "纳米发电机专利");
            fields.fill("proposedPrice", "1000000.00");
            fields.fill("from", "2026-02-01");
            fields.fill("to", "2026-02-20");
            browser.submit(notice);
            assertThat(browser.pageText()).contains("成交公示", "已登记");
        }
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.signIn("admin", TestUsers.PASSWORD);
            browser.open("/institutions/DEMO-A/process");
            WebElement policy = browser.form("approval-policy");
            Browser.Fields fields = browser.in(policy);
            fields.fill("policyId", "AP-1");
            fields.fill("effectiveFrom", "2026-01-01");
            fields.fill("steps[0].level", "RESEARCH_OFFICE");
            fields.fill("steps[0].from", "0.01");
            browser.submit(policy);
            assertThat(browser.pageText()).contains("Policy AP-1, in force from 2026-01-01", "Research office");
        }

        java.util.Map<String, Object> deal = contract("C-1", "DEMO-A", "LICENSE");
        deal.put("pricing", "AGREEMENT");
        deal.put("dealNoticeId", "DN-1");
        ok(c.post("recorder-a", "/api/v1/contracts", deal));
        ok(c.post("recorder-a", "/api/v1/contracts/C-1/reward-decisions", body("decisionId", "D-1",
                "decidedOn", "2026-03-12", "total", "700.00", "allocations", List.of(
                        body("personId", "P-1", "amount", "400.00"), body("personId", "P-2", "amount", "300.00")))));
        assertThat(c.get("finance", "/api/v1/rewards/obligations?position=" + position).status()).isEqualTo(200);

        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("approver-office", TestUsers.PASSWORD);
            browser.open("/approvals");
            assertThat(browser.pageText()).contains("待我审批的奖励决定", "奖励决定 D-1", "现金奖励 700.00");
            WebElement answer = browser.element(org.openqa.selenium.By.cssSelector("form.filters"));
            browser.in(answer).fill("note", "同意");
            browser.submit(answer);
            assertThat(browser.pageText()).contains("暂无待审批事项");
            browser.open("/contracts/C-1");
            assertThat(browser.pageText()).contains("协议定价", "已批准", "approver-office", "合同成交额与公示的拟交易价格不一致");
            assertThat(browser.pageText()).containsPattern("审批意见 \\d{4}-\\d{2}-\\d{2} \\d{4}-"); // its business date, then when it was recorded
            browser.screenshot("zh-approvals");
        }
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.signIn("finance", TestUsers.PASSWORD);
            browser.open("/reports/annual?institutionId=DEMO-A&year=2026");
            assertThat(browser.pageText()).contains("Annual report of DEMO-A on the transformation of its achievements, 2026",
                    "Licence", "1,200,000.00", "700.00");
        }
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        position = Math.max(position, response.json().get("position").asLong());
    }
}
