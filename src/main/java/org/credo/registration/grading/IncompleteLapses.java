package org.credo.registration.grading;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Timestamps;
import org.credo.registration.GradeChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a submitted incomplete (I) into the lapse grade (F) once its deadline has passed, as a grade change the audit
 * trail records. Safe on several nodes: each grade is changed by one conditional update.
 */
@Component
public class IncompleteLapses {

    static final String LAPSE_GRADE = "F";

    private final JdbcClient jdbc;
    private final GradeRosters rosters;
    private final ApplicationEventPublisher events;

    IncompleteLapses(JdbcClient jdbc, GradeRosters rosters, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.events = events;
    }

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT1H")
    void onSchedule() {
        lapse(LocalDate.now(ZoneOffset.UTC));
    }

    /** Lapses every incomplete whose deadline is before {@code today}; returns how many. */
    @Transactional
    public int lapse(LocalDate today) {
        record Due(
                UUID entryId,
                UUID organizationId,
                UUID enrollmentId,
                UUID sectionId,
                UUID learnerId,
                LocalDate until) {}
        var due = jdbc.sql("SELECT id, organization_id, enrollment_id, section_id, learner_id, incomplete_until"
                        + " FROM grade_entry WHERE state = 'SUBMITTED' AND grade = 'I' AND incomplete_until < ?")
                .param(today)
                .query((rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("enrollment_id", UUID.class),
                        rs.getObject("section_id", UUID.class),
                        rs.getObject("learner_id", UUID.class),
                        rs.getObject("incomplete_until", LocalDate.class)))
                .list();
        int lapsed = 0;
        for (var d : due) {
            int changed = jdbc.sql("UPDATE grade_entry SET grade = ? WHERE id = ? AND grade = 'I'")
                    .params(LAPSE_GRADE, d.entryId())
                    .update();
            if (changed == 0) {
                continue;
            }
            jdbc.sql("UPDATE enrollment SET grade = ?, changed_at = ?, changed_by_name = ? WHERE id = ?")
                    .params(LAPSE_GRADE, Timestamps.sql(Timestamps.now()), "Credo", d.enrollmentId())
                    .update();
            var section = rosters.section(d.organizationId(), d.sectionId());
            var name = rosters.roster(d.organizationId(), d.sectionId()).stream()
                    .filter(l -> l.enrollmentId().equals(d.enrollmentId()))
                    .map(GradeRosters.Line::name)
                    .findFirst()
                    .orElse("");
            events.publishEvent(new GradeChanged(
                    ChangeStamp.now(d.organizationId()),
                    d.enrollmentId(),
                    d.learnerId(),
                    name,
                    section.termCode(),
                    section.courseCode(),
                    "I",
                    LAPSE_GRADE,
                    "The incomplete lapsed: the work was due by " + d.until(),
                    "Credo"));
            lapsed++;
        }
        return lapsed;
    }
}
