package org.credo.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registrar finds a learner by live search and opens the record; the learner sees their hold; screenshots. */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerPagesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

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

    @Test
    void theRegistrarFindsARecordAndTheLearnerSeesTheirHold() throws IOException {
        signIn(Role.REGISTRAR);
        browser.get(url("/manage/learners"));
        shoot("learners-list");
        browser.findElement(By.id("q")).sendKeys("okafor");
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElements(By.cssSelector("#learner-list tbody tr"))
                                .size()
                        == 1);
        browser.findElement(By.linkText("Maya Okafor")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("Maya Okafor"));
        assertThat(browser.findElement(By.id("hold-banner")).getText()).contains("Unpaid balance");
        shoot("learner-record");
        browser.get(url("/manage/learners/new"));
        browser.findElement(By.id("legalGivenName")).sendKeys("Ada");
        browser.findElement(By.cssSelector("#learner-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("family name");
        assertThat(browser.findElement(By.id("legalGivenName")).getAttribute("value"))
                .isEqualTo("Ada");
        shoot("learner-form-errors");
        browser.get(url("/manage/holds"));
        assertThat(browser.findElement(By.id("hold-list")).getText()).contains("Library fines");
        shoot("holds");
        browser.get(url("/manage/holds/types"));
        shoot("hold-types");
        browser.get(url("/"));
        shoot("registrar-home");

        signIn(Role.LEARNER);
        browser.get(url("/me/record"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Library fines")
                .contains("***-**-6789")
                .doesNotContain("123-45-6789");
        shoot("my-record");
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("holds on your record");
        shoot("learner-home");
    }

    void shoot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            var png = browser.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve("learners-" + name + "-" + width + ".png"), png);
        }
        browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(Role role) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(DemoData.email(role));
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
    }
}
