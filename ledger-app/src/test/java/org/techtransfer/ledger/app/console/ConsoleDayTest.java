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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day at a technology transfer office, in a real headless Chromium, in Chinese: the recorder registers a
 * licence, records its income and a tax, sees a reward decision below the minimum refused with the rule's
 * message, decides, publicises the leader's reward and pays; the auditor verifies the digest on the page.
 */
class ConsoleDayTest {

    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        LedgerClient api = node.client();
        LedgerClient.Response institution = api.post(TestUsers.ADMIN.username(), "/api/v1/institutions", """
                {"institutionId": "DEMO-A", "name": "怀柔纳米能源研究所", "type": "RESEARCH_INSTITUTE",
                 "governmentEstablished": true, "regionCode": "110116", "policy": "BEIJING"}""");
        assertThat(institution.status()).as(institution.toString()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void a_recorder_records_a_deal_and_its_rewards_and_the_auditor_verifies_the_chain() {
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("recorder-a", TestUsers.PASSWORD);
            assertThat(browser.pageText()).contains("欢迎您，recorder-a");
            browser.screenshot("zh-home-recorder");

            browser.open("/contracts/new");
            WebElement register = browser.find(By.cssSelector("main form"));
            Browser.Fields contract = browser.in(register);
            contract.fill("contractId", "C-2026-101");
            contract.fill("registrationNumber", "2026110116000101");
            contract.fill("kind", "LICENSE");
            contract.fill("buyer.name", "雁栖湖新材料有限公司");
            contract.fill("buyer.type", "ENTERPRISE");
            contract.fill("buyer.regionCode", "110116");
            contract.fill("technologyField", "纳米技术");
            contract.fill("totalAmount", "1200000.00");
            contract.fill("technologyAmount", "1000000.00");
            contract.fill("signedOn", "2026-03-01");
            contract.fill("contributors[0].personId", "P-001");
            contract.fill("contributors[0].name", "王研究员");
            contract.fill("contributors[1].personId", "P-002");
            contract.fill("contributors[1].name", "李所长");
            contract.fill("contributors[1].leadership", "true");
            browser.screenshot("zh-register");
            browser.submit(register);
            assertThat(browser.path()).isEqualTo("/contracts/C-2026-101");
            assertThat(browser.pageText()).contains("已登记：登记技术合同", "雁栖湖新材料有限公司", "王研究员");

            record(browser, "incomes", "incomeId", "INC-1", "amount", "1000000.00", "receivedOn", "2026-03-15",
                    "category", "UPFRONT");
            record(browser, "costs", "costId", "COST-1", "amount", "100000.00", "incurredOn", "2026-03-20",
                    "category", "TAX");
            assertThat(browser.pageText()).contains("900,000.00", "630,000.00");

            // 70% of 900,000.00 is required: a decision of 600,000.00 is refused, saying what is still required
            WebElement decision = browser.form("reward-decisions");
            fill(browser, decision, "decisionId", "DEC-1", "decidedOn", "2026-04-01", "total", "600000.00",
                    "allocations[0].personId", "P-001", "allocations[0].amount", "400000.00",
                    "allocations[1].personId", "P-002", "allocations[1].amount", "200000.00");
            browser.submit(decision);
            assertThat(browser.path()).isEqualTo("/contracts/C-2026-101/reward-decisions");
            assertThat(browser.text(By.cssSelector("#form-reward-decisions .alert.error")))
                    .isEqualTo("奖励低于最低标准：尚需决定的奖励为 630,000.00，本次决定仅 600,000.00。按 BEIJING-2020，最低为净收入的 70%"
                            + "（法定最低比例为 50%，《促进科技成果转化法》第四十五条；高于部分为政策规定）。");
            browser.screenshot("zh-decision-refused");

            decision = browser.form("reward-decisions");
            fill(browser, decision, "total", "630000.00", "allocations[1].amount", "230000.00");
            browser.submit(decision);
            assertThat(browser.pageText()).contains("已登记：现金奖励决定");

            record(browser, "publicity", "noticeId", "N-1", "decisionId", "DEC-1", "from", "2026-04-02", "to", "2026-04-09");
            record(browser, "payments", "paymentId", "PAY-1", "personId", "P-001", "amount", "400000.00",
                    "paidOn", "2026-04-10", "reference", "银行转账 0001");
            record(browser, "payments", "paymentId", "PAY-2", "personId", "P-002", "amount", "230000.00",
                    "paidOn", "2026-04-12", "reference", "银行转账 0002");
            assertThat(browser.text(By.cssSelector("dl.figures"))).isNotEmpty();
            assertThat(browser.pageText()).contains("已足额兑现");
            browser.screenshot("zh-contract");
            browser.signOut();
            assertThat(browser.pageText()).contains("您已退出登录");

            browser.signIn("auditor", TestUsers.PASSWORD);
            browser.open("/audit");
            String position = browser.text(By.id("digest-position"));
            String hash = browser.text(By.id("digest-hash"));
            WebElement verify = browser.find(By.cssSelector("form[action='/audit']"));
            browser.in(verify).fill("digestPosition", position);
            browser.in(verify).fill("digestHash", hash);
            browser.submit(verify);
            assertThat(browser.text(By.id("verify-result"))).startsWith("哈希链完整").contains("位置 " + position);
            browser.screenshot("zh-audit");
        }
    }

    /** Fills a command's form on the contract page, records it, and expects it recorded. */
    private static void record(Browser browser, String form, String... namesAndValues) {
        WebElement details = browser.form(form);
        fill(browser, details, namesAndValues);
        browser.submit(details);
        assertThat(browser.find(By.cssSelector(".alert.ok")).getText()).as(form).startsWith("已登记");
    }

    private static void fill(Browser browser, WebElement form, String... namesAndValues) {
        Browser.Fields fields = browser.in(form);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.fill(namesAndValues[i], namesAndValues[i + 1]);
        }
    }
}
