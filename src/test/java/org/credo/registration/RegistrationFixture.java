package org.credo.registration;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.platform.Timestamps;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.section.MeetingDraft;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.TermDraft;
import org.credo.scheduling.term.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A term of its own per test, open for registration, with sections and active learners to fill them. */
@Component
class RegistrationFixture {

    private final JdbcClient jdbc;
    private final Terms terms;
    private final Sections sections;
    private final Meetings meetings;
    private final LearnerContacts records;

    RegistrationFixture(JdbcClient jdbc, Terms terms, Sections sections, Meetings meetings, LearnerContacts records) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.sections = sections;
        this.meetings = meetings;
        this.records = records;
    }

    UUID org() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    /**
     * A term of its own, far enough ahead (400 days) that it is never the demo's current term, whose registration
     * opened yesterday, with a credit limit.
     */
    UUID openTerm(BigDecimal maxCredits) {
        var today = LocalDate.now().plusDays(390);
        var code = "RT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var term = terms.save(
                org(),
                null,
                new TermDraft(
                        code,
                        "Registration test " + code,
                        today.plusDays(10),
                        today.plusDays(120),
                        List.of(new TermDraft.PartDraft(
                                PartOfTerm.FULL,
                                today.plusDays(10),
                                today.plusDays(110),
                                today.plusDays(20),
                                today.plusDays(30),
                                today.plusDays(80),
                                today.plusDays(25),
                                today.plusDays(125)))));
        jdbc.sql("INSERT INTO registration_window (term_id, organization_id, opens_at, max_credits, offer_hours)"
                        + " VALUES (?, ?, ?, ?, 48)")
                .params(term.id(), org(), Timestamps.sql(Instant.now().minus(1, ChronoUnit.DAYS)), maxCredits)
                .update();
        return term.id();
    }

    /** An open section of the course meeting on the days at the hour (75 minutes), or with no meeting. */
    UUID openSection(
            UUID termId, String course, String number, int capacity, int waitlist, Set<DayOfWeek> days, LocalTime at) {
        var section = sections.create(
                org(),
                termId,
                new SectionDraft(
                        course,
                        PartOfTerm.FULL,
                        number,
                        capacity,
                        waitlist,
                        DeliveryMode.IN_PERSON,
                        List.of(),
                        null,
                        null));
        if (!days.isEmpty()) {
            var today = LocalDate.now().plusDays(390);
            meetings.add(
                    org(),
                    section.id(),
                    new MeetingDraft(days, at, at.plusMinutes(75), today.plusDays(10), today.plusDays(110), null));
        }
        sections.changeStatus(org(), section.id(), SectionStatus.OPEN, null);
        return section.id();
    }

    /** A new active learner. */
    UUID learner(String family) {
        return records.create(
                        org(),
                        new LearnerDetails("Test", family, null, null, null, null, null, false),
                        LearnerStatus.ACTIVE,
                        null,
                        family.toLowerCase() + "-"
                                + UUID.randomUUID().toString().substring(0, 8) + "@example.org")
                .id();
    }

    /** A demo section of the current spring term (SP27), by course and number. */
    UUID demoSection(org.credo.scheduling.Scheduling scheduling, String course, String number) {
        var term = scheduling.term(org(), "SP27").orElseThrow();
        return scheduling.sections(org(), term.termId()).stream()
                .filter(s -> s.courseCode().equals(course) && s.sectionNumber().equals(number))
                .findFirst()
                .orElseThrow()
                .sectionId();
    }

    /** The learner's number, as staff type it. */
    String learnerNumber(UUID learner) {
        return jdbc.sql("SELECT learner_number FROM learner WHERE id = ?")
                .param(learner)
                .query(String.class)
                .single();
    }

    int seatsTaken(UUID sectionId) {
        return jdbc.sql("SELECT enrolled FROM registration_seat WHERE section_id = ?")
                .param(sectionId)
                .query(Integer.class)
                .single();
    }

    int enrolledRows(UUID sectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE section_id = ? AND status = 'ENROLLED'")
                .param(sectionId)
                .query(Integer.class)
                .single();
    }
}
