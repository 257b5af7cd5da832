package org.credo.progress.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credo.progress.audit.AuditFixtures.all;
import static org.credo.progress.audit.AuditFixtures.choose;
import static org.credo.progress.audit.AuditFixtures.course;
import static org.credo.progress.audit.AuditFixtures.credits;
import static org.credo.progress.audit.AuditFixtures.current;
import static org.credo.progress.audit.AuditFixtures.done;
import static org.credo.progress.audit.AuditFixtures.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.credo.progress.audit.AuditResult.AuditStatus;
import org.credo.progress.audit.AuditResult.CourseLine;
import org.credo.progress.audit.AuditResult.CourseReason;
import org.credo.progress.audit.AuditResult.RequirementLine;
import org.junit.jupiter.api.Test;

class AuditEngineTest {

    @Test
    void firstFitLeavesARequirementShortWhereTheAuditMeetsBoth() {
        // First fit puts DATA 101 in the elective (the first requirement it fits); DATA 102 then has nowhere to go.
        var program = all(null, choose("Elective", 1, course("DATA 101"), course("DATA 102")), course("DATA 101"));
        var record = List.of(done("DATA 101", "A", 1), done("DATA 102", "B", 1));

        assertThat(Greedy.firstFit(program, record)).isEqualTo(1);
        var audit = DegreeAudit.audit(program, record, RepeatPolicy.LAST);

        assertThat(audit.status()).isEqualTo(AuditStatus.MET);
        assertThat(audit.requirementsSatisfied()).isEqualTo(2);
        assertThat(line(audit, "Elective").courses()).containsExactly("DATA 102 (T1, B)");
    }

    @Test
    void bestFitLeavesARequirementShortWhereTheAuditMeetsAll() {
        // Best fit gives requirement A the course that fits the fewest other requirements: DATA 110 fits only B,
        // DATA 120 fits C and D; but B has no alternative while C and D do.
        var program = all(
                null,
                choose("A", 1, course("DATA 110"), course("DATA 120")),
                choose("B", 1, course("DATA 110")),
                choose("C", 1, course("DATA 120"), course("DATA 130")),
                choose("D", 1, course("DATA 120"), course("DATA 140")));
        var record = List.of(
                done("DATA 110", "A", 1), done("DATA 120", "A", 1), done("DATA 130", "A", 1), done("DATA 140", "A", 1));

        assertThat(Greedy.bestFit(program, record)).isEqualTo(3);
        assertThat(Greedy.firstFit(program, record)).isEqualTo(3);
        var audit = DegreeAudit.audit(program, record, RepeatPolicy.LAST);

        assertThat(audit.requirementsSatisfied()).isEqualTo(4);
        assertThat(audit.status()).isEqualTo(AuditStatus.MET);
    }

    @Test
    void bothGreedyMethodsFailWhenACreditMinimumTakesTheOnlyCourseForACoreRequirement() {
        var program = all(
                null,
                credits("DATA electives", 6, List.of("DATA"), 300),
                course("DATA 310"),
                choose("Capstone", 1, course("DATA 490"), course("DATA 495")));
        var record = List.of(
                done("DATA 310", "A", 1), done("DATA 320", "B", 2), done("DATA 490", "A", 3), done("DATA 350", "B", 3));

        assertThat(Greedy.firstFit(program, record)).isLessThan(3);
        var audit = DegreeAudit.audit(program, record, RepeatPolicy.LAST);

        assertThat(audit.status()).isEqualTo(AuditStatus.MET);
        assertThat(line(audit, "DATA electives").courses()).containsExactly("DATA 320 (T2, B)", "DATA 350 (T3, B)");
    }

    @Test
    void aGradeBelowTheMinimumDoesNotCountAndSaysWhy() {
        var program = all(null, course("DATA 101", "C"));
        var audit = DegreeAudit.audit(program, List.of(done("DATA 101", "D", 1)), RepeatPolicy.LAST);

        assertThat(audit.status()).isEqualTo(AuditStatus.NOT_MET);
        assertThat(line(audit, "DATA 101 (C or better)").stillNeeded()).isEqualTo("DATA 101 with C or better");
        var course = attempt(audit, "DATA 101");
        assertThat(course.reason()).isEqualTo(CourseReason.GRADE_TOO_LOW);
        assertThat(course.explanation()).contains("Grade D is below the C needed");
    }

    @Test
    void whatIsStillNeededIsSaidInWords() {
        var program = all(
                null,
                choose(
                        "Data electives",
                        3,
                        course("DATA 301"),
                        course("DATA 302"),
                        course("DATA 310"),
                        course("DATA 320")),
                credits("Upper-division credits", 12, List.of("DATA"), 300));
        var audit = DegreeAudit.audit(
                program, List.of(done("DATA 301", "B", 1), done("DATA 350", "B", 2)), RepeatPolicy.LAST);

        assertThat(line(audit, "Data electives").stillNeeded())
                .isEqualTo("2 more courses from DATA 302, DATA 310, DATA 320");
        assertThat(line(audit, "Upper-division credits").stillNeeded())
                .isEqualTo("9 more credits in DATA numbered 300 or above");
        assertThat(line(audit, "Upper-division credits").counted()).isEqualTo("3 of 12 credits");
    }

