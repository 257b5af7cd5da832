package org.credo.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.catalog.CatalogFixtures;
import org.credo.learners.record.LearnerContacts;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.credo.platform.demo.DemoData;
import org.credo.registration.enrollment.Enrollments;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.instructor.Instructor;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.TermDraft;
import org.credo.scheduling.term.Terms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A learner of the test's own, in a small certificate of the test's own (one required course and a choice of one of
 * two electives), is enrolled in the required course and one elective in a term of its own taught by the demo
 * instructor. The learner's progress page says the program completes once current courses pass; the instructor
 * signs in, enters passing grades on the grade roster of each section and submits them; the learner's progress page
 * then says the program is complete with every requirement met. Screenshots at 1366 and 390 px in
 * target/screenshots/progress-*.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradesToAuditBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String PASSWORD = "grades-audit-Passw0rd!";

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @LocalServerPort
    int port;

    @Autowired
    org.credo.LearnerAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LearnerContacts records;

    @Autowired
    Terms terms;

    @Autowired
    Sections sections;

    @Autowired
    Instructors instructors;

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
    void anInstructorPostsPassingGradesAndTheLearnersAuditTurnsComplete() throws IOException {
        var catalog = new CatalogFixtures(jdbc);
        var org = catalog.northfield();
        var subject = subject();
        var core = subject + " 101";
        var elective = subject + " 201";
        var since = LocalDate.now().minusDays(1);
        for (var number : List.of("101", "201", "202")) {
            catalog.courseVersion(
                    catalog.course(org, subject, number),
                    1,
                    since,
                    "Audit studies " + number,
                    "A course of the grades-to-audit test.",
                    null,
                    false);
        }
        // A program with a chosen requirement goes through the catalog's approval flow in the product; the test
        // publishes its version the way the catalog's own tests do (CatalogFixtures).
        var program = catalog.program(org, "GTA-" + subject);
        catalog.programVersion(
                program, 1, since, CatalogFixtures.ProgramContent.certificate("Audit Studies " + subject, """
                        {"type":"all","label":"Certificate requirements","items":[\
                        {"type":"course","course":"%s 101"},\
                        {"type":"choose","label":"Elective","count":1,"items":[\
                        {"type":"course","course":"%s 201"},{"type":"course","course":"%s 202"}]}]}""".formatted(
                                subject, subject, subject)));

        var email = "grades-audit-" + UUID.randomUUID() + "@example.test";
        var learner = learnerWithSignIn(org, email, program);
        var ines = instructors.all(org).stream()
                .filter(i -> i.email().equalsIgnoreCase(DemoData.email(Role.INSTRUCTOR)))
                .map(Instructor::personId)
                .findFirst()
                .orElseThrow();
        var term = term(org);
        var coreSection = section(org, term, core, ines);
        var electiveSection = section(org, term, elective, ines);
        var registrar = new Enrollments.Actor(null, "Registrar", true);
        var coreEnrollment = enrollments
                .add(org, learner, coreSection, registrar, "Placed for the test")
                .id();
        var electiveEnrollment = enrollments
                .add(org, learner, electiveSection, registrar, "Placed for the test")
                .id();

        signIn(email, PASSWORD);
        browser.get(url("/progress"));
        assertThat(text("overall")).isEqualTo("Complete once current courses pass");
        assertThat(text("requirements"))
                .contains("Certificate requirements")
                .contains("Elective")
                .contains("In progress")
                .doesNotContain("Met");
        assertThat(text("courses")).contains(core).contains(elective).contains("in progress");
        shoot("in-progress");

        signIn(DemoData.email(Role.INSTRUCTOR), DemoData.PASSWORD);
        grade(coreSection, coreEnrollment, "A", core);
        shoot("grades-submitted");
        grade(electiveSection, electiveEnrollment, "B+", elective);

        signIn(email, PASSWORD);
        browser.get(url("/progress"));
        assertThat(text("overall")).isEqualTo("Complete");
        var requirements = text("requirements");
        assertThat(requirements).doesNotContain("In progress").doesNotContain("Not met");
        assertThat(browser.findElements(By.cssSelector("#requirements li .badge")))
                .isNotEmpty()
                .allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("Met"));
        assertThat(text("courses")).contains(core).contains(elective).doesNotContain("in progress");
        assertThat(text("gpa")).isEqualTo("3.65");
        shoot("complete");
    }

    /** Opens the roster of a section the instructor teaches, enters the grade and submits. */
    private void grade(UUID section, UUID enrollment, String grade, String course) {
        browser.get(url("/teach/sections/" + section + "/grades"));
        assertThat(text("grades")).contains("Gil Grades").contains("Not graded");
        assertThat(text("grades-due")).isNotBlank();
        browser.findElement(By.id("grade-" + enrollment)).sendKeys(grade);
        browser.findElement(By.id("submit-grades")).click();
        assertThat(text("notice")).isEqualTo("1 grades submitted; learners see them now.");
        assertThat(text("grades")).contains("Submitted");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(course);
    }

    /** A subject code of letters only, new to the catalog. */
    private static String subject() {
        var random = ThreadLocalRandom.current();
        var code = new StringBuilder("GA");
        for (int i = 0; i < 4; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }

    /**
     * A term of its own, 390 days ahead so that it never becomes Northfield's current term, whose final grades are due
     * long after today, with registration open since yesterday.
     */
    private UUID term(UUID org) {
        var start = LocalDate.now().plusDays(390);
        var code = "GA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var term = terms.save(
                org,
                null,
                new TermDraft(
                        code,
                        "Grades to audit test " + code,
                        start.plusDays(10),
                        start.plusDays(120),
                        List.of(new TermDraft.PartDraft(
                                PartOfTerm.FULL,
                                start.plusDays(10),
                                start.plusDays(110),
                                start.plusDays(20),
                                start.plusDays(30),
                                start.plusDays(80),
                                start.plusDays(25),
                                start.plusDays(125)))));
        jdbc.sql("INSERT INTO registration_window (term_id, organization_id, opens_at, max_credits, offer_hours)"
                        + " VALUES (?, ?, ?, ?, 48)")
                .params(term.id(), org, Timestamps.sql(Instant.now().minus(1, ChronoUnit.DAYS)), new BigDecimal("18"))
                .update();
        return term.id();
    }

    /** An open section of the course taught by the instructor, with no meeting. */
    private UUID section(UUID org, UUID term, String course, UUID instructor) {
        var section = sections.create(
                org,
                term,
                new SectionDraft(
                        course, PartOfTerm.FULL, "01", 10, 0, DeliveryMode.ONLINE, List.of(instructor), null, null));
        sections.changeStatus(org, section.id(), SectionStatus.OPEN, null);
        return section.id();
    }

    /** A person of the test's own with a password, a learner in the program, with a learner record of their own. */
    private UUID learnerWithSignIn(UUID org, String email, UUID program) {
        return accounts.create(org, "Gil", "Grades", email, PASSWORD, program);
    }

    private String text(String id) {
        return await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id(id)).getText(), t -> !t.isBlank());
    }

    private void signIn(String email, String password) {
        Browser.signIn(browser, port, email, password);
    }

    private void shoot(String name) throws IOException {
        Browser.shoot(browser, "progress", name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
