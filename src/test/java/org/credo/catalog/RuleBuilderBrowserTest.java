package org.credo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A curriculum author builds a course's prerequisites with the visual rule builder (course pickers, a
 * nested group, reordering, the JSON under "Advanced"), meets a validation error that keeps the rule,
 * saves, and the stored rule is the one built.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleBuilderBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void start() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
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

    void signIn(Role role) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(DemoData.email(role));
        browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !browser.getCurrentUrl().contains("/login"));
    }

    WebElement prerequisites() {
        return browser.findElement(By.cssSelector("[data-rule-builder=prerequisites]"));
    }

    WebElement button(String accessibleName) {
        return prerequisites().findElement(By.cssSelector("button[aria-label='" + accessibleName + "']"));
    }

    /** A real click; the element is first scrolled to the middle at once (Bootstrap makes scrolling smooth). */
    void press(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** The course field of the item numbered as the builder numbers it ('1', '2.1'). */
    WebElement courseField(String path) {
        return prerequisites().findElement(By.cssSelector("input[role=combobox][data-path='" + path + "']"));
    }

    String sentence() {
        return prerequisites()
                .findElement(By.cssSelector("[data-rule-sentence]"))
                .getText();
    }

    /** Types into a course picker and waits for the catalog's options. */
    WebElement typeCourse(String path, String typed, String expectedCode) {
        var field = courseField(path);
        press(field);
        field.sendKeys(typed);
        var listbox = browser.findElement(By.id(field.getAttribute("aria-controls")));
        wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                listbox, By.cssSelector("[data-code='" + expectedCode + "']")));
        assertThat(field.getAttribute("aria-expanded")).isEqualTo("true");
        return listbox;
    }

    void screenshot(String name) throws Exception {
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    static Requirement.Course course(String code, String minGrade) {
        return new Requirement.Course(CourseCode.parse(code).orElseThrow(), minGrade);
    }

    @Test
    void anAuthorBuildsPrerequisitesWithTheBuilderAndTheRuleIsStored() throws Exception {
        var number = "4" + (System.nanoTime() % 90 + 10);
        var subject = "RB" + CatalogFixtures.suffix().replaceAll("[^A-Z]", "X");
        var title = "Create " + subject + " " + number + " with the rule builder";

        signIn(Role.CURRICULUM_AUTHOR);
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/manage/catalog/proposals/new?kind=COURSE"));
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("c-subject")).sendKeys(subject);
        browser.findElement(By.id("c-number")).sendKeys(number);
        browser.findElement(By.id("c-title")).sendKeys("Applied Modelling");
        browser.findElement(By.id("c-credits")).sendKeys("3");
        browser.findElement(By.id("c-description")).sendKeys("Models from data.");

        // The JSON is folded away under "Advanced"; the builder starts empty.
        var advanced = prerequisites().findElement(By.cssSelector("details[data-rule-advanced]"));
        assertThat(advanced.getAttribute("open")).isNull();
        assertThat(sentence()).isEqualTo("No prerequisites.");

        press(button("Add a group of requirements to the prerequisites"));
        // The new group's type is focused first: keyboard users choose it before its items.
        assertThat(browser.switchTo().activeElement().getAttribute("data-prop")).isEqualTo("type");

        // First course: found by typing, chosen by clicking.
        var options = typeCourse("0", "DATA 10", "DATA 101");
        press(options.findElement(By.cssSelector("[data-code='DATA 101']")));
        assertThat(courseField("0").getAttribute("value")).isEqualTo("DATA 101");
        new Select(prerequisites().findElement(By.cssSelector("select[data-prop=minGrade][data-path='0']")))
                .selectByValue("C");

        // A nested "any one of" group, its courses chosen with the keyboard.
        press(button("Add a group to the top group"));
        assertThat(new Select(prerequisites().findElement(By.cssSelector("select[data-prop=type][data-path='1']")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Any one of");
        typeCourse("1.0", "MATH 120", "MATH 120");
        courseField("1.0").sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(courseField("1.0").getAttribute("value")).isEqualTo("MATH 120");
        press(button("Add a course to group 2"));
        assertThat(browser.switchTo().activeElement().getAttribute("data-path")).isEqualTo("1.1");
        typeCourse("1.1", "Introduction to Prog", "CS 101");
        courseField("1.1").sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(courseField("1.1").getAttribute("value")).isEqualTo("CS 101");
        assertThat(sentence())
                .isEqualTo("Complete all of: DATA 101 (grade C or better) and (any one of: MATH 120 or CS 101).");

        // Reordering: CS 101 first; the focus stays on the moved item.
        press(button("Move item 2.2 up"));
        assertThat(browser.switchTo().activeElement().getAttribute("aria-label"))
                .isEqualTo("Move item 2.1 down");
        assertThat(sentence())
                .isEqualTo("Complete all of: DATA 101 (grade C or better) and (any one of: CS 101 or MATH 120).");

        // The JSON under "Advanced" is the same rule; invalid JSON there is reported and leaves the builder alone.
        press(advanced.findElement(By.tagName("summary")));
        var textarea = browser.findElement(By.id("c-prerequisites"));
        var built = new Requirement.AllOf(
                null,
                List.of(
                        course("DATA 101", "C"),
                        new Requirement.AnyOf(List.of(course("CS 101", null), course("MATH 120", null)))),
                false);
        assertThat(RequirementJson.parse(textarea.getAttribute("value"), RequirementJson.Kind.PREREQUISITE))
                .isEqualTo(built);
        textarea.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "oops");
        var problem = browser.findElement(By.id("json-problem-prerequisites"));
        assertThat(problem.getText()).startsWith("This is not valid JSON yet");
        assertThat(prerequisites()
                        .findElement(By.cssSelector("[data-rule-notice]"))
                        .isDisplayed())
                .isTrue();
        assertThat(courseField("0").getAttribute("value")).isEqualTo("DATA 101");
        textarea.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        assertThat(problem.getText()).isEmpty();
        assertThat(sentence())
                .isEqualTo("Complete all of: DATA 101 (grade C or better) and (any one of: CS 101 or MATH 120).");
        press(advanced.findElement(By.tagName("summary")));

        // A course typed but not in the catalog: the server refuses it on the field and the rule stays as typed.
        press(button("Add a course to the top group"));
        courseField("2").sendKeys("NOPE 999");
        screenshot("rule-builder-1366");
        press(browser.findElement(By.xpath("//button[normalize-space()='Save draft']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-prerequisites")));
        assertThat(browser.findElement(By.id("err-prerequisites")).getText())
                .contains("names NOPE 999, which is not a course in the catalog");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("prerequisites:");
        assertThat(courseField("2").getAttribute("value")).isEqualTo("NOPE 999");
        assertThat(sentence()).contains("DATA 101 (grade C or better)", "NOPE 999");

        // On a phone the builder fits the width.
        browser.manage().window().setSize(new Dimension(390, 844));
        var width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        var viewport = ((Number) browser.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(width).as("the proposal form scrolls sideways").isLessThanOrEqualTo(viewport);
        browser.executeScript("arguments[0].scrollIntoView({behavior: 'instant'})", prerequisites());
        screenshot("rule-builder-390");
        browser.manage().window().setSize(new Dimension(1366, 900));

        press(button("Remove item 3"));
        assertThat(browser.switchTo().activeElement().getAttribute("aria-label"))
                .isEqualTo("Remove item 2");
        press(browser.findElement(By.xpath("//button[normalize-space()='Save draft']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("proposal-status")));

        // The committee reads the rule in words on the proposal page.
        assertThat(browser.findElement(By.id("rule-prerequisites")).getText())
                .contains("DATA 101 (grade C or better) and (CS 101 or MATH 120)");
        assertThat(browser.findElement(By.id("rule-corequisites")).getText()).contains("None");
        browser.executeScript(
                "arguments[0].scrollIntoView({behavior: 'instant'})", browser.findElement(By.id("rules-in-words")));
        screenshot("rule-builder-proposal");

        var stored = jdbc.sql("SELECT content FROM catalog_proposal WHERE title = ?")
                .param(title)
                .query(String.class)
                .single();
        assertThat(RequirementJson.parse(json.readTree(stored).get("prerequisites"), RequirementJson.Kind.PREREQUISITE))
                .isEqualTo(built);
        assertThat(json.readTree(stored).get("corequisites").isNull()).isTrue();
    }

    @Test
    void aProgramsRequirementsOpenInTheBuilderWithEveryKindOfItem() throws Exception {
        signIn(Role.CURRICULUM_AUTHOR);
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/manage/catalog/proposals/new?kind=PROGRAM&action=MODIFY&item=BSC-DS"));
        var field = browser.findElement(By.cssSelector("[data-rule-builder=requirements]"));
        assertThat(field.findElement(By.cssSelector("[data-rule-sentence]")).getText())
                .isEqualTo("Degree requirements: complete all of: Core (all of: CS 101, DATA 101, MATH 120,"
                        + " MATH 220 (grade C or better) and DATA 390 (grade C or better)), Data tools (any 2 of:"
                        + " DATA 201, DATA 220 or DATA 301) and Upper-level electives (at least 6 credits in DATA or CS"
                        + " courses numbered 300 or above, each with grade C or better).");
        assertThat(field.findElement(By.cssSelector("input[data-prop=count][data-path='1']"))
                        .getAttribute("value"))
                .isEqualTo("2");
        assertThat(field.findElement(By.cssSelector("input[data-prop=subjects][data-path='2']"))
                        .getAttribute("value"))
                .isEqualTo("DATA, CS");

        // Changing one value of the credit minimum changes only that value in the JSON.
        var minimum = field.findElement(By.cssSelector("input[data-prop=minimum][data-path='2']"));
        press(minimum);
        minimum.sendKeys(Keys.BACK_SPACE, "9");
        var textarea = browser.findElement(By.id("c-requirements"));
        var changed = RequirementJson.parse(textarea.getAttribute("value"), RequirementJson.Kind.PROGRAM);
        var electives = (Requirement.CreditMinimum) changed.children().get(2);
        assertThat(electives.minimum()).isEqualByComparingTo("9");
        assertThat(electives.subjects()).containsExactly("DATA", "CS");
        assertThat(electives.minNumber()).isEqualTo(300);
        assertThat(changed.children().get(1))
                .isEqualTo(new Requirement.Choose(
                        "Data tools",
                        2,
                        List.of(course("DATA 201", null), course("DATA 220", null), course("DATA 301", null))));

        browser.manage().window().setSize(new Dimension(390, 844));
        var width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        var viewport = ((Number) browser.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(width).as("the program form scrolls sideways").isLessThanOrEqualTo(viewport);
        browser.executeScript("arguments[0].scrollIntoView({behavior: 'instant'})", field);
        screenshot("rule-builder-program-390");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.executeScript("arguments[0].scrollIntoView({behavior: 'instant'})", field);
        screenshot("rule-builder-program-1366");
    }
}
