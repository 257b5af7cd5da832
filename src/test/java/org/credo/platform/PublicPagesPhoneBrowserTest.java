package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.signing.Cryptosuite;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public pages on a phone 390 px wide, in a real browser: nothing scrolls sideways (long ids, URLs and JSON wrap),
 * the header names the organization, and the menu button opens the navigation.
 */
@CredoTest
class PublicPagesPhoneBrowserTest {

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

    @Test
    void publicPagesFitAPhoneAndTheirMenuOpens() {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "phone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var credential = issuance.issue(
                organization, CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS), "Test", null);
        credentials.share(credential.id(), true);

        var browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            var js = (JavascriptExecutor) browser;
            // The viewport may be a little narrower than the window; the page must fit the viewport it has.
            for (var page : List.of(
                    "/catalog",
                    "/catalog/programs/CERT-DA",
                    "/verify/" + credential.id(),
                    "/share/" + credential.id())) {
                browser.get("http://localhost:" + port + page);
                var width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                var viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
                assertThat(viewport).as(page).isLessThanOrEqualTo(390);
                assertThat(width).as(page + " scrolls sideways").isLessThanOrEqualTo(viewport);
                assertThat(browser.findElement(By.cssSelector(".navbar-brand")).getText())
                        .as(page)
                        .isEqualTo(jdbc.sql("SELECT name FROM organization WHERE slug = 'northfield'")
                                .query(String.class)
                                .single());

                var menu = browser.findElement(By.id("mainNav"));
                assertThat(menu.isDisplayed()).as(page).isFalse();
                browser.findElement(By.cssSelector(".navbar-toggler")).click();
                new WebDriverWait(browser, Duration.ofSeconds(5))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Verify")));
                assertThat(browser.findElement(By.cssSelector(".navbar-toggler"))
                                .getAttribute("aria-expanded"))
                        .as(page)
                        .isEqualTo("true");
            }
        } finally {
            browser.quit();
        }
    }
}
