package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each demo login signs in through a real browser and lands on its role's home page. */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleHomePagesBrowserTest {

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

    void signIn(String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // The sign-in redirect must land first, or it can replace the page a test asks for next.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Welcome")
                        || !browser.findElements(By.id("signin-error")).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void demoLoginSeesItsRoleHome(Role role) {
        signIn(DemoData.email(role), DemoData.PASSWORD);
        var card = browser.findElement(By.cssSelector("[data-role=" + role.name() + "] h2"));
        assertThat(card.getText()).isEqualTo(role.label() + " home");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome");
        browser.findElement(By.id("user-menu")).click();
        var signOut = browser.findElement(By.xpath("//button[normalize-space()='Sign out']"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(signOut::isDisplayed);
        signOut.click();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> browser.getPageSource().contains("You are signed out."));
    }

    @Test
    void wrongPasswordShowsTheReasonAndKeepsTheEmail() {
        signIn(DemoData.email(Role.BURSAR), "not the password");
        assertThat(browser.findElement(By.id("signin-error")).getText()).contains("email or password is wrong");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(DemoData.email(Role.BURSAR));
    }

    @Test
    void administratorSearchesPeopleWithHtmx() {
        signIn(DemoData.email(Role.ADMINISTRATOR), DemoData.PASSWORD);
        browser.get(url("/admin/users"));
        browser.findElement(By.id("q")).sendKeys("Bea");
        // htmx swaps the table body as results arrive: a row read during a swap may be stale, so read again.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#members tbody tr")))
                        .isNotEmpty()
                        .allSatisfy(row -> assertThat(row.getText()).containsIgnoringCase("Bea"))
                        .anySatisfy(row -> assertThat(row.getText()).contains("Bea Bursar")));
    }

    @Test
    void unknownPageShowsAFriendly404WithoutDetails() {
        signIn(DemoData.email(Role.LEARNER), DemoData.PASSWORD);
        browser.get(url("/no/such/page"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
