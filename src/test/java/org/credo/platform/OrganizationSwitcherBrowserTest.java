package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.Browser;
import org.credo.CredoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A member of two organizations reads and uses the organization switcher in the dark navbar, on a desktop and in the
 * phone menu: a visible label, readable contrast, the whole name of the organization, and the name as a tooltip.
 * Screenshots go to {@code target/screenshots/}.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationSwitcherBrowserTest {

    static final String PASSWORD = "switcher-password-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    ChromeDriver browser;
    String email;
    String longName;

    @BeforeAll
    void start() {
        var slug = "long-" + UUID.randomUUID().toString().substring(0, 8);
        longName = "Northfield College of Continuing and Professional Education, Evening School " + slug.substring(5);
        jdbc.sql("INSERT INTO organization (id, slug, name, time_zone, created_at, version) VALUES (?, ?, ?, ?, ?, 0)")
                .params(UUID.randomUUID(), slug, longName, "America/Chicago", java.sql.Timestamp.from(Instant.now()))
                .update();
        email = TestPeople.learner(jdbc, encoder, PASSWORD, "northfield", slug);
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void onADesktopTheSwitcherIsLabelledReadableAndShowsTheWholeName() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn();
        switchTo(longName);
        assertReadable("desktop");
        screenshot("org-switcher-1366");
        browser.findElement(By.id("organization-switcher")).click();
        assertMenuReadable("desktop");
        screenshot("org-switcher-1366-open");
        switchTo("Northfield College");
    }

    @Test
    void inThePhoneMenuTheSwitcherIsLabelledReadableAndShowsTheWholeName() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn();
        switchTo(longName);
        openPhoneMenu();
        assertReadable("phone");
        screenshot("org-switcher-390");
        browser.findElement(By.id("organization-switcher")).click();
        assertMenuReadable("phone");
        screenshot("org-switcher-390-open");
        switchTo("Northfield College");
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
    }

    private void openPhoneMenu() {
        var toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
        if (toggler.isDisplayed() && "false".equals(toggler.getAttribute("aria-expanded"))) {
            toggler.click();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> browser.findElement(By.id("organization-switcher")).isDisplayed());
    }

    private void switchTo(String name) {
        openPhoneMenu();
        var toggle = browser.findElement(By.id("organization-switcher"));
        if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
            toggle.click();
        }
        var item = browser.findElement(
                By.xpath("//ul[contains(@class,'org-switcher-menu')]//button[@title=\"" + name + "\"]"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(item::isDisplayed);
        item.click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> name.equals(
                        browser.findElement(By.id("organization-switcher")).getAttribute("title")));
    }

    private void assertReadable(String where) {
        var toggle = browser.findElement(By.id("organization-switcher"));
        assertThat(toggle.getAttribute("title")).isEqualTo(longName);
        var label = toggle.findElement(By.className("org-switcher-label"));
        assertThat(label.isDisplayed()).as(where + ": label shown").isTrue();
        assertThat(label.getText()).isEqualToIgnoringCase("Organization");
        assertThat(toggle.findElement(By.className("org-switcher-name")).getText())
                .isEqualTo(longName);
        var measured = measure("#organization-switcher", "#organization-switcher .org-switcher-name", "nav.navbar");
        assertThat(measured.get("contrast"))
                .as(where + ": contrast " + measured)
                .isGreaterThanOrEqualTo(4.5);
        assertWhole(where, measured);
    }

    private void assertMenuReadable(String where) {
        var item = browser.findElement(
                By.xpath("//ul[contains(@class,'org-switcher-menu')]//button[@title=\"" + longName + "\"]"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(item::isDisplayed);
        assertThat(item.getAttribute("aria-current")).isEqualTo("true");
        var measured = measure(
                ".org-switcher-menu .dropdown-item.active",
                ".org-switcher-menu .dropdown-item.active",
                ".org-switcher-menu .dropdown-item.active");
        assertThat(measured.get("contrast"))
                .as(where + ": menu contrast " + measured)
                .isGreaterThanOrEqualTo(4.5);
        assertWhole(where + " menu", measured);
    }

    private static void assertWhole(String where, Map<String, Double> measured) {
        assertThat(measured.get("hiddenWidth"))
                .as(where + ": the name is not cut " + measured)
                .isLessThanOrEqualTo(0);
        assertThat(measured.get("right"))
                .as(where + ": inside the window " + measured)
                .isLessThanOrEqualTo(measured.get("viewport"));
        assertThat(measured.get("pageWidth"))
                .as(where + ": no horizontal scrolling " + measured)
                .isLessThanOrEqualTo(measured.get("viewport"));
    }

    /** Contrast of a text against the background it is drawn on, and whether any of it is cut off. */
    @SuppressWarnings("unchecked")
    private Map<String, Double> measure(String box, String text, String background) {
        var result = (Map<String, Object>) browser.executeScript("""
                const [box, text, background] = arguments;
                const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
                const luminance = c => {
                  const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                const textElement = document.querySelector(text);
                const rect = document.querySelector(box).getBoundingClientRect();
                return {
                  contrast: contrast(getComputedStyle(textElement).color, getComputedStyle(document.querySelector(background)).backgroundColor),
                  hiddenWidth: textElement.scrollWidth - textElement.clientWidth,
                  right: rect.right,
                  viewport: document.documentElement.clientWidth,
                  pageWidth: document.documentElement.scrollWidth
                };
                """, box, text, background);
        var numbers = new java.util.LinkedHashMap<String, Double>();
        result.forEach((key, value) -> numbers.put(key, ((Number) value).doubleValue()));
        return numbers;
    }

    private void screenshot(String name) throws Exception {
        var directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
