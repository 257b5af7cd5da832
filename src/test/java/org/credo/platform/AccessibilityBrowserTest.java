package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.credo.Axe;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.Screenshots;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every demo role's home and the pages of its menu, the public pages and failed form submits, in a real browser: axe-core
 * finds no violation of impact serious or critical on any of them, and each page is written to
 * {@code target/screenshots/} at 1280 and 390 px wide (named role-page-width.png) for a reviewer.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityBrowserTest {

    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    /**
     * Pages a role reaches in a click or two from its menu, beyond the menu itself; "list > pattern" is the first link
     * on the list page whose path matches the pattern.
     */
    static final Map<Role, List<String>> MORE_PAGES = Map.of(
            Role.ADMINISTRATOR,
            List.of(
                    "/admin/users/new",
                    "/admin/users > /admin/users/[0-9a-f-]{36}",
                    "/admin/organization/branding",
                    "/organizations/new",
                    "/account/passkeys",
                    "/account/tokens"),
            Role.REGISTRAR,
            List.of(
                    "/manage/credentials/new",
                    "/manage/credentials > /manage/credentials/[0-9a-f-]{36}",
                    "/manage/credentials/dashboard",
                    "/manage/credentials/bulk-actions",
                    "/manage/credentials/reminders",
                    "/manage/bulk",
                    "/manage/achievements/new",
                    "/manage/achievements > /manage/achievements/[0-9a-f-]{36}",
                    "/manage/templates/certificate/design",
                    "/manage/templates/claim-email",
                    "/manage/learners/duplicates",
                    "/manage/learners/duplicates > /manage/learners/[0-9a-f-]{36}/merge/[0-9a-f-]{36}",
                    "/manage/learners/merges",
                    "/manage/scheduling/terms > /manage/scheduling/terms/[0-9a-f-]{36}",
                    "/manage/scheduling/terms/new",
                    "/manage/scheduling/rooms",
                    "/manage/scheduling/instructors"),
            Role.CURRICULUM_AUTHOR,
            List.of(
                    "/manage/catalog/proposals/new",
                    "/manage/catalog/proposals > /manage/catalog/proposals/[0-9a-f-]{36}",
                    "/manage/catalog/courses",
                    "/manage/catalog/courses > /manage/catalog/courses/[0-9a-f-]{36}",
                    "/manage/catalog/programs",
                    "/manage/catalog/programs > /manage/catalog/programs/[0-9a-f-]{36}"),
            Role.CATALOG_EDITOR,
            List.of("/manage/catalog/chain", "/manage/catalog/import"),
            Role.LEARNER,
            List.of("/wallet > /wallet/credentials/[0-9a-f-]{36}"),
            Role.AUDITOR,
            List.of("/audit/verification"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    IssuedCredentials credentials;

    @Autowired
    OutboxSender sender;

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    ChromeDriver browser;

    /** Paths checked already: a page that several roles reach is checked and pictured once, for the first. */
    final Set<String> seen = new HashSet<>();

    @BeforeAll
    void start() {
        browser = Browser.start();
        Axe.preload(browser);
        Screenshots.desktop(browser, DESKTOP);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(0)
    void theCheckFindsAViolationWhenThereIsOne() {
        // Guards the checks below: a page with an unlabelled field and an empty link must not pass.
        browser.get("data:text/html,<html lang=en><title>t</title><main><input><a href=/x></a></main></html>");
        assertThat(Axe.check(browser, "broken page"))
                .extracting(Axe.Violation::rule)
                .contains("label", "link-name");
    }

    @Test
    @Order(1)
    void publicPagesHaveNoSeriousViolations() {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "a11y-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var credential = issuance.issue(
                organization, CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS), "Test", null);
        credentials.share(credential.id(), true);

        browser.manage().deleteAllCookies();
        var violations = new ArrayList<Axe.Violation>();
        for (var page : List.of(
                "/login",
                "/catalog",
                "/catalog/programs/CERT-DA",
                "/catalog/courses/DATA/101",
                "/verify",
                "/verify/" + credential.id(),
                "/share/" + credential.id(),
                "/wallet/sign-in",
                "/password/forgot")) {
            violations.addAll(visit("public", page));
        }
        assertThat(violations).as(report(violations)).isEmpty();
    }

    @Test
    @Order(2)
    void anEarnersWalletPagesHaveNoSeriousViolations() {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "a11y-earner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var credential = issuance.issue(
                organization, CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS), "Test", null);
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");

        browser.manage().deleteAllCookies();
        var violations = new ArrayList<Axe.Violation>();
        browser.get("http://localhost:" + port + link);
        violations.addAll(checkAndPicture("earner", "wallet-claim"));
        press(By.id("open-wallet"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("wallet-credentials")).isDisplayed());
        violations.addAll(checkAndPicture("earner", "wallet"));
        violations.addAll(visit("earner", "/wallet/credentials/" + credential.id()));
        violations.addAll(visit("earner", "/wallet/account"));
        assertThat(violations).as(report(violations)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    @Order(3)
    void eachRolesPagesHaveNoSeriousViolations(Role role) {
        signIn(role);
        var who = role.name().toLowerCase().replace('_', '-');
        var violations = new ArrayList<Axe.Violation>(visit(who, "/"));
        var pages = new LinkedHashSet<String>();
        for (var link : browser.findElements(By.cssSelector("#mainNav a.nav-link"))) {
            var href = pathOf(link);
            if (href != null && !href.startsWith("/swagger-ui")) {
                pages.add(href);
            }
        }
        pages.addAll(MORE_PAGES.getOrDefault(role, List.of()));
        for (var page : pages) {
            if (page.contains(" > ")) {
                var parts = page.split(" > ");
                browser.get("http://localhost:" + port + parts[0]);
                page = firstLink(Pattern.compile(parts[1]));
                if (page == null) {
                    throw new AssertionError(who + ": no link like " + parts[1] + " on " + parts[0]);
                }
            }
            if (seen.contains(page)) {
                continue;
            }
            violations.addAll(visit(who, page));
        }
        assertThat(violations).as(report(violations)).isEmpty();
    }

    @Test
    @Order(4)
    void aRefusedFormFocusesItsErrorSummaryWhoseLinksLeadToTheFields() {
        var violations = new ArrayList<Axe.Violation>();
        browser.manage().deleteAllCookies();

        browser.get("http://localhost:" + port + "/catalog/programs/CERT-DA");
        press(By.cssSelector("#inquiry button[type=submit]"));
        awaitFocusOn("error-summary");
        violations.addAll(checkAndPicture("public", "inquiry-refused"));
        press(By.cssSelector("#error-summary a[href='#name']"));
        awaitFocusOn("name");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        // The verification form answers through htmx: the summary arrives in a fragment, and the field is marked.
        browser.get("http://localhost:" + port + "/verify");
        press(By.cssSelector("main form button[type=submit]"));
        awaitFocusOn("error-summary");
        assertThat(browser.findElement(By.id("credential")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        violations.addAll(checkAndPicture("public", "verify-refused"));

        signIn(Role.REGISTRAR);
        browser.get("http://localhost:" + port + "/manage/credentials/new");
        press(By.cssSelector("main form button[type=submit]"));
        awaitFocusOn("error-summary");
        violations.addAll(checkAndPicture("registrar", "issue-refused"));
        assertThat(violations).as(report(violations)).isEmpty();
    }

    /** Clicks an element as a script would: the page's own handlers run, whatever the window's size. */
    void press(By element) {
        browser.executeScript("arguments[0].click()", browser.findElement(element));
    }

    void awaitFocusOn(String id) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(browser.switchTo().activeElement().getAttribute("id"))
                                .isEqualTo(id));
    }

    /** Loads a page, runs axe on it at desktop width, and pictures it at both widths. */
    List<Axe.Violation> visit(String who, String path) {
        seen.add(path);
        browser.get("http://localhost:" + port + path);
        return checkAndPicture(who, slug(path));
    }

    /** Runs axe on the page as it shows now, and pictures it as who-name-width.png at both widths. */
    List<Axe.Violation> checkAndPicture(String who, String name) {
        var found = Axe.check(browser, who + " " + browser.getCurrentUrl());
        Screenshots.write(browser, who + "-" + name + "-" + DESKTOP);
        Screenshots.phone(browser, PHONE);
        Screenshots.write(browser, who + "-" + name + "-" + PHONE);
        Screenshots.desktop(browser, DESKTOP);
        return found;
    }

    void signIn(Role role) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(DemoData.email(role));
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        press(By.cssSelector("main form button[type=submit]"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
    }

    /** The first link on the current page whose path matches, or null. */
    String firstLink(Pattern path) {
        for (var link : browser.findElements(By.cssSelector("main a[href]"))) {
            var href = pathOf(link);
            if (href != null && path.matcher(href).matches()) {
                return href;
            }
        }
        return null;
    }

    /** The path of a link to this server, or null for a link elsewhere. */
    String pathOf(WebElement link) {
        var href = link.getAttribute("href");
        var origin = "http://localhost:" + port;
        if (href == null || !href.startsWith(origin)) {
            return null;
        }
        var path = href.substring(origin.length());
        var hash = path.indexOf('#');
        return hash < 0 ? path : path.substring(0, hash);
    }

    static String slug(String path) {
        var slug = path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id")
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return slug.isEmpty() ? "home" : slug;
    }

    static String report(List<Axe.Violation> violations) {
        var text = new StringBuilder("serious or critical accessibility violations:");
        for (var v : violations) {
            text.append("\n  ").append(v);
        }
        return text.toString();
    }
}