    @Test
    void aCourseCountsTwiceOnlyWhereSharingIsAllowed() {
        var major = choose("Major", 1, course("DATA 101"));
        var quantitative = choose("Quantitative", 1, course("DATA 101"), course("MATH 120"));
        var record = List.of(done("DATA 101", "A", 1));

        var sharing = DegreeAudit.audit(shared(null, major, quantitative), record, RepeatPolicy.LAST);
        var apart = DegreeAudit.audit(all(null, major, quantitative), record, RepeatPolicy.LAST);

        assertThat(sharing.status()).isEqualTo(AuditStatus.MET);
        assertThat(attempt(sharing, "DATA 101").countedIn()).containsExactly("Major", "Quantitative");
        assertThat(apart.status()).isEqualTo(AuditStatus.NOT_MET);
        assertThat(attempt(apart, "DATA 101").countedIn()).hasSize(1);
        assertThat(line(apart, "Quantitative").stillNeeded()).isEqualTo("1 more course from MATH 120");
        assertThat(line(apart, "Quantitative").countedElsewhere())
                .containsExactly("DATA 101 already counts toward Major, and a course counts only once here");
    }

    @Test
    void theRepeatPolicyDecidesWhichAttemptCounts() {
        var program = all(null, course("DATA 101", "B"));
        var record = List.of(done("DATA 101", "B", 1), done("DATA 101", "C", 2));

        var last = DegreeAudit.audit(program, record, RepeatPolicy.LAST);
        var highest = DegreeAudit.audit(program, record, RepeatPolicy.HIGHEST);

        assertThat(last.status()).isEqualTo(AuditStatus.NOT_MET);
        assertThat(last.courses().get(0).reason()).isEqualTo(CourseReason.REPEAT_EXCLUDED);
        assertThat(last.courses().get(0).explanation()).isEqualTo("Repeated: the later attempt in T2 counts");
        assertThat(highest.status()).isEqualTo(AuditStatus.MET);
        assertThat(highest.courses().get(1).reason()).isEqualTo(CourseReason.REPEAT_EXCLUDED);
    }

    @Test
    void coursesInProgressMakeARequirementInProgress() {
        var program = all(null, course("DATA 101"), course("MATH 120"));
        var audit = DegreeAudit.audit(
                program, List.of(done("DATA 101", "A", 1), current("MATH 120", 2)), RepeatPolicy.LAST);

        assertThat(audit.status()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(audit.percent()).isEqualTo(50);
        assertThat(audit.inProgressPercent()).isEqualTo(50);
        assertThat(line(audit, "MATH 120").status()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(attempt(audit, "MATH 120").explanation()).isEqualTo("Counts toward MATH 120 once completed");
    }

    @Test
    void everyUnusedCourseSaysWhy() {
        var program = all(null, choose("Core", 1, course("DATA 101"), course("DATA 102")));
        var record = List.of(
                done("DATA 101", "A", 1),
                done("DATA 102", "A", 1),
                done("ART 100", "A", 1),
                new Attempt(
                        AuditFixtures.code("DATA 201"),
                        "W",
                        java.math.BigDecimal.ONE,
                        AttemptStatus.COMPLETED,
                        1,
                        "T1"));
        var audit = DegreeAudit.audit(program, record, RepeatPolicy.LAST);

        assertThat(attempt(audit, "ART 100").reason()).isEqualTo(CourseReason.NO_MATCHING_REQUIREMENT);
        assertThat(attempt(audit, "DATA 102").reason()).isEqualTo(CourseReason.IN_EXCESS);
        assertThat(attempt(audit, "DATA 102").explanation())
                .isEqualTo("In excess: Core already has all the courses it needs");
        assertThat(attempt(audit, "DATA 201").reason()).isEqualTo(CourseReason.NOT_PASSED);
    }

    @Test
    void theSameRecordInAnyOrderGivesTheSameAudit() {
        var program = all(
                null,
                choose("A", 1, course("DATA 110"), course("DATA 120")),
                choose("B", 2, course("DATA 110"), course("DATA 120"), course("DATA 130")),
                credits("C", 6, List.of("DATA"), null));
        var record = new ArrayList<>(List.of(
                done("DATA 110", "A", 1),
                done("DATA 120", "B", 2),
                done("DATA 130", "A", 2),
                done("DATA 140", "C", 3)));
        var first = DegreeAudit.audit(program, record, RepeatPolicy.LAST);
        var random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(record, random);
            assertThat(DegreeAudit.audit(program, record, RepeatPolicy.LAST)).isEqualTo(first);
        }
    }

    private static RequirementLine line(AuditResult audit, String title) {
        return audit.requirements().stream()
                .filter(l -> l.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no requirement " + title + " in " + audit.requirements()));
    }

    private static CourseLine attempt(AuditResult audit, String code) {
        return audit.courses().stream()
                .filter(c -> c.course().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
