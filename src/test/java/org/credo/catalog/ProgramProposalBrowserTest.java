package org.credo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser test: a curriculum author proposes a program with three courses; it goes
 * through the two-step chain (committee member, then registrar) with one return with a comment, is
 * approved, published, and found by an anonymous visitor in the public catalog.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramProposalBrowserTest {

    @LocalServerPort
    int port;

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

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(Role role) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(DemoData.email(role));
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        click(By.cssSelector("button[type=submit]"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !browser.getCurrentUrl().contains("/login"));
    }

    void click(By target) {
        var element = browser.findElement(target);
        // A script click: the same events as a user's click, without depending on the window's size.
        browser.executeScript("arguments[0].click();", element);
    }

    void clickAndConfirm(By button) {
        click(button);
        Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
            browser.switchTo().alert().accept();
            return true;
        });
    }

    String status() {
        return browser.findElement(By.id("proposal-status")).getText();
    }

    /** Types into a field of the form, replacing what is there. */
    void fill(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        browser.executeScript("arguments[0].value = arguments[1];", field, value);
    }

    void select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    static final String REQUIREMENTS = """
            {"type":"all","label":"Required courses","allowSharing":false,"items":[
              {"type":"course","course":"DATA 101","minGrade":"C"},
              {"type":"course","course":"DATA 201","minGrade":"C"},
              {"type":"course","course":"DATA 220","minGrade":"C"}]}""";

    @Test
    void aProgramGoesThroughTheChainWithOneReturnAndIsPublished() {
        var code = "CERT-B" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();

        signIn(Role.CURRICULUM_AUTHOR);
        browser.get(url("/manage/catalog/proposals/new?kind=PROGRAM"));
        browser.findElement(By.id("title")).sendKeys("Create " + code);
        // Effective at once (yesterday, so also in organizations west of UTC), to be in the public catalog today.
        browser.executeScript(
                "arguments[0].value = arguments[1];",
                browser.findElement(By.id("effectiveFrom")),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString());
        fill("c-code", code);
        fill("c-name", "Certificate in Applied Data " + code);
        select("c-type", "CERTIFICATE");
        fill("c-level", "Undergraduate");
        fill("c-credits", "9");
        fill("c-cipCode", "30.7001");
        fill("c-timeToComplete", "P9M");
        select("c-deliveryMode", "ONLINE");
        fill("c-tuitionAmount", "3600.00");
        fill("c-tuitionCurrency", "USD");
        fill("c-description", "Three courses, one certificate.");
        fill("c-learningOutcomes", "Clean data");
        // The raw JSON, under the rule builder's "Advanced" disclosure.
        click(By.cssSelector("[data-rule-builder=requirements] summary"));
        fill("c-requirements", REQUIREMENTS);
        click(By.xpath("//button[normalize-space()='Save draft']"));
        assertThat(status()).isEqualTo("Draft");
        assertThat(browser.findElement(By.cssSelector("table.diff")).getText())
                .contains("Added:", "DATA 201 (grade C or better)", "DATA 220 (grade C or better)");
        var proposal = browser.getCurrentUrl();
        clickAndConfirm(By.id("submit-proposal"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status().equals("In review"));
        assertThat(browser.findElement(By.id("author-does-not-review")).getText())
                .contains("You wrote this proposal, so its other reviewers decide on it");
        assertThat(browser.findElements(By.id("record-decision"))).isEmpty();

        signIn(Role.COMMITTEE_MEMBER);
        browser.get(proposal);
        click(By.id("d-return"));
        browser.findElement(By.id("comment")).sendKeys("Please add an outcome about presenting results.");
        clickAndConfirm(By.id("record-decision"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status().equals("Returned for changes"));
        assertThat(browser.findElement(By.id("decisions")).getText())
                .contains("Returned", "Please add an outcome about presenting results.");

        signIn(Role.CURRICULUM_AUTHOR);
        browser.get(proposal);
        click(By.linkText("Edit"));
        fill("c-learningOutcomes", "Clean data\nPresent results to a non-technical audience");
        click(By.xpath("//button[normalize-space()='Save draft']"));
        clickAndConfirm(By.id("submit-proposal"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status().equals("In review"));

        signIn(Role.COMMITTEE_MEMBER);
        browser.get(proposal);
        // No decision is chosen for the reviewer.
        assertThat(browser.findElements(By.cssSelector("input[name=decision]:checked")))
                .isEmpty();
        click(By.id("d-approve"));
        clickAndConfirm(By.id("record-decision"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> browser.getPageSource().contains("moves on to the next step"));

        signIn(Role.REGISTRAR);
        browser.get(proposal);
        click(By.id("d-approve"));
        clickAndConfirm(By.id("record-decision"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status().equals("Approved"));

        browser.get(url("/manage/catalog/programs?q=" + code));
        click(By.linkText(code));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Certificate in Applied Data " + code);
        assertThat(browser.getPageSource()).contains("Published", "Present results to a non-technical audience");

        // Anyone, signed out, finds it in the public catalog (the search index follows publication).
        browser.manage().deleteAllCookies();
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            browser.get(url("/catalog?q=" + code));
            assertThat(browser.findElement(By.partialLinkText("Certificate in Applied Data " + code))
                            .isDisplayed())
                    .isTrue();
        });
        click(By.partialLinkText("Certificate in Applied Data " + code));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Certificate in Applied Data " + code);
        assertThat(browser.getPageSource())
                .contains("Present results to a non-technical audience", "DATA 201", "application/ld+json")
                .doesNotContain("Sign out");
    }
}
