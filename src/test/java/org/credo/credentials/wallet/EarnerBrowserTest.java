package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An earner signs in to the wallet with an emailed link in a real browser, sees credentials of two organizations,
 * puts one on the public profile and opens it.
 */
@CredoTest
class EarnerBrowserTest {

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
    void anEarnerSignsInByEmailSeesTwoOrganizationsAndSharesOneOnTheProfile() {
        var email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var northfield = CredentialFixtures.northfield(jdbc);
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        var fromNorthfield = issue(northfield, email);
        var fromHarbor = issue(harbor, email);
        var handle = "b-" + UUID.randomUUID().toString().substring(0, 8);
        var base = "http://localhost:" + port;

        var browser = Browser.start();
        try {
            browser.get(base + "/wallet");
            browser.findElement(By.id("link-email")).sendKeys(email);
            browser.findElement(By.id("send-link")).click();
            assertThat(browser.findElement(By.id("link-sent")).getText()).contains(email);

            sender.sendDue();
            var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/sign-in/");
            browser.get(base + link);
            browser.findElement(By.id("open-wallet")).click();
            var wallet = browser.findElement(By.id("wallet-credentials")).getText();
            assertThat(wallet)
                    .contains("Northfield College")
                    .contains("Harbor Coding Bootcamp")
                    .contains(fromNorthfield.achievementName())
                    .contains(fromHarbor.achievementName());

            browser.get(base + "/wallet/credentials/" + fromHarbor.id());
            assertThat(browser.findElement(By.id("share-linkedin")).getAttribute("href"))
                    .startsWith("https://www.linkedin.com/sharing/share-offsite/?url=");
            click(browser, By.id("copy-link"));
            wait(browser)
                    .until(d ->
                            !d.findElement(By.id("copy-link-status")).getText().isBlank());
            click(browser, By.id("profile-toggle"));
            wait(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("profile-state"), "Shown on your profile"));

            browser.get(base + "/wallet/account");
            browser.findElement(By.id("handle")).sendKeys(handle);
            click(browser, By.id("profile-enabled"));
            click(browser, By.id("save-profile"));
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("profile-url")));
            click(browser, By.id("profile-url"));
            wait(browser).until(ExpectedConditions.urlContains("/p/"));

            assertThat(browser.getCurrentUrl()).endsWith("/p/" + handle);
            var profile = browser.findElement(By.id("profile-credentials")).getText();
            assertThat(profile).contains(fromHarbor.achievementName()).contains("Harbor Coding Bootcamp");
            assertThat(browser.getPageSource())
                    .doesNotContain(email)
                    .doesNotContain(fromNorthfield.id().toString());
        } finally {
            browser.quit();
        }
    }

    private IssuedCredential issue(UUID organization, String email) {
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        return issuance.issue(
                organization,
                CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS),
                "Browser test",
                null);
    }

    static WebDriverWait wait(org.openqa.selenium.WebDriver browser) {
        return new WebDriverWait(browser, java.time.Duration.ofSeconds(10));
    }

    /** Scrolls without Bootstrap's smooth scrolling, which moves the element while the click lands. */
    static void click(org.openqa.selenium.chrome.ChromeDriver browser, By by) {
        var element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }
}
