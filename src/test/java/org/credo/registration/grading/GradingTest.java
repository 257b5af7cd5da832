package org.credo.registration.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.registration.Grades;
import org.credo.scheduling.Scheduling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The instructor's grade roster, grade changes with the registrar's approval, and the refusals that change nothing. */
@CredoTest
class GradingTest {

    @Autowired
    org.credo.DemoLearner demoLearner;

    @Autowired
    MockMvc mvc;

    @Autowired
    GradeRosters rosters;

    @Autowired
    Grades grades;

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    UUID org() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    UUID section(String term, String course, String number) {
        var t = scheduling.term(org(), term).orElseThrow();
        return scheduling.sections(org(), t.termId()).stream()
                .filter(s -> s.courseCode().equals(course) && s.sectionNumber().equals(number))
                .findFirst()
                .orElseThrow()
                .sectionId();
    }

    long entries(UUID sectionId) {
        return jdbc.sql("SELECT count(*) FROM grade_entry WHERE section_id = ?")
                .param(sectionId)
                .query(Long.class)
                .single();
    }

    @Test
    void anInstructorSubmitsGradesAndAChangeTakesEffectOnlyOnceTheRegistrarApproves() throws Exception {
        var sectionId = section("SP27", "MATH 120", "01");
        var roster = rosters.roster(org(), sectionId);
        var leoName = demoLearner.name();
        assertThat(roster).extracting(GradeRosters.Line::name).contains(leoName);
        var leo = roster.stream()
                .filter(l -> l.learnerId().equals(demoLearner.id()))
                .findFirst()
                .orElseThrow();
        var instructor = WebSessions.signIn(mvc, Role.INSTRUCTOR);
        mvc.perform(get("/teach/sections/{id}/grades", sectionId).cookie(instructor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(leoName)))
                .andExpect(content().string(containsString("final grades due")));

        mvc.perform(post("/teach/sections/{id}/grades", sectionId)
                        .cookie(instructor)
                        .with(csrf())
                        .param("grade-" + leo.enrollmentId(), "Q+")
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Grade Q+ for " + leoName + " is not on the grade scale")));
        assertThat(entries(sectionId)).isZero();

        var submit = post("/teach/sections/{id}/grades", sectionId)
                .cookie(instructor)
                .with(csrf())
                .param("action", "submit");
        for (var line : roster) {
            submit.param("grade-" + line.enrollmentId(), line == leo ? "b+" : "A");
        }
        mvc.perform(submit).andExpect(status().is3xxRedirection());
        assertThat(grade(leo.enrollmentId())).isEqualTo("B+");

        mvc.perform(post("/teach/sections/{id}/grades/change", sectionId)
                        .cookie(instructor)
                        .with(csrf())
                        .param("enrollment", leo.enrollmentId().toString())
                        .param("grade", "A-")
                        .param("reason", "Final exam page 4 was not counted"))
                .andExpect(status().is3xxRedirection());
        assertThat(grade(leo.enrollmentId())).isEqualTo("B+");

        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/registration/grade-changes").cookie(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Final exam page 4 was not counted")));
        var changeId = jdbc.sql("SELECT id FROM grade_change WHERE state = 'PENDING' AND to_grade = 'A-'")
                .query(UUID.class)
                .single();
        mvc.perform(post("/manage/registration/grade-changes/{id}", changeId)
                        .cookie(registrar)
                        .with(csrf())
                        .param("decision", "approve"))
                .andExpect(status().is3xxRedirection());
        assertThat(grade(leo.enrollmentId())).isEqualTo("A-");
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM audit_entry WHERE action IN ('grade.posted', 'grade.changed')")
                                .query(Long.class)
                                .single())
                        .isGreaterThanOrEqualTo(2));
    }

    @Test
    void afterTheFinalGradesDateOrForSomeoneNotOnTheRosterNothingIsSaved() {
        var sectionId = section("SP27", "DATA 201", "01");
        var section = rosters.section(org(), sectionId);
        var due = rosters.gradesDue(org(), section).orElseThrow();
        var line = rosters.roster(org(), sectionId).get(0);

        assertThatThrownBy(() -> rosters.save(
                        org(), sectionId, Map.of(line.enrollmentId(), "A"), false, due.plusDays(1), "Ines"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("were due on");
        assertThatThrownBy(() -> rosters.save(
                        org(),
                        sectionId,
                        Map.of(line.enrollmentId(), "A", UUID.randomUUID(), "B"),
                        false,
                        LocalDate.of(2027, 1, 20),
                        "Ines"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("is not on the roster of DATA 201-01");
        assertThatThrownBy(() -> rosters.save(
                        org(), sectionId, Map.of(line.enrollmentId(), "A"), true, LocalDate.of(2027, 1, 20), "Ines"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("no grade yet");
        assertThat(entries(sectionId)).isZero();
    }

    private String grade(UUID enrollmentId) {
        return grades
                .record(
                        org(),
                        jdbc.sql("SELECT learner_id FROM enrollment WHERE id = ?")
                                .param(enrollmentId)
                                .query(UUID.class)
                                .single())
                .stream()
                .filter(r -> r.enrollmentId().equals(enrollmentId))
                .findFirst()
                .orElseThrow()
                .grade();
    }
}
