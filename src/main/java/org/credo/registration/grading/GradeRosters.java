package org.credo.registration.grading;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.registration.GradePosted;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A section's grade roster: the instructor enters and saves grades, then submits them by the term's final-grades
 * date. Every entry is checked before anything is written, so a refused save changes nothing.
 */
@Service
public class GradeRosters {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One learner on the grade roster, with the grade entered so far (null for none). */
    public record Line(
            UUID enrollmentId,
            UUID learnerId,
            String learnerNumber,
            String name,
            @Nullable String grade,
            @Nullable String state,
            @Nullable LocalDate incompleteUntil) {

        /** Whether the grade was submitted (final; changes need the registrar). */
        public boolean submitted() {
            return "SUBMITTED".equals(state);
        }
    }

    private final JdbcClient jdbc;
    private final GradeScales scales;
    private final Learners learners;
    private final Scheduling scheduling;
    private final ApplicationEventPublisher events;

    GradeRosters(
            JdbcClient jdbc,
            GradeScales scales,
            Learners learners,
            Scheduling scheduling,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scales = scales;
        this.learners = learners;
        this.scheduling = scheduling;
        this.events = events;
    }

    /** The section, if it is in the organization. */
    public SectionRecord section(UUID organizationId, UUID sectionId) {
        return scheduling
                .section(organizationId, sectionId)
                .orElseThrow(() -> ProblemException.notFound("The section"));
    }

    /** The day final grades for the section are due, when the term says. */
    public Optional<LocalDate> gradesDue(UUID organizationId, SectionRecord section) {
        return scheduling.part(organizationId, section.termId(), section.part()).map(p -> p.gradesDue());
    }

    /** Everyone enrolled in the section, by name, with their grades. */
    public List<Line> roster(UUID organizationId, UUID sectionId) {
        var rows = jdbc.sql("SELECT e.id, e.learner_id, g.grade, g.state, g.incomplete_until FROM enrollment e"
                        + " LEFT JOIN grade_entry g ON g.enrollment_id = e.id"
                        + " WHERE e.organization_id = ? AND e.section_id = ? AND e.status = 'ENROLLED'")
                .params(organizationId, sectionId)
                .query((rs, n) -> new Line(
                        rs.getObject("id", UUID.class),
                        rs.getObject("learner_id", UUID.class),
                        "",
                        "",
                        rs.getString("grade"),
                        rs.getString("state"),
                        rs.getObject("incomplete_until", LocalDate.class)))
                .list();
        var lines = new ArrayList<Line>();
        for (var r : rows) {
            var l = learners.find(organizationId, r.learnerId());
            lines.add(new Line(
                    r.enrollmentId(),
                    r.learnerId(),
                    l.map(Learners.LearnerSummary::learnerNumber).orElse(""),
                    l.map(Learners.LearnerSummary::name).orElse(""),
                    r.grade(),
                    r.state(),
                    r.incompleteUntil()));
        }
        lines.sort(java.util.Comparator.comparing(Line::name).thenComparing(Line::learnerNumber));
        return lines;
    }

    /**
     * Saves the grades entered (enrollment to grade; blank leaves a learner ungraded) and, when {@code submit},
     * submits the whole roster. Refuses, changing nothing: a grade not on the scale, a learner not on the roster, a
     * grade already submitted, a save after the final-grades date, a submission with learners still ungraded.
     *
     * @return how many grades were submitted (0 for a save)
     */
    @Transactional
    public int save(
            UUID organizationId,
            UUID sectionId,
            Map<UUID, String> entered,
            boolean submit,
            LocalDate today,
            String byName) {
        var section = section(organizationId, sectionId);
        var due = gradesDue(organizationId, section);
        if (due.isPresent() && today.isAfter(due.get())) {
            throw ProblemException.conflict(
                    "Final grades are closed",
                    "Final grades for " + section.termCode() + " were due on " + DAY.format(due.get())
                            + "; nothing was saved. Request a grade change, which the registrar approves.");
        }
        var roster = new LinkedHashMap<UUID, Line>();
        roster(organizationId, sectionId).forEach(l -> roster.put(l.enrollmentId(), l));
        var problems = new ArrayList<String>();
        var clean = new LinkedHashMap<UUID, String>();
        for (var e : entered.entrySet()) {
            var line = roster.get(e.getKey());
            var text = e.getValue() == null ? "" : e.getValue().trim();
            if (line == null) {
                problems.add("Enrollment " + e.getKey() + " is not on the roster of " + label(section));
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            var grade = scales.find(organizationId, text);
            if (grade.isEmpty()) {
                problems.add("Grade " + text + " for " + line.name() + " is not on the grade scale ("
                        + String.join(
                                ", ",
                                scales.of(organizationId).stream()
                                        .map(GradeScales.Entry::grade)
                                        .toList())
                        + ")");
            } else if (line.submitted() && !grade.get().grade().equals(line.grade())) {
                problems.add("The grade for " + line.name() + " was already submitted; request a grade change instead");
            } else {
                clean.put(e.getKey(), grade.get().grade());
            }
        }
        if (submit) {
            var missing = roster.values().stream()
                    .filter(l -> !clean.containsKey(l.enrollmentId()) && l.grade() == null)
                    .map(Line::name)
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(missing.size() + (missing.size() == 1 ? " learner has" : " learners have")
                        + " no grade yet: " + String.join(", ", missing));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("Grades not saved", String.join(". ", problems) + ".");
        }
        var now = org.credo.platform.Timestamps.sql(org.credo.platform.Timestamps.now());
        for (var e : clean.entrySet()) {
            var line = roster.get(e.getKey());
            if (line.submitted()) {
                continue;
            }
            LocalDate incomplete = "I".equals(e.getValue()) ? due.orElse(today).plusDays(180) : null;
            int updated = jdbc.sql("UPDATE grade_entry SET grade = ?, incomplete_until = ?, entered_by_name = ?,"
                            + " entered_at = ? WHERE enrollment_id = ? AND organization_id = ?")
                    .params(e.getValue(), incomplete, byName, now, e.getKey(), organizationId)
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO grade_entry (id, organization_id, enrollment_id, section_id, learner_id, grade,"
                                + " incomplete_until, state, entered_by_name, entered_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)")
                        .params(
                                UUID.randomUUID(),
                                organizationId,
                                e.getKey(),
                                sectionId,
                                line.learnerId(),
                                e.getValue(),
                                incomplete,
                                byName,
                                now)
                        .update();
            }
        }
        if (!submit) {
            return 0;
        }
        int posted = 0;
        for (var line : roster(organizationId, sectionId)) {
            if (line.submitted() || line.grade() == null) {
                continue;
            }
            jdbc.sql("UPDATE grade_entry SET state = 'SUBMITTED', submitted_at = ? WHERE enrollment_id = ?")
                    .params(now, line.enrollmentId())
                    .update();
            jdbc.sql("UPDATE enrollment SET grade = ?, changed_at = ?, changed_by_name = ? WHERE id = ?")
                    .params(line.grade(), now, byName, line.enrollmentId())
                    .update();
            events.publishEvent(new GradePosted(
                    ChangeStamp.now(organizationId),
                    line.enrollmentId(),
                    line.learnerId(),
                    line.name(),
                    sectionId,
                    section.termId(),
                    section.termCode(),
                    section.courseCode(),
                    section.credits(),
                    line.grade()));
            posted++;
        }
        return posted;
    }

    static String label(SectionRecord section) {
        return section.courseCode() + "-" + section.sectionNumber();
    }
}
