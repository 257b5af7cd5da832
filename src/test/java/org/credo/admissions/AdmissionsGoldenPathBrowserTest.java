package org.credo.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.admissions.cycle.Cycle;
import org.credo.admissions.cycle.CycleRequest;
import org.credo.admissions.cycle.CycleStatus;
import org.credo.admissions.cycle.Cycles;
import org.credo.admissions.form.FieldType;
import org.credo.admissions.form.FormDefinition;
import org.credo.admissions.form.FormField;
import org.credo.admissions.form.Forms;
import org.credo.catalog.Catalog;
import org.credo.platform.Organizations;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admissions golden path in two real browsers: an applicant finds a program in the public catalog, signs up,
 * confirms the emailed link, fills and submits an application with a PDF; the admissions officer reads, scores,
 * admits and releases; the applicant reads the decision and its letter, accepts, and sees their learner number.
 * Only the open cycle and its published form are set up through the facades. Screenshots go to {@code
 * target/screenshots/golden-*.png}.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionsGoldenPathBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Catalog catalog;

    @Autowired
    Cycles cycles;

    @Autowired
    Forms forms;

    ChromeDriver applicant;
    ChromeDriver officer;

    @BeforeAll
    void start() {
        applicant = Browser.start();
        officer = Browser.start();
    }

    @AfterAll
    void stop() {
        for (var browser : new ChromeDriver[] {applicant, officer}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void anApplicantIsAdmittedAcceptsAndBecomesALearner() throws IOException {
        var started = System.nanoTime();
        var suffix = Long.toString(System.currentTimeMillis() % 1_000_000L);
        var org = organizations.findBySlug("northfield").orElseThrow();
        var program = catalog.programs(org.id(), LocalDate.now(ZoneId.of(org.timeZone())))
                .get(0);
        var cycle = openCycle(org.id(), program, suffix);
        var email = "golden-" + suffix + "-" + System.nanoTime() % 1000 + "@example.test";
        var name = "Gloria Golden " + suffix;

        // 1. The public program page, "Apply online", sign-up, the emailed link, confirmation.
        applicant.get(url("/catalog/" + org.slug() + "/programs/" + program.code()));
        assertThat(applicant.findElement(By.tagName("h1")).getText()).contains(program.name());
        shoot(applicant, "program-page");
        click(applicant, applicant.findElement(By.id("apply-online")));
        assertThat(applicant.findElement(By.tagName("h1")).getText()).isEqualTo("Apply to " + org.name());
        assertThat(mainShowing(applicant, program.name())).contains(program.name());
        applicant.findElement(By.id("name")).sendKeys(name);
        applicant.findElement(By.id("email")).sendKeys(email);
        applicant.findElement(By.id("password")).sendKeys("golden path correct horse");
        shoot(applicant, "sign-up");
        click(applicant, applicant.findElement(By.cssSelector("#sign-up button[type=submit]")));
        assertThat(mainShowing(applicant, email)).contains(email);
        shoot(applicant, "sign-up-sent");

        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/apply/sign-up/verify");
        applicant.get(url(link));
        assertThat(applicant.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your email");
        assertThat(applicant.findElement(By.id("confirm")).getText()).contains(email);
        shoot(applicant, "confirm");
        click(applicant, applicant.findElement(By.cssSelector("#confirm button[type=submit]")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> applicant.getCurrentUrl().endsWith("/apply"));
        assertThat(applicant.findElement(By.tagName("h1")).getText()).isEqualTo("My applications");
        assertThat(applicant.findElement(By.id("no-applications")).isDisplayed())
                .isTrue();
        shoot(applicant, "apply-home");

        // 2. Start an application to the open cycle, answer, upload a PDF, save, see the checklist complete, submit.
        var row = applicant.findElement(
                By.xpath("//table[@id='open-cycles']//tr[.//div[normalize-space()='" + cycle.name() + "']]"));
        click(applicant, row.findElement(By.cssSelector("button[type=submit]")));
        assertThat(applicant.findElement(By.tagName("h1")).getText()).isEqualTo(program.name());
        assertThat(mainShowing(applicant, "Started application")).contains("Started application");
        var number = applicant
                .findElement(By.cssSelector(".breadcrumb-item.active"))
                .getText()
                .trim();
        assertThat(applicant.findElement(By.id("checklist")).getText()).contains("0 of 6 done");
        applicant.findElement(By.id("q-given_name")).sendKeys("Gloria");
        applicant.findElement(By.id("q-family_name")).sendKeys("Golden " + suffix);
        applicant
                .findElement(By.id("q-statement"))
                .sendKeys("I want to study " + program.name() + " to move from the laboratory bench to analysis.");
        new Select(applicant.findElement(By.id("q-study_mode"))).selectByVisibleText("Part time");
        click(applicant, applicant.findElement(By.cssSelector("label[for='q-prior_degree-no']")));
        click(applicant, applicant.findElement(By.cssSelector("#answers-form button[value=save]")));
        assertThat(mainShowing(applicant, "Saved your answers.")).contains("Saved your answers.");
        assertThat(applicant.findElement(By.id("q-statement")).getAttribute("value"))
                .startsWith("I want to study");
        assertThat(applicant.findElement(By.id("checklist")).getText()).contains("5 of 6 done");

        applicant
                .findElement(By.id("q-transcript"))
                .sendKeys(transcript().toAbsolutePath().toString());
        click(applicant, applicant.findElement(By.cssSelector("button[form='upload-transcript']")));
        assertThat(applicant.findElement(By.id("question-transcript")).getText())
                .contains("Uploaded: golden-transcript.pdf");
        assertThat(applicant.findElement(By.id("checklist")).getText()).contains("6 of 6 done");
        assertThat(applicant
                        .findElement(By.cssSelector("#checklist .progress-bar"))
                        .getAttribute("class"))
                .contains("bg-success");
        assertThat(applicant.findElement(By.id("q-given_name")).getAttribute("value"))
                .isEqualTo("Gloria");
        shoot(applicant, "application-complete");
        click(applicant, applicant.findElement(By.cssSelector("#answers-form button[value=submit]")));
        assertThat(mainShowing(applicant, "Submitted application " + number))
                .contains("Submitted application " + number)
                .contains("Submitted");
        assertThat(applicant.findElements(By.id("answers-form"))).isEmpty();
        assertThat(applicant.findElement(By.id("answers-read")).getText()).contains("golden-transcript.pdf");
        shoot(applicant, "application-submitted");

        // 3. The officer gives the application to themself, scores it on the rubric, submits the read, admits.
        signIn(officer, Role.ADMISSIONS_OFFICER);
        officer.get(url("/manage/admissions/reviews"));
        var waiting =
                officer.findElement(By.xpath("//table[@id='waiting']//tr[td[normalize-space()='" + number + "']]"));
        assertThat(waiting.getText()).contains("Gloria Golden " + suffix);
        new Select(waiting.findElement(By.name("readerId")))
                .selectByVisibleText(officerReaderOption(waiting.findElement(By.name("readerId"))));
        shoot(officer, "reviews-waiting");
        click(officer, waiting.findElement(By.cssSelector("button[type=submit]")));
        assertThat(mainShowing(officer, "Gave " + number + " to Adam Admissions."))
                .contains("Gave " + number + " to Adam Admissions.");
        click(officer, officer.findElement(By.linkText(number)));
        assertThat(officer.findElement(By.tagName("h1")).getText())
                .contains(name)
                .contains(number);
        assertThat(officer.findElement(By.id("answers")).getText()).contains("laboratory bench");
        var scores = officer.findElements(By.cssSelector("#score-form input[type=number]"));
        assertThat(scores).isNotEmpty();
        for (var score : scores) {
            score.sendKeys("5");
        }
        officer.findElement(By.id("comments")).sendKeys("Clear goals and a strong transcript.");
        shoot(officer, "read");
        click(officer, officer.findElement(By.cssSelector("#score-form button[type=submit]")));
        assertThat(mainShowing(officer, "Read of " + number + " submitted."))
                .contains("Read of " + number + " submitted.")
                .contains("Weighted score 5.00");

        officer.get(url("/manage/admissions/committee"));
        new Select(officer.findElement(By.id("cycleId"))).selectByVisibleText(cycle.name());
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> officer.findElement(By.id("results")).getText().contains("1 applications"));
        shoot(officer, "committee");
        click(officer, officer.findElement(By.linkText(number)));
        assertThat(officer.findElement(By.id("reads")).getText()).contains("Adam Admissions");
        click(officer, officer.findElement(By.cssSelector("label[for='outcome-ADMIT']")));
        var reason = officer.findElement(By.cssSelector("#reasonCode optgroup[label='Admit'] option"))
                .getAttribute("value");
        new Select(officer.findElement(By.id("reasonCode"))).selectByValue(reason);
        officer.findElement(By.id("note")).sendKeys("Golden path admit.");
        shoot(officer, "decide");
        click(officer, officer.findElement(By.cssSelector("#decision-form button[type=submit]")));
        assertThat(officer.findElement(By.id("current-decision")).getText())
                .contains("Admit")
                .contains(reason)
                .contains("held until released");

        // 4. A release of the cycle, scheduled for tomorrow and released now, confirmed.
        officer.get(url("/manage/admissions/releases"));
        assertThat(officer.findElement(By.id("held")).getText()).contains(cycle.name());
        new Select(officer.findElement(By.id("cycleId"))).selectByVisibleText(cycle.name());
        var tomorrow = Instant.now()
                .plus(1, ChronoUnit.DAYS)
                .atZone(ZoneId.of(org.timeZone()))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        officer.executeScript(
                "arguments[0].value = arguments[1];", officer.findElement(By.id("scheduledAt")), tomorrow);
        click(officer, officer.findElement(By.cssSelector("#schedule-form button[type=submit]")));
        assertThat(mainShowing(officer, "Release of " + cycle.name() + " scheduled."))
                .contains("Release of " + cycle.name() + " scheduled.");
        var release = officer.findElement(
                By.xpath("//table[@id='releases']//tr[td[1][normalize-space()='" + cycle.name() + "'] and .//form]"));
        click(officer, release.findElement(By.cssSelector("input[type=checkbox][name=confirm]")));
        shoot(officer, "release");
        click(officer, release.findElement(By.cssSelector("button[type=submit]")));
        assertThat(mainShowing(officer, "Released 1 decisions")).contains("Released 1 decisions");
        shoot(officer, "released");

        // 5. The applicant sees the decision, opens the letter, accepts and lands on their learner record.
        applicant.get(url("/apply"));
        var card = applicant.findElement(By.id("my-applications"));
        assertThat(card.getText()).contains(program.name()).contains("Admitted");
        shoot(applicant, "admitted");
        click(applicant, card.findElement(By.linkText("See your decision")));
        assertThat(applicant.findElement(By.tagName("h1")).getText()).isEqualTo("Your admission decision");
        assertThat(applicant.findElement(By.id("letter")).getText()).contains("Gloria Golden");
        shoot(applicant, "decision");
        var letter = applicant.findElement(By.partialLinkText("Download the letter"));
        @SuppressWarnings("unchecked")
        var response = (Map<String, Object>) applicant.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({
                  status: r.status,
                  type: r.headers.get('content-type'),
                  disposition: r.headers.get('content-disposition'),
                  magic: String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5)))
                })));""", letter.getAttribute("href"));
        assertThat(response)
                .containsEntry("status", 200L)
                .containsEntry("type", "application/pdf")
                .containsEntry("magic", "%PDF-");
        assertThat((String) response.get("disposition"))
                .startsWith("attachment")
                .contains(number);

        click(applicant, applicant.findElement(By.xpath("//button[normalize-space()='Accept my place']")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> applicant.getCurrentUrl().endsWith("/me/record"));
        assertThat(mainShowing(applicant, "Welcome! You accepted your place"))
                .contains("Welcome! You accepted your place");
        var learnerNumber = applicant.findElement(By.id("learner-number")).getText();
        assertThat(learnerNumber).matches("[A-Za-z0-9-]*\\d{3,}");
        assertThat(applicant.findElement(By.tagName("h1")).getText()).contains("Gloria");
        shoot(applicant, "learner-record");
        applicant.get(url("/apply"));
        assertThat(applicant.findElement(By.id("my-applications")).getText()).contains("Matriculated");
        applicant.get(url("/"));
        shoot(applicant, "home");

        System.out.printf(
                "Golden path: %s admitted as learner %s in %d s%n",
                number,
                learnerNumber,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** A fresh open cycle of the program, on a new intake, with a published form (what the UI is not for here). */
    Cycle openCycle(java.util.UUID org, Catalog.ProgramRecord program, String suffix) {
        var starts = LocalDate.now().plusMonths(4);
        var intake = catalog.scheduleIntake(org, program.programId(), "Golden " + suffix, starts, null);
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var cycle = cycles.create(
                org,
                new CycleRequest(
                        intake,
                        "Golden path " + suffix,
                        now.minus(1, ChronoUnit.DAYS),
                        now.plus(30, ChronoUnit.DAYS),
                        CycleStatus.OPEN,
                        30,
                        null,
                        null));
        forms.saveDraft(
                org,
                cycle.id(),
                new FormDefinition(List.of(
                        field("given_name", "Given name", FieldType.TEXT, null),
                        field("family_name", "Family name", FieldType.TEXT, null),
                        field("statement", "Personal statement", FieldType.LONG_TEXT, null),
                        field("study_mode", "How will you study?", FieldType.CHOICE, List.of("Full time", "Part time")),
                        field("prior_degree", "Do you hold a previous degree?", FieldType.YES_NO, null),
                        new FormField(
                                "transcript",
                                "Transcript (PDF)",
                                FieldType.FILE,
                                true,
                                null,
                                null,
                                null,
                                List.of("application/pdf"),
                                5L * 1024 * 1024))));
        forms.publish(org, cycle.id());
        return cycle;
    }

    static FormField field(String key, String label, FieldType type, List<String> options) {
        return new FormField(key, label, type, true, null, options, null, null, null);
    }

    /** A real one-page PDF. */
    static Path transcript() throws IOException {
        var file = Files.createTempDirectory("golden").resolve("golden-transcript.pdf");
        try (var pdf = new PDDocument()) {
            var page = new PDPage();
            pdf.addPage(page);
            try (var text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 720);
                text.showText("Transcript of Gloria Golden: Statistics A, Chemistry B+");
                text.endText();
            }
            pdf.save(file.toFile());
        }
        return file;
    }

    static String officerReaderOption(WebElement select) {
        return new Select(select)
                .getOptions().stream()
                        .map(WebElement::getText)
                        .filter(t -> t.startsWith("Adam Admissions"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("The officer is not a reader"));
    }

    void shoot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            var png = browser.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve("golden-" + name + "-" + width + ".png"), png);
        }
        browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    /** Clicks an element scrolled to the middle of the window (sticky bars cover the bottom edge). */
    /**
     * The text of the page's main content once it shows the expected words: after a click the old page may still be
     * there, or go away while it is read, so this waits for the page that says them.
     */
    static String mainShowing(ChromeDriver browser, String expected) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(b -> b.findElement(By.tagName("main")).getText().contains(expected));
        return browser.findElement(By.tagName("main")).getText();
    }

    /**
     * Clicks like a person would (scrolled into view first); a link or a button that submits a plain form is followed
     * until the next page has replaced this one, so that nothing after it reads the old page.
     */
    static void click(ChromeDriver browser, WebElement element) {
        var tag = element.getTagName();
        var type = element.getDomAttribute("type");
        boolean htmx = Boolean.TRUE.equals(browser.executeScript(
                "var e = arguments[0], f = e.form;"
                        + " return e.hasAttribute('hx-get') || e.hasAttribute('hx-post')"
                        + " || !!(f && (f.hasAttribute('hx-get') || f.hasAttribute('hx-post')));",
                element));
        boolean navigates = !htmx
                && (tag.equals("a")
                        || (tag.equals("button") && !"button".equals(type))
                        || (tag.equals("input") && "submit".equals(type)));
        var page = browser.findElement(By.tagName("html"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
        if (navigates) {
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
            } catch (org.openqa.selenium.TimeoutException stayed) {
                // The page stayed (the browser refused the form, say): what follows checks what it shows.
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(ChromeDriver browser, Role role) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(DemoData.email(role));
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
    }
}
