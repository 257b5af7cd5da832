package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An earner registers a passkey on the wallet's account page in a real browser (Chromium's virtual authenticator
 * stands in for the phone), leaves the wallet, opens it again with the passkey alone, and removes it after being
 * asked once; each step reaches the home organization's audit trail.
 */
@CredoTest
class EarnerPasskeyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Earners earners;

    @Autowired
    EarnerLinks links;

    @Test
    void anEarnerRegistersAPasskeySignsInWithItAndRemovesIt() {
        var email = "browser-passkey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var account = earners.openByClaim(email, "Bea Browser", CredentialFixtures.northfield(jdbc));
        var base = "http://localhost:" + port;

        var browser = Browser.start();
        try {
            var authenticator = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true));
            browser.get(base + "/wallet/sign-in/" + links.issue(EarnerLinks.Purpose.SIGN_IN, email, null));
            browser.findElement(By.id("open-wallet")).click();
            await(() -> browser.getCurrentUrl().equals(base + "/wallet"));

            browser.get(base + "/wallet/account");
            assertThat(browser.findElement(By.id("no-passkeys")).getText()).contains("no passkeys yet");
            browser.findElement(By.id("passkey-label")).sendKeys("Test phone");
            EarnerBrowserTest.click(browser, By.id("passkey-register-button"));
            await(() -> !browser.findElements(By.id("passkey-registered")).isEmpty());
            assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Test phone", "never");
            assertThat(authenticator.getCredentials()).hasSize(1);

            browser.get(base + "/wallet");
            EarnerBrowserTest.click(browser, By.xpath("//button[normalize-space()='Leave wallet']"));
            await(() -> browser.getCurrentUrl().startsWith(base + "/wallet/sign-in"));
            EarnerBrowserTest.click(browser, By.id("passkey-sign-in"));
            await(() -> browser.getCurrentUrl().equals(base + "/wallet"));
            assertThat(browser.findElement(By.id("wallet-emails")).getText()).contains(email);

            browser.get(base + "/wallet/account");
            assertThat(browser.findElement(By.id("passkeys")).getText()).doesNotContain("never");
            EarnerBrowserTest.click(browser, By.xpath("//button[normalize-space()='Remove']"));
            assertThat(browser.switchTo().alert().getText()).contains("Remove the passkey Test phone?");
            browser.switchTo().alert().accept();
            await(() -> browser.getPageSource().contains("removed; it no longer opens your wallet"));
            assertThat(browser.findElements(By.id("no-passkeys"))).hasSize(1);

            for (var action :
                    new String[] {"earner.passkey-registered", "earner.signed-in-with-passkey", "earner.passkey-removed"
                    }) {
                await(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                                .params(account.id().toString(), action)
                                .query(Long.class)
                                .single()
                        == 1);
            }
        } finally {
            browser.quit();
        }
    }

    static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(condition);
    }
}
