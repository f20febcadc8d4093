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
 * Swagger UI in a real headless Chromium signed in with HTTP Basic: it loads its configuration and the
 * description, and "Try it out" on recording an income, with the description's own example, records it.
 * A person signed in to the console uses it with the console's session alone: reads, and writes that carry
 * the CSRF token Swagger UI takes from its cookie; a write without the token is refused.
 */
class SwaggerUiTest {

    private static LedgerNode node;
    private static LedgerClient api;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
        api = node.client();
        assertThat(api.post("admin", "/api/v1/institutions", """
                {"institutionId": "DEMO-A", "name": "Huairou Institute of Nanoenergy", "type": "RESEARCH_INSTITUTE",
                 "governmentEstablished": true, "regionCode": "110116", "policy": "BEIJING"}""").status()).isEqualTo(201);
        // the contract of the description's examples, so that the income example applies as it stands
        assertThat(api.post("recorder-a", "/api/v1/contracts", """
                {"contractId": "C-2026-001", "registrationNumber": "2026110116000001", "kind": "LICENSE",
                 "sellerInstitutionId": "DEMO-A",
                 "buyer": {"name": "Yanqi Lake Materials Co.", "type": "ENTERPRISE", "regionCode": "110116"},
                 "technologyField": "nanotechnology", "totalAmount": "1200000.00", "technologyAmount": "1000000.00",
                 "signedOn": "2026-03-01",
                 "contributors": [{"personId": "P-001", "name": "Wang", "principal": true, "leadership": false}]}""")
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void try_it_out_records_an_income_with_http_basic() {
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.sendBasic("recorder-a", TestUsers.PASSWORD);
            browser.open("/swagger-ui.html");
            assertThat(browser.await(By.cssSelector(".info .title")).getText()).contains("Technology-transfer ledger API");
            assertThat(browser.pageText()).doesNotContain("Failed to load");

            WebElement income = browser.await(By.id("operations-contracts-recordIncome"));
            income.findElement(By.cssSelector(".opblock-summary")).click();
            browser.await(By.cssSelector("#operations-contracts-recordIncome .try-out__btn")).click();
            browser.await(By.cssSelector("#operations-contracts-recordIncome button.execute")).click();
            WebElement status = browser.await(By.cssSelector("#operations-contracts-recordIncome .live-responses-table tbody .response-col_status"));
            assertThat(status.getText()).as(browser.pageText()).startsWith("201");
            browser.screenshot("swagger-ui-try-it-out");
        }
        assertThat(api.get("auditor", "/api/v1/contracts/C-2026-001").json().path("income").asText()).isEqualTo("1000000.00");
    }

    @Test
    void a_person_signed_in_to_the_console_tries_it_out_with_the_session() {
        try (Browser browser = new Browser(node.port(), "en")) {
            browser.signIn("admin", TestUsers.PASSWORD);
            browser.waitForPath("/");
            browser.open("/swagger-ui.html");
            assertThat(browser.await(By.cssSelector(".info .title")).getText()).contains("Technology-transfer ledger API");
            assertThat(tryItOut(browser, "operations-contracts-getContractEvents")).as(browser.pageText()).startsWith("200");
            assertThat(tryItOut(browser, "operations-contracts-recordCost")).as(browser.pageText()).startsWith("201");
            browser.screenshot("swagger-ui-console-session");
            // the session alone does not write: a page of another origin could send that much
            assertThat(browser.fetchStatus("POST", "/api/v1/contracts/C-2026-001/costs", """
                    {"costId": "COST-2", "amount": "1.00", "incurredOn": "2026-03-20", "category": "TAX"}""")).isEqualTo(403);
        }
        assertThat(api.get("auditor", "/api/v1/contracts/C-2026-001/events").body()).contains("COST-1").doesNotContain("COST-2");
    }

    /** Opens an operation, "Try it out" with its examples, "Execute": the status of the answer. */
    private static String tryItOut(Browser browser, String operation) {
        WebElement opened = browser.await(By.id(operation));
        opened.findElement(By.cssSelector(".opblock-summary")).click();
        browser.await(By.cssSelector("#" + operation + " .try-out__btn")).click();
        browser.await(By.cssSelector("#" + operation + " button.execute")).click();
        return browser.await(By.cssSelector("#" + operation + " .live-responses-table tbody .response-col_status")).getText();
    }
}
