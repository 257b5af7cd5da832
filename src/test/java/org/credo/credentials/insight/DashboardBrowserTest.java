package org.credo.credentials.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An earner claims a credential in a real browser; the registrar then sees the claim on the dashboard and timeline. */
@CredoTest
class DashboardBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    OutboxSender sender;

    @Test
    void theRegistrarSeesTheClaimOnTheDashboard() {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "dashboard-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var credential = issuance.issue(
                organization,
                CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS),
                "Browser test",
                null);
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");

        var browser = Browser.start();
        try {
            browser.get(url(link));
            browser.findElement(By.id("open-wallet")).click();
            assertThat(browser.findElement(By.id("wallet-credentials")).getText())
                    .contains(credential.achievementName());

            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            browser.findElement(By.id("email")).sendKeys(DemoData.email(Role.REGISTRAR));
            browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).submit();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !browser.getCurrentUrl().contains("/login"));

            browser.get(url("/manage/credentials/dashboard?achievementId=" + achievement.id()));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Issuance dashboard");
            assertThat(browser.findElement(By.id("total-issued")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("total-claimed")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("claim-rate")).getText()).isEqualTo("100%");
            assertThat(browser.findElement(By.cssSelector("#dashboard-table tbody tr:last-child"))
                            .getText())
                    .endsWith("1 1 0 0");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> "true"
                            .equals(browser.findElement(By.id("dashboard-chart"))
                                    .getAttribute("data-drawn")));
            assertThat(browser.findElements(By.cssSelector("#dashboard-chart svg")))
                    .isNotEmpty();

            browser.get(url("/manage/credentials/" + credential.id()));
            assertThat(browser.findElement(By.id("timeline")).getText())
                    .contains("Issued")
                    .contains("Emailed")
                    .contains("Claimed");
        } finally {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
