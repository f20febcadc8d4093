package org.techtransfer.ledger.app.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Selenium, as a person at a desk uses the console. The browser and its
 * driver are the machine's (make browser installs them); Selenium Manager never downloads one.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    Browser(int port, String language) {
        this.base = "http://localhost:" + port;
        String chromium = System.getenv().getOrDefault("LEDGER_TEST_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("LEDGER_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1320,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void signIn(String username, String password) {
        open("/signin");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver.findElement(By.cssSelector("main form")));
    }

    void signOut() {
        submit(driver.findElement(By.cssSelector("form[action='/signout']")));
    }

    /** The element that has the keyboard's focus. */
    WebElement active() {
        return driver.switchTo().activeElement();
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> path().equals(path));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** The element once a script has drawn it. */
    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Every request from now on carries HTTP Basic credentials, as after the browser's sign-in dialog. */
    void sendBasic(String username, String password) {
        String token = java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** The status of a request the page itself sends with {@code fetch}: its cookies, no other credentials. */
    long fetchStatus(String method, String path, String json) {
        return (Long) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], {method: arguments[0], headers: {'Content-Type': 'application/json'}, body: arguments[2]})
                    .then(r => done(r.status), e => done(-1));""", method, path, json);
    }

    WebElement element(By by) {
        return driver.findElement(by);
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Opens a command's form on the contract page: its {@code <details>} is closed until asked for. */
    WebElement form(String name) {
        WebElement details = driver.findElement(By.id("form-" + name));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return details;
    }

    /** Fills the fields of a form by their names. */
    interface Fields {
        void fill(String name, String value);
    }

    /** Types into a field as a person would; a date is set directly, since its typed form depends on the locale. */
    Fields in(WebElement container) {
        return (name, value) -> {
            WebElement field = container.findElement(By.name(name));
            if ("select".equals(field.getTagName())) {
                new Select(field).selectByValue(value);
            } else if ("checkbox".equals(field.getAttribute("type"))) {
                if (field.isSelected() != Boolean.parseBoolean(value)) {
                    field.click();
                }
            } else if ("date".equals(field.getAttribute("type"))) {
                ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value);
            } else {
                field.clear();
                field.sendKeys(value);
            }
        };
    }

    /** Submits and waits for the page that answers (the form's own page is gone then). */
    void submit(WebElement container) {
        container.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(container));
    }

    String cookie(String name) {
        return driver.manage().getCookieNamed(name).getValue();
    }

    /** A screenshot of the page as it is, to target/screenshots (some of them are copied into docs/). */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
            driver.manage().window().setSize(new Dimension(1320, (int) Math.max(800, Math.min(height + 140, 4000))));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
