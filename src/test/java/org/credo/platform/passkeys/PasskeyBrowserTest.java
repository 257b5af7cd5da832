package org.credo.platform.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A person registers a passkey in a real browser (Chromium's virtual authenticator stands in for
 * the device), signs out, signs in with the passkey alone (also while strangers' guesses pause their
 * password, not while they are deactivated), and deletes it; each change reaches the audit trail.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyBrowserTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    ChromeDriver browser;
    VirtualAuthenticator authenticator;

    @BeforeAll
    void start() {
        browser = Browser.start();
        authenticator = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
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

    UUID newPerson(String email, String name) {
        var personId = UUID.randomUUID();
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(DemoData.ORGANIZATION)
                .query(UUID.class)
                .single();
        jdbc.sql(
                        "INSERT INTO person (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(personId, email, name, encoder.encode(PASSWORD))
                .update();
        jdbc.sql(
                        "INSERT INTO membership (id, organization_id, person_id, active, created_at) VALUES (?, ?, ?, true, CURRENT_TIMESTAMP)")
                .params(personId, org, personId)
                .update();
        jdbc.sql("INSERT INTO membership_role (membership_id, role) VALUES (?, 'INSTRUCTOR')")
                .param(personId)
                .update();
        return personId;
    }

    void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition);
    }

    long auditEntries(UUID personId, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor_id = ? AND action = ?")
                .params(personId, action)
                .query(Long.class)
                .single();
    }

    void signOut() {
        browser.findElement(By.id("user-menu")).click();
        var signOut = browser.findElement(By.xpath("//button[normalize-space()='Sign out']"));
        await(signOut::isDisplayed);
        signOut.click();
        await(() -> browser.getPageSource().contains("You are signed out."));
    }

    /** Signs in with a password that is refused, and waits for the form to say so. */
    void typePassword(String email, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await(() -> browser.getCurrentUrl().contains("/login?error="));
    }

    @Test
    void registerSignOutSignInWithThePasskeyAndDeleteIt() {
        var email = "passkey-" + UUID.randomUUID() + "@example.test";
        var personId = newPerson(email, "Pia Passkey");

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await(() -> browser.getPageSource().contains("Welcome"));

        browser.get(url("/account/passkeys"));
        assertThat(browser.findElement(By.id("no-passkeys")).getText()).contains("no passkeys yet");
        browser.findElement(By.id("passkey-label")).sendKeys("Test laptop");
        browser.findElement(By.id("passkey-register-button")).click();
        await(() -> !browser.findElements(By.id("passkey-registered")).isEmpty());
        assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Test laptop", "never");
        assertThat(authenticator.getCredentials()).hasSize(1);
        await(() -> auditEntries(personId, "passkey.registered") == 1);

        signOut();
        browser.findElement(By.id("passkey-sign-in")).click();
        await(() -> browser.getCurrentUrl().equals(url("/")));
        await(() -> browser.getPageSource().contains("Welcome"));
        assertThat(browser.findElement(By.id("user-menu")).getText()).isEqualTo("Pia Passkey");
        assertThat(browser.getPageSource()).contains("Instructor home", "Northfield");

        // Wrong passwords typed by anyone pause password sign-in, but not the passkey (ADR 20).
        signOut();
        for (int i = 0; i < 5; i++) {
            typePassword(email, "a stranger's guess " + i);
        }
        typePassword(email, PASSWORD);
        assertThat(browser.getCurrentUrl()).startsWith(url("/login?error=bad"));
        browser.findElement(By.id("passkey-sign-in")).click();
        await(() -> browser.getCurrentUrl().equals(url("/")));

        // A deactivated member is refused with a passkey as with a password.
        signOut();
        jdbc.sql("UPDATE membership SET active = false WHERE person_id = ?")
                .param(personId)
                .update();
        browser.findElement(By.id("passkey-sign-in")).click();
        await(() -> browser.findElement(By.id("passkey-error")).isDisplayed());
        assertThat(browser.getCurrentUrl()).startsWith(url("/login"));
        jdbc.sql("UPDATE membership SET active = true WHERE person_id = ?")
                .param(personId)
                .update();
        browser.findElement(By.id("passkey-sign-in")).click();
        await(() -> browser.getCurrentUrl().equals(url("/")));

        browser.get(url("/account/passkeys"));
        var row = browser.findElement(By.id("passkeys")).getText();
        assertThat(row).contains("Test laptop").doesNotContain("never");
        browser.findElement(By.xpath("//button[normalize-space()='Delete']")).click();
        browser.switchTo().alert().accept();
        await(() -> browser.getPageSource().contains("deleted; it no longer signs you in"));
        assertThat(browser.findElements(By.id("no-passkeys"))).hasSize(1);
        await(() -> auditEntries(personId, "passkey.deleted") == 1);
    }
}
