package dev.wirewatch.launcher.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs),
 * driven by Selenium with no browser or driver download.
 *
 * <p>Not thread safe; one per test. {@link #close()} quits the browser.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("wirewatch.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("wirewatch.chromedriver",
            "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium; fails with what to install when it is missing. */
    public static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the desk's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): run .ci/run, or apt-get install chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory("wirewatch-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As the machine notes say: without the background-networking flags Chromium keeps dialling out.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The visible text of the first element matching {@code css}, or "" when there is none. Found again when the
     * page replaced it between finding and reading (the desk re-renders a story's row when news of it arrives).
     */
    public String text(String css) {
        for (int attempt = 1; ; attempt++) {
            List<WebElement> found = all(css);
            try {
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Saves a PNG of the page. */
    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Signs in on the desk's login page and waits for the page the form leads to. */
    public void signIn(String deskUrl, String user, String password) {
        open(deskUrl + "login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        clickAndAwaitNewPage("#signin");
    }

    /**
     * Clicks {@code css} and waits until another document has replaced this one: a click on a submit button returns
     * before the browser has navigated, and reading the page at once would read the old one.
     */
    public void clickAndAwaitNewPage(String css) {
        script("document.documentElement.dataset.wirewatchOld = 'yes'");
        find(css).click();
        Await.until("the next page after clicking " + css, Duration.ofSeconds(30), () -> {
            try {
                return !"yes".equals(script("return document.documentElement.dataset.wirewatchOld || ''"))
                        && "complete".equals(script("return document.readyState"));
            } catch (RuntimeException e) {
                return false; // between two documents
            }
        }, () -> driver.getCurrentUrl());
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Chromium may still be writing its profile while it exits; the temp dir is reclaimed anyway.
        }
    }
}
