package org.credo.registration.enrollment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.learners.HoldAction;
import org.credo.learners.Holds;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners.LearnerSummary;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.Scheduling.MeetingRecord;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything that stands between a learner and a seat, each refusal saying how to resolve it: the section's status,
 * the learner's status, the registration window and the last day to add, holds, prerequisites and corequisites,
 * the credit limit and time conflicts. The seat itself is taken later, under the section's lock.
 */
@Component
class RegistrationChecks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm");

    /**
     * When a term's registration opens (for everyone, and for each class standing that has a time ticket), its credit
     * limit, how long a waitlist offer lasts and how many attempts at one course are allowed.
     */
    record Window(
            Instant opensAt,
            BigDecimal maxCredits,
            int offerHours,
            int maxAttempts,
            java.util.Map<ClassStanding, Instant> tickets) {

        /** When registration opens for learners of the standing. */
        Instant opensFor(ClassStanding standing) {
            return tickets.getOrDefault(standing, opensAt);
        }
    }

    /** Grades that earn no credit toward class standing. */
    private static final java.util.Set<String> NOT_EARNED = java.util.Set.of("F", "W", "WF", "I", "NP", "AU", "U");

    private final JdbcClient jdbc;
    private final Scheduling scheduling;
    private final Holds holds;
    private final Catalog catalog;

    RegistrationChecks(JdbcClient jdbc, Scheduling scheduling, Holds holds, Catalog catalog) {
        this.jdbc = jdbc;
        this.scheduling = scheduling;
        this.holds = holds;
        this.catalog = catalog;
    }

    java.util.Optional<Window> window(UUID termId) {
        var rows = jdbc.sql("SELECT w.opens_at, w.max_credits, w.offer_hours, w.max_attempts, t.standing,"
                        + " t.opens_at FROM registration_window w LEFT JOIN registration_time_ticket t"
                        + " ON t.term_id = w.term_id WHERE w.term_id = ?")
                .param(termId)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                    rs.getBigDecimal(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getObject(6, java.time.OffsetDateTime.class)
                })
                .list();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        var tickets = new java.util.EnumMap<ClassStanding, Instant>(ClassStanding.class);
        for (var row : rows) {
            if (row[4] != null) {
                tickets.put(ClassStanding.valueOf((String) row[4]), ((java.time.OffsetDateTime) row[5]).toInstant());
            }
        }
        var first = rows.get(0);
        return java.util.Optional.of(
                new Window((Instant) first[0], (BigDecimal) first[1], (int) first[2], (int) first[3], tickets));
    }

    /** The learner's class standing from the credits earned in the courses taken before the term. */
    static ClassStanding standing(List<Catalog.TakenCourse> taken) {
        return ClassStanding.of(earned(taken));
    }

    /** Credits earned: courses taken before the term with a grade that passed. */
    static BigDecimal earned(List<Catalog.TakenCourse> taken) {
        return taken.stream()
                .filter(t -> t.grade() != null
                        && !NOT_EARNED.contains(t.grade().trim().toUpperCase()))
                .map(Catalog.TakenCourse::credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * What refuses this learner a seat in the section now; {@code leaving} is a section the learner drops in the same
     * request (a swap), left out of the credit and time checks.
     */
    List<Refusal> refusals(
            UUID organizationId,
            LearnerSummary learner,
            SectionRecord section,
            ZoneId zone,
            Instant now,
            List<SectionRecord> enrolledInTerm,
            List<Catalog.TakenCourse> taken,
            java.util.Map<String, Integer> attempts,
            @org.jspecify.annotations.Nullable UUID leaving) {
        var refusals = new ArrayList<Refusal>();
        var name = section.courseCode() + "-" + section.sectionNumber();
        switch (section.status()) {
            case CANCELLED ->
                refusals.add(new Refusal(
                        "section-cancelled",
                        name + " was cancelled.",
                        "Choose another section of " + section.courseCode() + ".",
                        false));
            case PLANNED ->
                refusals.add(new Refusal(
                        "section-not-open",
                        name + " is not open for registration yet.",
                        "Wait until the registrar opens it, or choose another section.",
                        false));
            case CLOSED ->
                refusals.add(new Refusal(
                        "section-closed",
                        name + " is closed to new registrations.",
                        "Ask the instructor or the registrar for a permission to enroll.",
                        true));
            case OPEN -> {}
        }
        if (learner.status() != LearnerStatus.ACTIVE) {
            refusals.add(new Refusal(
                    "learner-not-active",
                    "Your learner record is " + learner.status().label().toLowerCase() + ", not active.",
                    "Ask the registrar to make your record active before you register.",
                    false));
        }
        var today = LocalDate.ofInstant(now, zone);
        var window = window(section.termId());
        if (window.isEmpty()) {
            refusals.add(new Refusal(
                    "window-not-set",
                    "Registration for " + section.termCode() + " has no opening date yet.",
                    "Wait for the registrar to announce when registration opens.",
                    true));
        } else {
            var standing = standing(taken);
            var opens = window.get().opensFor(standing);
            if (now.isBefore(opens)) {
                var ticket = window.get().tickets().containsKey(standing)
                        ? " for " + standing.plural().toLowerCase() + " (you have "
                                + earned(taken).stripTrailingZeros().toPlainString() + " credits earned)"
                        : "";
                refusals.add(new Refusal(
                        "window-not-open",
                        "Registration for " + section.termCode() + " opens" + ticket + " on "
                                + MOMENT.format(opens.atZone(zone)) + ".",
                        "Come back when it opens; your schedule can be planned until then.",
                        true));
            }
            int before = attempts.getOrDefault(section.courseCode(), 0);
            if (before >= window.get().maxAttempts()) {
                refusals.add(new Refusal(
                        "repeat-limit",
                        "You have attempted " + section.courseCode() + " " + before + " time" + (before == 1 ? "" : "s")
                                + "; " + section.termCode() + " allows "
                                + window.get().maxAttempts()
                                + " attempts at one course (withdrawals count).",
                        "Ask your advisor or the registrar for permission to repeat it again.",
                        true));
            }
        }
        var part = scheduling.part(organizationId, section.termId(), section.part());
        if (part.isPresent() && today.isAfter(part.get().lastAdd())) {
            refusals.add(new Refusal(
                    "add-period-over",
                    "The last day to add " + section.part().label().toLowerCase() + " sections of " + section.termCode()
                            + " was " + DAY.format(part.get().lastAdd()) + ".",
                    "Ask the registrar for a late add.",
                    true));
        }
        for (var hold : holds.blocking(organizationId, learner.learnerId(), HoldAction.REGISTRATION)) {
            refusals.add(new Refusal(
                    "hold",
                    "A " + hold.type() + " hold blocks registration.",
                    hold.instructions().isBlank() ? "Contact the office that placed it." : hold.instructions(),
                    false));
        }
        catalog.course(organizationId, section.courseId(), section.meetings().isEmpty() ? today : firstDay(section))
                .ifPresent(course -> {
                    var prerequisites = catalog.requisitesMet(course, taken, false);
                    if (!prerequisites.met()) {
                        refusals.add(new Refusal(
                                "prerequisite",
                                section.courseCode() + " needs " + prerequisites.summary() + " first.",
                                "Complete the prerequisite, or ask the instructor for a permission if you have"
                                        + " equivalent preparation.",
                                true));
                    }
                    var alongside = new ArrayList<>(taken);
                    enrolledInTerm.stream()
                            .filter(s -> !s.sectionId().equals(leaving))
                            .forEach(s -> alongside.add(new Catalog.TakenCourse(s.courseCode(), null, s.credits())));
                    var corequisites = catalog.requisitesMet(course, alongside, true);
                    if (!corequisites.met()) {
                        refusals.add(new Refusal(
                                "corequisite",
                                section.courseCode() + " must be taken with " + corequisites.summary() + ".",
                                "Register for the corequisite in the same term (or before), or swap into it.",
                                true));
                    }
                });
        var staying = enrolledInTerm.stream()
                .filter(s -> !s.sectionId().equals(leaving) && !s.sectionId().equals(section.sectionId()))
                .toList();
        if (window.isPresent()) {
            var load = staying.stream().map(SectionRecord::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
            var max = window.get().maxCredits();
            if (load.add(section.credits()).compareTo(max) > 0) {
                refusals.add(new Refusal(
                        "credit-limit",
                        "Adding " + section.credits().stripTrailingZeros().toPlainString() + " credits to your "
                                + load.stripTrailingZeros().toPlainString() + " would pass the limit of "
                                + max.stripTrailingZeros().toPlainString() + " for " + section.termCode() + ".",
                        "Drop a section first, or ask your advisor or the registrar for an overload.",
                        true));
            }
        }
        for (var other : staying) {
            if (overlaps(section.meetings(), other.meetings())) {
                refusals.add(new Refusal(
                        "time-conflict",
                        name + " meets at the same time as " + other.courseCode() + "-" + other.sectionNumber() + ".",
                        "Choose another section, or swap " + other.courseCode() + "-" + other.sectionNumber()
                                + " for this one.",
                        true));
            }
        }
        if (enrolledInTerm.stream()
                .anyMatch(s -> !s.sectionId().equals(leaving)
                        && !s.sectionId().equals(section.sectionId())
                        && s.courseCode().equals(section.courseCode()))) {
            refusals.add(new Refusal(
                    "same-course",
                    "You are already enrolled in another section of " + section.courseCode() + ".",
                    "Swap sections instead of adding a second one.",
                    false));
        }
        return Collections.unmodifiableList(refusals);
    }

    private static LocalDate firstDay(SectionRecord section) {
        return section.meetings().stream()
                .map(MeetingRecord::startsOn)
                .min(LocalDate::compareTo)
                .orElseThrow();
    }

    /** Whether two sections' meetings share a day of the week, a time of day and a date. */
    static boolean overlaps(List<MeetingRecord> a, List<MeetingRecord> b) {
        for (var x : a) {
            for (var y : b) {
                if (!Collections.disjoint(x.days(), y.days())
                        && x.startsAt().isBefore(y.endsAt())
                        && y.startsAt().isBefore(x.endsAt())
                        && !x.startsOn().isAfter(y.endsOn())
                        && !y.startsOn().isAfter(x.endsOn())) {
                    return true;
                }
            }
        }
        return false;
    }
}
