package org.credo.credentials.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A registrar previews and confirms a bulk upload, and revokes a selection, in a real browser. */
@CredoTest
class BulkBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuance issuance;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(ChromeDriver browser) {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(DemoData.email(Role.REGISTRAR));
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
    }

    @Test
    void aRegistrarPreviewsAnUploadThenConfirmsIt() throws Exception {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var file = Files.createTempFile("bulk-", ".csv");
        Files.writeString(
                file,
                "achievement,recipient_name,recipient_email\n"
                        + "\"" + achievement.content().name() + "\",Pia " + tag + ",pia." + tag + "@example.test\n"
                        + "\"" + achievement.content().name() + "\",Quin " + tag + ",quin." + tag + "@example.test\n");
        var browser = Browser.start();
        try {
            signIn(browser);
            browser.get(url("/manage/bulk"));
            browser.findElement(By.id("file")).sendKeys(file.toString());
            browser.findElement(By.cssSelector("form[enctype] button[type=submit]"))
                    .click();
            assertThat(browser.findElement(By.id("count-valid")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("preview-rows")).getText()).contains("Pia " + tag);
            assertThat(jdbc.sql("SELECT count(*) FROM issued_credential WHERE recipient_name LIKE ?")
                            .param("%" + tag)
                            .query(Long.class)
                            .single())
                    .isZero();
            browser.findElement(By.id("confirm-issue")).click();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> browser.findElement(By.id("bulk-progress"))
                            .getText()
                            .contains("2 of 2 issued"));
        } finally {
            browser.quit();
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRegistrarRevokesASelection() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var ids = new java.util.ArrayList<UUID>();
        for (var name : new String[] {"Rex", "Sue"}) {
            var recipient = new IssueRequest.Recipient(
                    name + " " + tag, name.toLowerCase() + "." + tag + "@example.test", null, null);
            ids.add(issuance.issue(
                            org,
                            CredentialFixtures.request(achievement.id(), recipient, Cryptosuite.RDFC),
                            "test",
                            null)
                    .id());
        }
        var browser = Browser.start();
        try {
            signIn(browser);
            browser.get(url("/manage/credentials?q=" + tag));
            browser.findElement(By.id("select-all")).click();
            new Select(browser.findElement(By.id("bulk-action"))).selectByValue("revoke");
            browser.findElement(By.id("bulk-reason")).sendKeys("Cohort cancelled");
            browser.findElement(By.cssSelector("#bulk-bar button[type=submit]")).click();
            assertThat(browser.findElement(By.id("counts")).getText()).contains("revoke: 2 credentials");
            browser.findElement(By.id("confirm-changes")).click();
            browser.switchTo().alert().accept();
            assertThat(browser.findElement(By.id("applied")).getText()).contains("Applied");
            for (var id : ids) {
                assertThat(jdbc.sql("SELECT status FROM issued_credential WHERE id = ?")
                                .param(id)
                                .query(String.class)
                                .single())
                        .isEqualTo("REVOKED");
            }
        } finally {
            browser.quit();
        }
    }
}
