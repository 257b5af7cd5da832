package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The registrar schedules a section of Spring 2027 with a meeting, sees as they type and after saving that its room is
 * taken, and moves it to a free room; the instructor sees their sections. The registrar pins a section of a small
 * term, runs the solver on the term, reads what would change per section and accepts it. Screenshots of the pages.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingPagesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Sections sections;

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
    void theRegistrarSchedulesASectionSeesTheRoomConflictAndFixesIt() throws IOException {
        signIn(Role.REGISTRAR);
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .containsIgnoringCase("Scheduling SP27 · Spring 2027");
        browser.get(url("/manage/scheduling/terms"));
        shoot("terms");
        click(By.linkText("SP27 · Spring 2027"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("SP27"));
        assertThat(browser.findElement(By.id("section-list")).getText())
                .contains("DATA 101-01")
                .contains("CS 101-L1");
        shoot("term");

        // A free room of its own, added on the rooms page, so that the test can run again on the same database.
        var termUrl = browser.getCurrentUrl();
        var freeRoom = SchedulingFixtures.unique("R").substring(0, 5);
        browser.get(url("/manage/scheduling/rooms"));
        new Select(browser.findElement(By.id("buildingId")))
                .getOptions().stream()
                        .filter(o -> o.getText().startsWith("SCI "))
                        .findFirst()
                        .orElseThrow()
                        .click();
        browser.findElement(By.id("number")).sendKeys(freeRoom);
        browser.findElement(By.id("capacity")).sendKeys("45");
        click(By.id("save-room"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("room-list")).getText().contains("SCI " + freeRoom));
        shoot("rooms");
        browser.get(termUrl);
        click(By.id("new-section"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("New section"));
        // A number of its own, so that the test can run again on the same database.
        var label = "DATA 301-" + SchedulingFixtures.unique("B").substring(0, 5);
        browser.findElement(By.id("courseCode")).sendKeys("DATA 301");
        var number = browser.findElement(By.id("number"));
        number.clear();
        number.sendKeys(label.substring("DATA 301-".length()));
        click(By.id("save-section"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith(label));

        click(By.cssSelector("#meeting-form input[value=MONDAY]"));
        click(By.cssSelector("#meeting-form input[value=WEDNESDAY]"));
        time("startsAt", "09:00");
        time("endsAt", "10:15");
        room("SCI 101");
        // Checked as the registrar types: the room is taken by DATA 101-01.
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        browser.findElement(By.id("check-conflicts")).getText().contains("SCI 101 is booked twice"));
        shoot("section-typing");
        click(By.id("save-meeting"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        browser.findElement(By.id("conflict-list")).getText().contains("Room double-booked"));
        assertThat(browser.findElement(By.id("conflict-list")).getText()).contains("DATA 101-01");
        shoot("section-conflict");

        click(By.linkText("Change"));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        browser.findElement(By.id("save-meeting")).getText().equals("Save meeting"));
        room("SCI " + freeRoom);
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("check-clear")).isDisplayed());
        click(By.id("save-meeting"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("no-conflicts")).isDisplayed());
        assertThat(browser.findElement(By.id("meeting-list")).getText())
                .contains("Mon Wed 09:00–10:15")
                .contains("SCI " + freeRoom);
        shoot("section-fixed");

        click(By.linkText("SP27 · Spring 2027"));
        click(By.id("conflict-report"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("Conflicts"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(label);
        shoot("conflicts");
        browser.get(url("/manage/scheduling/instructors"));
        shoot("instructors");

        signIn(Role.INSTRUCTOR);
        browser.get(url("/teach/sections"));
        assertThat(browser.findElement(By.id("my-sections")).getText())
                .contains("DATA 101-01")
                .doesNotContain("CS 101");
        shoot("instructor-sections");
    }

    @Test
    void theRegistrarPinsASectionRunsTheSolverOnTheTermAndAcceptsItsTimetable() throws IOException {
        var fixtures = new SchedulingFixtures(context);
        var northfield = fixtures.northfield();
        var term = fixtures.term(northfield, LocalDate.of(2034, 1, 9));
        var room = fixtures.room(northfield, 40);
        var pinnedCourse = fixtures.course(northfield, "3");
        var other = sections.create(
                northfield,
                term.id(),
                new SectionDraft(
                        fixtures.course(northfield, "3"),
                        PartOfTerm.FULL,
                        "01",
                        30,
                        0,
                        DeliveryMode.IN_PERSON,
                        List.of(fixtures.instructor(northfield, "Edsger Dijkstra")),
                        null,
                        null));

        signIn(Role.REGISTRAR);
        browser.get(url("/manage/scheduling/terms/" + term.id()));
        click(By.id("new-section"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("New section"));
        browser.findElement(By.id("courseCode")).sendKeys(pinnedCourse);
        var number = browser.findElement(By.id("number"));
        number.clear();
        number.sendKeys("01");
        click(By.id("save-section"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith(pinnedCourse + "-01"));
        click(By.cssSelector("#meeting-form input[value=TUESDAY]"));
        click(By.cssSelector("#meeting-form input[value=THURSDAY]"));
        time("startsAt", "09:30");
        time("endsAt", "10:45");
        new Select(browser.findElement(By.id("roomId")))
                .getOptions().stream()
                        .filter(o -> o.getText().startsWith(room.name() + " "))
                        .findFirst()
                        .orElseThrow()
                        .click();
        click(By.id("save-meeting"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        browser.findElement(By.id("meeting-list")).getText().contains("Tue Thu 09:30–10:45"));
        click(By.id("pin-section"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("pinned-badge")).isDisplayed());
        shoot("timetabling-pinned-section");

        browser.get(url("/manage/scheduling/timetabling"));
        new Select(browser.findElement(By.id("termId"))).selectByValue(term.id().toString());
        var limit = browser.findElement(By.id("termTimeLimitSeconds"));
        limit.clear();
        limit.sendKeys("2");
        shoot("timetabling-start");
        click(By.id("start-term-run"));
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("run-status")).getText().equals("Finished"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("change-list")).isDisplayed());
        assertThat(browser.findElement(By.id("best-hard")).getText()).isEqualTo("0");
        var changes = browser.findElement(By.id("change-list")).getText();
        assertThat(changes).contains(pinnedCourse + "-01").contains("Pinned").contains(other.label());
        browser.executeScript("document.getElementById('changes').scrollIntoView()");
        shoot("timetabling-changes");

        click(By.id("accept-all"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("main")).getText().contains("Accepted the solver's"));
        assertThat(sections.find(northfield, other.id()).meetings()).isNotEmpty();
        shoot("timetabling-accepted");
    }

    /**
     * Clicks as the page's own script would, after scrolling to the element: the window was just resized for a
     * screenshot, and Chromium sometimes reports a covered point at its bottom edge.
     */
    void click(By by) {
        var element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    void time(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        browser.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input,
                value);
    }

    void room(String name) {
        var select = new Select(browser.findElement(By.id("roomId")));
        select.getOptions().stream()
                .filter(o -> o.getText().startsWith(name + " "))
                .findFirst()
                .orElseThrow()
                .click();
    }

    void shoot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            var png = browser.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve("scheduling-" + name + "-" + width + ".png"), png);
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
