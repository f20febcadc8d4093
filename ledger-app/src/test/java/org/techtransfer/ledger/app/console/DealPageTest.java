package org.techtransfer.ledger.app.console;

import com.fasterxml.jackson.databind.JsonNode;
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
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.income;
import static org.techtransfer.ledger.app.support.Deals.institution;

/**
 * Issue 15 in the console: a recorder sets a contract's co-owners and payment terms and records a sales report
 * through the contract page's forms, in Chinese; the page shows the receivables, the sales reports and the
 * co-owners' shares, in Chinese and in English.
 */
class DealPageTest {

    private static LedgerNode node;
    private static LedgerClient client;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        client = node.client();
        ok(client.post("admin", "/api/v1/institutions", institution("DEMO-A", "BEIJING")));
        ok(client.post("admin", "/api/v1/institutions", institution("DEMO-B", "NATIONAL")));
        ok(client.post("recorder-a", "/api/v1/contracts", contract("C-DEAL", "DEMO-A", "LICENSE")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_recorder_records_what_the_deal_promises_and_reads_its_receivables() {
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("recorder-a", TestUsers.PASSWORD);
            browser.open("/contracts/C-DEAL");
            assertThat(browser.pageText()).contains("应收款项", "尚未登记付款条款");

            record(browser, "co-owners", "coOwnershipId", "CO-1", "owners[0].institutionId", "DEMO-A",
                    "owners[0].share", "0.6", "owners[1].institutionId", "DEMO-B", "owners[1].share", "0.4");
            record(browser, "payment-terms", "termsId", "T-1",
                    "instalments[0].instalmentId", "I-1", "instalments[0].kind", "FIXED",
                    "instalments[0].amount", "400000.00", "instalments[0].dueOn", "2026-04-01",
                    "instalments[1].instalmentId", "M-1", "instalments[1].kind", "MILESTONE",
                    "instalments[1].amount", "800000.00", "instalments[1].milestone", "产品注册获批",
                    "royalty.rate", "0.05", "royalty.firstYear", "2026", "royalty.lastYear", "2026",
                    "royalty.paymentDays", "30");

            // a period the licensee has not finished is refused, naming the rule in Chinese
            WebElement report = browser.form("sales-reports");
            fill(browser, report, "reportId", "S-1", "periodFrom", "2099-01-01", "periodTo", "2099-03-31",
                    "netSales", "100000.00");
            browser.submit(report);
            assertThat(browser.text(By.cssSelector("#form-sales-reports .alert.error"))).contains("晚于今天");
            report = browser.form("sales-reports");
            fill(browser, report, "periodFrom", "2026-04-01", "periodTo", "2026-06-30");
            browser.submit(report);
            assertThat(browser.pageText()).contains("已登记");

            ok(client.post("recorder-a", "/api/v1/contracts/C-DEAL/incomes", income("IN-1", "100000.00", "2026-03-15")));
            browser.open("/contracts/C-DEAL");
            // expected 1,200,000.00 + 5,000.00 royalty; I-1's 300,000.00 and the royalty's 5,000.00 overdue
            assertThat(browser.pageText()).contains("销售报告", "成果共有人", "逾期", "预计奖励", "待里程碑达成",
                    "1,205,000.00", "305,000.00", "产品注册获批", "NATIONAL-2015");
            browser.screenshot("zh-contract-receivables");
        }
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.signIn("finance", TestUsers.PASSWORD);
            browser.open("/contracts/C-DEAL");
            assertThat(browser.pageText()).contains("Receivables", "Sales reports", "Co-owners", "Forecast reward",
                    "Awaiting its event").doesNotContain("??");
            // the seller's row is its 60% share (net 60,000.00, 70%: 42,000.00); the national co-owner's 40%
            // (50%: 20,000.00) is listed apart, as its own obligation
            browser.open("/obligations");
            assertThat(browser.pageText()).contains("As co-owner of contracts other institutions sold", "60,000.00",
                    "42,000.00", "40,000.00", "20,000.00").doesNotContain("70,000.00").doesNotContain("??");
        }
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("recorder-a", TestUsers.PASSWORD);
            browser.open("/contracts/C-DEAL");
            // the milestone's event happened: recorded beside the terms, M-1 is due that day, and overdue
            WebElement milestone = browser.form("milestones");
            fill(browser, milestone, "reachedId", "MR-1", "instalmentId", "M-1", "reachedOn", "2099-05-10");
            browser.submit(milestone);
            assertThat(browser.text(By.cssSelector("#form-milestones .alert.error"))).contains("晚于今天");
            record(browser, "milestones", "reachedOn", "2026-05-10", "note", "注册证已核发");
            assertThat(browser.pageText()).contains("里程碑已达成", "2026-05-10", "1,105,000.00")
                    .doesNotContain("待里程碑达成");
        }
    }

    /** The national co-owner's 40% of 100,000.00 owes 50% under its own policy: 20,000.00, decided and paid by it. */
    @Test
    void a_co_owner_s_recorder_records_its_own_reward_on_its_share() {
        ok(client.post("recorder-a", "/api/v1/contracts", contract("C-CO2", "DEMO-A", "LICENSE")));
        ok(client.post("recorder-a", "/api/v1/contracts/C-CO2/co-owners", body("coOwnershipId", "CO-1", "owners",
                List.of(body("institutionId", "DEMO-A", "share", 0.6), body("institutionId", "DEMO-B", "share", 0.4)))));
        ok(client.post("recorder-a", "/api/v1/contracts/C-CO2/incomes", income("IN-1", "100000.00", "2026-03-15")));
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("recorder-b", TestUsers.PASSWORD);
            browser.open("/contracts/C-CO2/co-owners/DEMO-B");
            assertThat(browser.pageText()).contains("成果共有人", "NATIONAL-2015", "20,000.00", "登记本单位奖励");
            record(browser, "reward-decisions", "decisionId", "D-B", "decidedOn", "2026-04-01", "total", "20000.00",
                    "allocations[0].personId", "P-1", "allocations[0].amount", "20000.00");
            record(browser, "payments", "paymentId", "P-B", "personId", "P-1", "amount", "20000.00",
                    "paidOn", "2026-04-02", "reference", "工资发放");
            assertThat(browser.pageText()).contains("已足额兑现");
            browser.screenshot("zh-contract-co-owner");
        }
        JsonNode owners = client.get("auditor", "/api/v1/contracts/C-CO2/co-owners").json().path("coOwners");
        assertThat(owners.findValuesAsText("rewardPaid")).containsExactly("0.00", "20000.00");
        try (Browser browser = new Browser(node.port(), "en")) {
            // the seller's recorder reads the co-owner's part and records nothing there
            browser.signIn("recorder-a", TestUsers.PASSWORD);
            browser.open("/contracts/C-CO2");
            assertThat(browser.pageText()).contains("Decisions and payments", "20,000.00").doesNotContain("??");
            browser.open("/contracts/C-CO2/co-owners/DEMO-B");
            assertThat(browser.pageText()).contains("co-owner of contract C-CO2", "Paid in full")
                    .doesNotContain("Record the co-owner's own reward").doesNotContain("??");
        }
    }

    @Test
    void a_recorder_records_a_self_implementation_its_profit_and_the_reward() throws InterruptedException {
        try (Browser browser = new Browser(node.port(), "zh-CN")) {
            browser.signIn("recorder-a", TestUsers.PASSWORD);
            browser.open("/");
            assertThat(browser.find(By.cssSelector("header a[href='/implementations/new']")).getText()).isEqualTo("自行实施");
            browser.open("/implementations/new");
            WebElement form = browser.find(By.cssSelector("main form"));
            fill(browser, form, "implementationId", "IMP-1", "title", "纳米发电机中试线", "mode", "SELF",
                    "productionStartedOn", "2021-06-01", "contributors[0].personId", "P-1",
                    "contributors[0].name", "王研究员", "contributors[1].personId", "P-L",
                    "contributors[1].name", "李所长", "contributors[1].leadership", "true");
            browser.submit(form);
            assertThat(browser.path()).isEqualTo("/implementations/IMP-1");
            assertThat(browser.pageText()).contains("已登记", "自投产后首个盈利年度起连续 5 年");

            WebElement profit = browser.form("profits");
            fill(browser, profit, "year", "2022", "operatingProfit", "1.00");
            browser.submit(profit);
            assertThat(browser.pageText()).contains("应先登记 2021 年度的营业利润");
            profit = browser.form("profits");
            fill(browser, profit, "year", "2021");
            browser.submit(profit);
            record(browser, "reward-decisions", "decisionId", "D-1", "decidedOn", "2022-03-01", "total", "0.05",
                    "allocations[0].personId", "P-1", "allocations[0].amount", "0.05");
            assertThat(browser.pageText()).contains("各年度营业利润", "1.00", "0.05", "已决定奖励");
            // the obligation is the finance officer's too: its own table on the obligations page, once the read
            // model has the decision
            for (int tries = 0; tries < 50; tries++) {
                browser.open("/obligations");
                if (browser.pageText().contains("纳米发电机中试线")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(browser.pageText()).contains("自行实施转化的奖励", "IMP-1", "纳米发电机中试线", "计奖年度营业利润");
            // and the person's statement lists it beside the contracts, under the implementation, once the payouts'
            // read model has the decision (the title above came with the registration, an event before it)
            for (int tries = 0; tries < 50; tries++) {
                browser.open("/payouts/P-1");
                if (browser.pageText().contains("自行实施 IMP-1")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(browser.pageText()).contains("自行实施 IMP-1", "0.05");

            // a year's profit corrected and the decision withdrawn, from the implementation's page
            browser.open("/implementations/IMP-1");
            WebElement correction = browser.form("profit-corrections");
            fill(browser, correction, "correctionId", "K-1", "year", "2023", "operatingProfit", "2.00",
                    "reason", "审计调整");
            browser.submit(correction);
            assertThat(browser.pageText()).contains("2023 年度的营业利润尚未登记");
            correction = browser.form("profit-corrections");
            fill(browser, correction, "year", "2021");
            browser.submit(correction);
            assertThat(browser.pageText()).contains("已登记", "2.00", "0.10");
            record(browser, "withdrawals", "withdrawalId", "W-1", "decisionId", "D-1", "reason", "重新决定");
        }
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.signIn("auditor", TestUsers.PASSWORD);
            browser.open("/implementations/IMP-1");
            assertThat(browser.pageText()).contains("Self-implementation IMP-1", "Operating profit by year")
                    .doesNotContain("??");
        }
    }

    private static void record(Browser browser, String form, String... namesAndValues) {
        WebElement details = browser.form(form);
        fill(browser, details, namesAndValues);
        browser.submit(details);
        assertThat(browser.pageText()).as(form).contains("已登记");
    }

    private static void fill(Browser browser, WebElement form, String... namesAndValues) {
        Browser.Fields fields = browser.in(form);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.fill(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    private static void ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
