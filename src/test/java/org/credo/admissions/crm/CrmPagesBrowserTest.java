package org.credo.admissions.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.admissions.AdmissionsFixture;
import org.credo.admissions.ApplicationStatus;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
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

/** The admissions officer's recruitment pages in a browser, on the demo data; screenshots at 1366 and 390 px. */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmPagesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    AdmissionsFixture fixtures;

    ChromeDriver browser;

    @BeforeAll
    void start() {
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOfficerFollowsCampaignsAPersonAndTheFunnel() throws IOException {
        var org = fixtures.northfield();
        var program = fixtures.program(org, "BR" + System.nanoTime() % 10000);
        var now = Instant.now();
        var cycle = fixtures.cycle(
                org, program, "BRW", "Browser intake", now.minus(5, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS));
        int i = 0;
        for (var s : new ApplicationStatus[] {
            ApplicationStatus.DRAFT,
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.ADMITTED,
            ApplicationStatus.MATRICULATED
        }) {
            fixtures.application(
                    org,
                    cycle,
                    "Browser " + i,
                    "browser" + (i++) + "-" + now.toEpochMilli() + "@example.test",
                    s,
                    null);
        }

        signIn(Role.ADMISSIONS_OFFICER);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("campaigns scheduled");
        shoot("officer-home");
        browser.get(url("/manage/admissions/campaigns"));
        assertThat(browser.findElement(By.id("campaign-list")).getText())
                .contains("Open evening, January")
                .contains("Application deadline reminder");
        shoot("campaigns");
        browser.findElement(By.linkText("Open evening, January")).click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("#delivery-log tbody tr"))
                        .isEmpty());
        shoot("campaign-sent");
        browser.get(url("/manage/admissions/campaigns"));
        browser.findElement(By.linkText("Application deadline reminder")).click();
        assertThat(browser.findElement(By.id("preview-count")).getText()).contains("would get it now");
        shoot("campaign-scheduled");
        browser.get(url("/manage/admissions/campaigns/new"));
        shoot("campaign-form");

        var noted = jdbc.sql(
                        "SELECT learner_id FROM admission_note WHERE organization_id = ? ORDER BY created_at LIMIT 1")
                .param(org)
                .query(java.util.UUID.class)
                .single();
        browser.get(url("/manage/admissions/people/" + noted));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("city college fair");
        shoot("person-timeline");

        browser.get(url("/manage/admissions/funnel?cycleId=" + cycle));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        "true".equals(browser.findElement(By.id("funnel-chart")).getAttribute("data-drawn")));
        assertThat(browser.findElement(By.id("funnel-table")).getText())
                .contains("Browser intake")
                .contains("75.0%");
        shoot("funnel");

        browser.manage().deleteAllCookies();
        browser.get(url("/unsubscribe/" + unsubscribes.token(org, "someone@example.test")));
        browser.findElement(By.cssSelector("#unsubscribe-form button")).click();
        assertThat(browser.findElement(By.id("unsubscribed")).getText()).contains("someone@example.test");
        shoot("unsubscribed");
    }

    void shoot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            var png = browser.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve("crm-" + name + "-" + width + ".png"), png);
        }
        browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(Role role) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(DemoData.email(role));
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
    }
}
