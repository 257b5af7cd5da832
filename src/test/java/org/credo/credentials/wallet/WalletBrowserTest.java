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
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An earner follows the emailed link in a real browser, opens the wallet, the credential, and shares it. */
@CredoTest
class WalletBrowserTest {

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
    void anEarnerOpensTheWalletFromTheEmailAndSharesTheCredential() {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var credential = issuance.issue(
                organization,
                CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS),
                "Browser test",
                null);
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");

        var browser = Browser.start();
        try {
            browser.get("http://localhost:" + port + link);
            browser.findElement(By.id("open-wallet")).click();
            assertThat(browser.findElement(By.id("wallet-credentials")).getText())
                    .contains(credential.achievementName());

            browser.findElement(By.partialLinkText(credential.achievementName()))
                    .click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(credential.achievementName());
            assertThat(browser.findElement(By.id("download-pdf")).getAttribute("href"))
                    .endsWith("/wallet/credentials/" + credential.id() + ".pdf");
            assertThat(browser.findElement(By.id("linkedin")).getAttribute("href"))
                    .startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");

            click(browser, By.id("share-toggle"));
            var shareUrl = browser.findElement(By.id("share-url")).getText();
            assertThat(shareUrl).endsWith("/share/" + credential.id());
            browser.get("http://localhost:" + port + "/share/" + credential.id());
            assertThat(browser.getPageSource()).contains("Leo Learner").doesNotContain(email);

            browser.get("http://localhost:" + port + link);
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("does not open a wallet");
        } finally {
            browser.quit();
        }
    }

    /** Scrolls without Bootstrap's smooth scrolling, which moves the element while the click lands. */
    static void click(org.openqa.selenium.chrome.ChromeDriver browser, By by) {
        var element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }
}
