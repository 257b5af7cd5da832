package org.credo.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.registration.enrollment.Enrollments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A learner builds a schedule in a browser: is refused for a missing prerequisite with what to do, registers for
 * another section, joins a full section's waitlist, gets the offer email when another learner drops, and takes the
 * seat. Screenshots at 1366 and 390 px in target/screenshots/registration-*.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @LocalServerPort
    int port;

    @Autowired
    RegistrationFixture fixture;

    @Autowired
    Enrollments enrollments;

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
    void aLearnerIsRefusedJoinsAWaitlistAndTakesTheOfferedSeat() throws IOException {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var mw = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        var tt = Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        fixture.openSection(term, "DATA 101", "01", 10, 5, mw, LocalTime.of(9, 0));
        var full = fixture.openSection(term, "DATA 201", "01", 1, 3, tt, LocalTime.of(14, 0));
        fixture.openSection(term, "DATA 350", "01", 10, 5, mw, LocalTime.of(15, 0));
        var seated = fixture.learner("Seated");
        enrollments.add(org, seated, full, new Enrollments.Actor(null, "Registrar", true), "Placed for the test");

        signIn();
        browser.get(url("/registration?term=" + term));
        assertThat(text("empty-schedule")).contains("not registered for any section");
        search("DATA 350");
        assertThat(text("results")).contains("DATA 350 needs");
        browser.findElement(By.cssSelector("#results form button")).click();
        assertThat(text("refusal")).contains("Registration refused").contains("What to do");
        shoot("refused");

        search("DATA 101");
        browser.findElement(By.cssSelector("#results form button")).click();
        assertThat(text("schedule")).contains("DATA 101-01");
        assertThat(text("week")).contains("Monday").contains("9:00");
        shoot("registered");

        search("DATA 201");
        assertThat(text("results")).contains("0 open");
        browser.findElement(By.xpath("//button[normalize-space()='Join waitlist']"))
                .click();
        assertThat(text("waitlists")).contains("number 1 on the waitlist");
        shoot("waitlisted");

        enrollments.drop(org, seated, full, new Enrollments.Actor(null, "Seated learner", false));
        var offer = Mailbox.awaitMessageTo(mail, DemoData.email(Role.LEARNER), "A seat is yours in DATA 201-01");
        assertThat(Mailbox.link(offer, "/registration")).contains("term=" + term);

        browser.get(url("/registration?term=" + term));
        assertThat(text("waitlists")).contains("a seat is yours until");
        browser.findElement(By.xpath("//button[normalize-space()='Register now']"))
                .click();
        assertThat(text("schedule")).contains("DATA 201-01");
        assertThat(browser.findElements(By.id("waitlists"))).isEmpty();
        shoot("offer-taken");
    }

    private void search(String words) {
        var q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys(words);
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> text("results").contains(words));
    }

    private String text(String id) {
        return await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id(id)).getText(), t -> !t.isBlank());
    }

    private void signIn() {
        Browser.signIn(browser, port, DemoData.email(Role.LEARNER), DemoData.PASSWORD);
    }

    private void shoot(String name) throws IOException {
        Browser.shoot(browser, "registration", name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
