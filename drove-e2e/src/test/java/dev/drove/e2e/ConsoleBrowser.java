package dev.drove.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver (given explicitly, so Selenium Manager
 * never downloads a browser or driver), logged in to one controller's console as one user. The user's credentials go
 * in the first URL; Chromium keeps them for the controller's realm, as after a login prompt.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("drove.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("drove.chromedriver", "/usr/bin/chromedriver");
    /** Where screenshots go: drove-e2e/target/screenshots, kept as test artefacts. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("drove.screenshots", "target/screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WIDTH = 1440;

    private final ChromeDriver driver;
    private final String origin;

    /** Opens the console of the controller on {@code port} as {@code user:password}. */
    ConsoleBrowser(int port, String user, String password) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDTH + ",1000", "--hide-scrollbars", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-default-apps", "--lang=en-US");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        origin = "http://127.0.0.1:" + port;
        driver.get("http://" + user + ":" + password + "@127.0.0.1:" + port + "/");
        awaitShown(By.cssSelector("#whoami .user"));
    }

    /** Removes the screenshots of an earlier run, so the folder shows this run's pages only. */
    static void clearScreenshots() throws IOException {
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var files = Files.list(SCREENSHOTS)) {
                for (var file : files.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Goes to a console page by its hash route, e.g. {@code #/apps/TEST_APP-1}, without reloading the page. */
    void go(String route) {
        driver.executeScript("window.location.hash = arguments[0]", route);
    }

    /** Loads a page afresh, e.g. {@code /#/events}. */
    void load(String path) {
        driver.get(origin + path);
    }

    WebElement awaitShown(By locator) {
        return await("an element " + locator).atMost(WAIT).ignoreExceptions()
                .until(() -> driver.findElement(locator), WebElement::isDisplayed);
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /** Waits until {@code condition} holds, re-reading the page each time (elements are replaced by polls). */
    void awaitTrue(String what, Supplier<Boolean> condition) {
        await(what).atMost(WAIT).ignoreExceptions().until(condition::get);
    }

    /** The text of the first match, or "" when there is none. */
    String text(By locator) {
        var found = driver.findElements(locator);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs an async script; it gets a callback as its last argument. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * Saves the whole page (the window grown to the page's height) as {@code target/screenshots/<name>.png}.
     *
     * @return the file written
     */
    Path screenshot(String name) {
        var height = ((Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).intValue();
        driver.manage().window().setSize(new Dimension(WIDTH, Math.min(Math.max(height, 900), 4000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, 1000));
        }
    }

    /** What the page logged at SEVERE (uncaught errors, failed module loads), one line each. */
    String severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .collect(Collectors.joining("\n"));
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
