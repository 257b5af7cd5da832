package org.credo.credentials.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An author uploads a picture for an achievement in a real browser and sees it on the achievement's page. */
@CredoTest
class AchievementPictureBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Achievements achievements;

    @Test
    void anAuthorUploadsAPictureAndSeesItOnTheAchievementPage() throws Exception {
        var achievement = CredentialFixtures.publishedAchievement(achievements, CredentialFixtures.northfield(jdbc));
        var file = Files.createTempFile("badge", ".png");
        Files.write(file, AchievementPicturesTest.png(new Color(0x1d4e89), 120, 120));
        var browser = Browser.start();
        try {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("email")).sendKeys(DemoData.email(Role.CURRICULUM_AUTHOR));
            browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !browser.getCurrentUrl().contains("/login"));
            browser.get("http://localhost:" + port + "/manage/achievements/" + achievement.id());
            assertThat(browser.findElements(By.cssSelector("img.achievement-picture")))
                    .isEmpty();

            browser.findElement(By.id("image")).sendKeys(file.toAbsolutePath().toString());
            browser.findElement(By.xpath("//button[normalize-space()='Upload picture']"))
                    .click();

            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .contains("Picture saved");
            var picture = browser.findElement(By.cssSelector("img.achievement-picture"));
            assertThat(picture.getAttribute("alt"))
                    .isEqualTo("Badge of " + achievement.content().name());
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() ->
                            ((Number) browser.executeScript("return arguments[0].naturalWidth;", picture)).intValue()
                                    == 120);
            assertThat(browser.getPageSource()).contains("An uploaded PNG, 120 × 120 pixels.");
        } finally {
            browser.quit();
            Files.deleteIfExists(file);
        }
    }
}
