package org.credo;

import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its own ChromeDriver, headless; nothing is downloaded. Skips on a
 * laptop without Chromium, but fails in CI ({@code CI=true}) so that browser tests never silently vanish.
 */
public final class Browser {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {}

    public static ChromeDriver start() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(
                        "CI needs Chromium and ChromeDriver: apt-get install -y chromium chromium-driver");
            }
            Assumptions.abort("Chromium is not installed; browser tests skipped on this machine");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,900");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Signs in through the login page, as a person would, and waits for the welcome page. */
    public static void signIn(ChromeDriver browser, int port, String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]"))
                .click();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(org.openqa.selenium.By.tagName("h1"))
                        .getText()
                        .startsWith("Welcome"));
    }

    /** Writes the page at 1366 and 390 px wide to target/screenshots/{prefix}-{name}-{width}.png. */
    public static void shoot(ChromeDriver browser, String prefix, String name) throws java.io.IOException {
        var folder = java.nio.file.Path.of("target/screenshots");
        java.nio.file.Files.createDirectories(folder);
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
            java.nio.file.Files.write(
                    folder.resolve(prefix + "-" + name + "-" + width + ".png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1000));
    }
}
