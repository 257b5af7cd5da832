package org.credo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Evaluation;
import org.credo.catalog.requirement.Evaluation.CompletedCourse;
import org.credo.catalog.requirement.InvalidRequirement;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;
import org.credo.catalog.requirement.RequirementJson.Kind;
import org.credo.catalog.requirement.RuleChecks;
import org.junit.jupiter.api.Test;

/** The requirement model: the documented JSON shape, validation in plain words, evaluation. */
class RequirementTest {

    static final String DEGREE = """
            {"type":"all","label":"Degree","allowSharing":false,"items":[
              {"type":"course","course":"CS 101","minGrade":"C"},
              {"type":"choose","label":"Two tools","count":2,"items":[
                {"type":"course","course":"DATA 201"},{"type":"course","course":"DATA 220"},{"type":"course","course":"DATA 301"}]},
              {"type":"credits","label":"Electives","minimum":6,"subjects":["DATA","CS"],"minNumber":300,"minGrade":"C"}]}""";

    static CompletedCourse done(String code, String grade, String credits) {
        return new CompletedCourse(CourseCode.parse(code).orElseThrow(), grade, new BigDecimal(credits));
    }

    @Test
    void theDocumentedShapeRoundTrips() {
        var rule = RequirementJson.parse(DEGREE, Kind.PROGRAM);
        var again = RequirementJson.parse(RequirementJson.write(rule), Kind.PROGRAM);
        assertThat(again).isEqualTo(rule);
        assertThat(rule.courses())
                .extracting(CourseCode::toString)
                .containsExactly("CS 101", "DATA 201", "DATA 220", "DATA 301");
        assertThat(rule.lines())
                .contains(
                        "  Two tools: 2 of",
                        "  Electives: 6 credits in DATA, CS numbered 300 or above (grade C or better)");
    }

    @Test
    void everyProblemIsNamedWithWhereItIs() {
        var bad = """
                {"type":"all","items":[
                  {"type":"choose","count":3,"items":[{"type":"course","course":"CS 101"},{"type":"course","course":"CS 102"}]},
                  {"type":"credits","minimum":-3},
                  {"type":"course","course":"not a code"},
                  {"type":"course","course":"CS 101","minGrade":"Z"},
                  {"type":"any","items":[]}]}""";
        assertThatThrownBy(() -> RequirementJson.parse(bad, Kind.PROGRAM))
                .isInstanceOfSatisfying(
                        InvalidRequirement.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "items[0]: choose 3 of only 2 items can never be met",
                                        "items[1]: credits cannot be negative (-3)",
                                        "items[2]: \"not a code\" is not a course code such as \"CS 101\"",
                                        "items[3]: minimum grade \"Z\" is not one of A+ A A- B+ B B- C+ C C- D+ D D- P F",
                                        "items[4]: type must be one of all, choose, course, credits (not \"any\")"));
        assertThatThrownBy(() -> RequirementJson.parse("{nope", Kind.PREREQUISITE))
                .isInstanceOf(InvalidRequirement.class)
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() ->
                        RequirementJson.parse("{\"type\":\"choose\",\"count\":1,\"items\":[]}", Kind.PREREQUISITE))
                .hasMessageContaining("type must be one of all, any, course");
    }

    @Test
    void unknownCoursesAreNamed() {
        var rule = RequirementJson.parse(DEGREE, Kind.PROGRAM);
        var known = Set.of(
                CourseCode.parse("CS 101").orElseThrow(),
                CourseCode.parse("DATA 201").orElseThrow());
        assertThat(RuleChecks.unknownCourses(rule, known))
                .extracting(CourseCode::toString)
                .containsExactly("DATA 220", "DATA 301");
    }

    @Test
    void aPrerequisiteCycleIsWrittenAsThePathThatClosesIt() {
        var cs201 = CourseCode.parse("CS 201").orElseThrow();
        var cs301 = CourseCode.parse("CS 301").orElseThrow();
        var cs101 = CourseCode.parse("CS 101").orElseThrow();
        var graph = Map.of(cs201, Set.of(cs101, cs301), cs301, Set.of(cs201), cs101, Set.<CourseCode>of());
        assertThat(RuleChecks.cycleThrough(cs201, graph)).contains("CS 201 → CS 301 → CS 201");
        assertThat(RuleChecks.cycleThrough(cs101, graph)).isEmpty();
        assertThat(RuleChecks.cycleThrough(cs101, Map.of(cs101, Set.of(cs101)))).contains("CS 101 → CS 101");
    }

    @Test
    void evaluationSaysWhichRequirementsAreMet() {
        var rule = RequirementJson.parse(DEGREE, Kind.PROGRAM);
        var partial = Evaluation.evaluate(rule, List.of(done("CS 101", "D", "4"), done("DATA 201", "B", "3")));
        assertThat(partial.met()).isFalse();
        assertThat(partial.children()).extracting(Evaluation.Result::met).containsExactly(false, false, false);
        assertThat(partial.children().get(0).summary()).isEqualTo("CS 101 not completed with C or better");

        var complete = Evaluation.evaluate(
                rule,
                List.of(
                        done("CS 101", "D", "4"),
                        done("CS 101", "B+", "4"),
                        done("DATA 201", "B", "3"),
                        done("DATA 220", "A", "3"),
                        done("DATA 350", "C", "3"),
                        done("CS 310", "A-", "3")));
        assertThat(complete.met()).isTrue();
        assertThat(complete.children().get(2).summary()).isEqualTo("6 of 6 credits");
    }

    @Test
    void withoutSharingACourseCountsOnceAmongSiblings() {
        var noSharing = new Requirement.AllOf(
                null,
                List.of(
                        new Requirement.Course(CourseCode.parse("DATA 350").orElseThrow(), null),
                        new Requirement.CreditMinimum(null, new BigDecimal("3"), List.of("DATA"), 300, null)),
                false);
        var sharing = new Requirement.AllOf(null, noSharing.items(), true);
        var taken = List.of(done("DATA 350", "B", "3"));
        assertThat(Evaluation.evaluate(noSharing, taken).met()).isFalse();
        assertThat(Evaluation.evaluate(sharing, taken).met()).isTrue();
    }

    @Test
    void anyOfNeedsOneAndMinimumGradesCompareOnTheScale() {
        var rule = RequirementJson.parse("""
                {"type":"any","items":[{"type":"course","course":"MATH 120","minGrade":"B-"},{"type":"course","course":"MATH 110"}]}""", Kind.PREREQUISITE);
        assertThat(Evaluation.evaluate(rule, List.of(done("MATH 120", "C+", "3")))
                        .met())
                .isFalse();
        assertThat(Evaluation.evaluate(rule, List.of(done("MATH 120", "B", "3")))
                        .met())
                .isTrue();
        assertThat(Evaluation.evaluate(rule, List.of(done("MATH 110", "F", "3")))
                        .met())
                .isFalse();
        assertThat(Evaluation.evaluate(rule, List.of(done("MATH 110", "P", "3")))
                        .met())
                .isTrue();
    }
}
