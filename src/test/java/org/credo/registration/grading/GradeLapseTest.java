package org.credo.registration.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.scheduling.Scheduling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A submitted incomplete turns into an F once its deadline has passed, once. */
@CredoTest
class GradeLapseTest {

    @Autowired
    org.credo.DemoLearner demoLearner;

    @Autowired
    GradeRosters rosters;

    @Autowired
    IncompleteLapses lapses;

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIncompleteLapsesToAnFAfterItsDeadline() {
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
        var fall = scheduling.term(org, "FA26").orElseThrow();
        var line = scheduling.sections(org, fall.termId()).stream()
                .flatMap(s -> rosters.roster(org, s.sectionId()).stream())
                .filter(l -> l.submitted() && !l.learnerId().equals(demoLearner.id()))
                .findFirst()
                .orElseThrow();
        // An incomplete submitted in Fall 2026, as the roster records one.
        var until = LocalDate.of(2027, 6, 1);
        jdbc.sql("UPDATE grade_entry SET grade = 'I', incomplete_until = ? WHERE enrollment_id = ?")
                .params(until, line.enrollmentId())
                .update();
        var roster = java.util.List.of(line);

        assertThat(lapses.lapse(until)).isZero();
        assertThat(lapses.lapse(until.plusDays(1))).isEqualTo(1);
        assertThat(lapses.lapse(until.plusDays(2))).isZero();
        assertThat(jdbc.sql("SELECT grade FROM enrollment WHERE id = ?")
                        .param(roster.get(0).enrollmentId())
                        .query(String.class)
                        .single())
                .isEqualTo("F");
    }
}
