package org.techtransfer.ledger.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day at a technology transfer office, in a real headless Chromium, in Chinese: the recorder registers a
 * licence, records its income and a tax, sees a reward decision below the minimum refused with the rule's
 * message, decides, publicises the leader's reward and pays; the finance officer looks at obligations, payouts
 * and statistics and downloads the XLSX, whose amounts are the ledger's; the auditor verifies the digest and the
 * signed checkpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void a_recorder_records_a_deal_and_its_rewards_and_the_auditor_verifies_the_chain() throws Exception {
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
            // the seller by its name, and the choices in the timeline in the reader's language, not as codes
            assertThat(browser.pageText()).contains("怀柔纳米能源研究所 (DEMO-A)", "类别: 入门费", "类别: 税金")
                    .doesNotContain("UPFRONT");

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

            browser.signIn("finance", TestUsers.PASSWORD);
            browser.open("/obligations");
            assertThat(browser.pageText()).contains("C-2026-101", "已足额兑现");
            browser.screenshot("zh-obligations");
            browser.open("/payouts");
            browser.screenshot("zh-payouts");
            browser.open("/payouts/P-002");
            assertThat(browser.pageText()).contains("李所长（P-002）的奖励对账单", "230,000.00");
            browser.screenshot("zh-statement");
            browser.open("/statistics");
            browser.screenshot("zh-statistics");
            browser.open("/contracts?q=" + java.net.URLEncoder.encode("王研究员", StandardCharsets.UTF_8));
            assertThat(browser.pageText()).contains("C-2026-101", "共 1 份合同");
            browser.screenshot("zh-contracts");
            everyAmountOfTheDownloadIsTheLedgers(browser);
            browser.signOut();

            browser.signIn("auditor", TestUsers.PASSWORD);
            browser.open("/audit");
            String position = browser.text(By.id("digest-position"));
            String hash = browser.text(By.id("digest-hash"));
            WebElement verify = browser.find(By.cssSelector("form[action='/audit']"));
            browser.in(verify).fill("digestPosition", position);
            browser.in(verify).fill("digestHash", hash);
            browser.submit(verify);
            assertThat(browser.text(By.id("verify-result"))).startsWith("哈希链完整").contains("位置 " + position);
            // the signed checkpoint shown, pasted back, holds
            String note = browser.text(By.id("checkpoint-note"));
            assertThat(note).startsWith("localhost/technology-transfer-ledger\n").contains("\n\u2014 ");
            WebElement paste = browser.find(By.xpath("//form[.//textarea[@name='checkpoint']]"));
            browser.in(paste).fill("checkpoint", note);
            browser.submit(paste);
            assertThat(browser.text(By.id("checkpoint-result"))).startsWith("检查点核验通过");
            assertThat(browser.text(By.id("checkpoint-timestamp"))).startsWith("该检查点尚无外部时间戳");
            browser.screenshot("zh-audit");
        }
    }

    /**
     * The administrator, in English, signs in with the keyboard alone and reads every page: each has its
     * title and no untranslated message key.
     */
    @Test
    @Order(2)
    void an_administrator_reads_every_page_in_english_and_signs_in_with_the_keyboard() {
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.open("/signin");
            browser.find(By.id("username")).sendKeys("admin", Keys.TAB);
            browser.active().sendKeys(TestUsers.PASSWORD, Keys.ENTER);
            browser.waitForPath("/");
            assertThat(browser.pageText()).contains("Welcome, admin");
            for (String[] page : new String[][]{{"/", "en-home", "Welcome, admin"}, {"/contracts", "en-contracts", "Technology contracts"},
                    {"/contracts/C-2026-101", "en-contract", "Contract C-2026-101"},
                    {"/contracts/new", "en-register", "Register a technology contract"},
                    {"/obligations", "en-obligations", "Reward obligations"}, {"/payouts", "en-payouts", "Payouts per person"},
                    {"/payouts/P-001", "en-statement", "Statement of 王研究员 (P-001)"},
                    {"/statistics", "en-statistics", "Statistics"},
                    {"/audit", "en-audit", "Audit"}}) {
                browser.open(page[0]);
                assertThat(browser.text(By.tagName("h1"))).as(page[0]).contains(page[2]);
                assertThat(browser.pageText()).as(page[0]).doesNotContain("??");
                browser.screenshot(page[1]);
            }
            browser.open("/contracts/C-2026-101?asOf=2026-01-01T00:00:00");
            assertThat(browser.pageText()).contains("no contract");
        }
    }

    /**
     * The finance officer's XLSX of obligations and of payouts, downloaded with the browser's session as its
     * link does, read back: every amount is a number and equals the API's, and the total rows add up.
     */
    private static void everyAmountOfTheDownloadIsTheLedgers(Browser browser) throws Exception {
        JsonNode obligation = node.client().get(TestUsers.FINANCE.username(), "/api/v1/rewards/obligations").json().get(0);
        List<Row> rows = download(browser, "/obligations/export?format=xlsx");
        assertThat(rows.get(0).getCellText(0)).isEqualTo("合同编号");
        Row contract = rows.get(1);
        assertThat(contract.getCellText(0)).isEqualTo("C-2026-101");
        for (String[] column : new String[][]{{"2", "netIncome"}, {"3", "requiredReward"}, {"4", "rewardDecided"},
                {"5", "rewardPaid"}, {"6", "outstanding"}}) {
            BigDecimal cell = contract.getCellAsNumber(Integer.parseInt(column[0])).orElseThrow();
            assertThat(cell).as(column[1]).isEqualByComparingTo(obligation.get(column[1]).asText());
            assertThat(rows.get(2).getCellAsNumber(Integer.parseInt(column[0])).orElseThrow()).as("total " + column[1])
                    .isEqualByComparingTo(cell);
        }
        List<Row> payouts = download(browser, "/payouts/export?format=xlsx");
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (Row row : payouts.subList(1, payouts.size() - 1)) {
            allocated = allocated.add(row.getCellAsNumber(9).orElse(BigDecimal.ZERO));
            paid = paid.add(row.getCellAsNumber(10).orElse(BigDecimal.ZERO));
        }
        assertThat(allocated).isEqualByComparingTo("630000.00");
        assertThat(paid).isEqualByComparingTo("630000.00");
        Row total = payouts.get(payouts.size() - 1);
        assertThat(total.getCellAsNumber(9).orElseThrow()).isEqualByComparingTo(allocated);
        assertThat(total.getCellAsNumber(10).orElseThrow()).isEqualByComparingTo(paid);
    }

    private static List<Row> download(Browser browser, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + path))
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID"))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()),
                new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
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
