package org.credo.catalog.publiccatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A visitor in a real browser: live search as they type, the program page, and "Apply". */
@CredoTest
class CatalogBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @Test
    void aVisitorFindsAProgramAsTheyTypeAndAppliesToIt() {
        var fixtures = new CatalogFixtures(jdbc);
        var word = "Kestrel" + CatalogFixtures.suffix().toLowerCase();
        var program = fixtures.program(fixtures.northfield(), "BRW-" + word);
        fixtures.programVersion(
                program,
                1,
                LocalDate.now().minusDays(10),
                ProgramContent.certificate(word + " Field Studies", "{\"type\":\"credits\",\"minimum\":3}"));
        index.refreshProgram(program);

        var browser = Browser.start();
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get("http://localhost:" + port + "/catalog");
            browser.findElement(By.id("q")).sendKeys(word.substring(0, 10));
            // The unfiltered list may already show the program: wait for the live search to narrow it down.
            wait.until(driver ->
                    driver.findElements(By.cssSelector("#results .catalog-hit")).size() == 1);
            assertThat(browser.findElement(By.id("results")).getText()).contains(word + " Field Studies");
            wait.until(ExpectedConditions.urlContains("q="));

            browser.findElement(By.linkText(word + " Field Studies")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(word + " Field Studies");
            browser.findElement(By.linkText("Apply")).click();
            assertThat(browser.findElement(By.id("kind-apply")).isSelected()).isTrue();
            browser.findElement(By.id("name")).sendKeys("Bea Browser");
            browser.findElement(By.id("email")).sendKeys("bea-" + word + "@example.test");
            browser.findElement(By.cssSelector("#inquiry button[type=submit]")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
            assertThat(jdbc.sql("SELECT kind FROM catalog_inquiry WHERE program_id = ?")
                            .param(program)
                            .query(String.class)
                            .single())
                    .isEqualTo("APPLY");
        } finally {
            browser.quit();
        }
    }
}
