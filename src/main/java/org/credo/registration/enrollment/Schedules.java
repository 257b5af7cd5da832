package org.credo.registration.enrollment;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.credo.scheduling.Scheduling.TermRecord;
import org.credo.scheduling.SectionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A learner's schedule in a term, and the term's sections as a learner searches them. */
@Component
public class Schedules {

    /** An enrollment with its section. */
    public record Line(Enrollment enrollment, SectionRecord section) {}

    /** A waitlist entry with its section. */
    public record WaitLine(WaitlistEntry entry, SectionRecord section) {}

    /** The learner's term: enrolled (and dropped or withdrawn) sections, waitlists, credits carried. */
    public record Schedule(TermRecord term, List<Line> lines, List<WaitLine> waitlists, BigDecimal credits) {}

    /**
     * A section found by a search, with its seats (reserved ones still free counted apart) and its instructors'
     * names.
     */
    public record Found(
            SectionRecord section,
            int available,
            int reservedFree,
            int waitlisted,
            int waitlistCapacity,
            List<String> instructors) {}

    /**
     * What a learner searches by: words in the course code, title or an instructor's name; delivery mode; a day the
     * section meets; meetings starting at or after {@code from} and ending by {@code until}.
     */
    public record Criteria(
            @Nullable String words,
            @Nullable DeliveryMode mode,
            @Nullable UUID instructorId,
            @Nullable DayOfWeek day,
            @Nullable LocalTime from,
            @Nullable LocalTime until) {

        public boolean any() {
            return (words != null && !words.isBlank())
                    || mode != null
                    || instructorId != null
                    || day != null
                    || from != null
                    || until != null;
        }
    }

    private final Scheduling scheduling;
    private final Enrollments enrollments;
    private final Waitlists waitlists;
    private final Seats seats;

    Schedules(Scheduling scheduling, Enrollments enrollments, Waitlists waitlists, Seats seats) {
        this.scheduling = scheduling;
        this.enrollments = enrollments;
        this.waitlists = waitlists;
        this.seats = seats;
    }

    /** The term with this id, or the current (or next) term. */
    public Optional<TermRecord> term(UUID organizationId, @Nullable UUID termId, LocalDate today) {
        return termId == null ? scheduling.currentTerm(organizationId, today) : scheduling.term(organizationId, termId);
    }

    public Schedule of(UUID organizationId, UUID learnerId, TermRecord term) {
        var lines = enrollments.ofLearner(organizationId, learnerId, term.termId()).stream()
                .flatMap(e -> scheduling.section(organizationId, e.sectionId()).map(s -> new Line(e, s)).stream())
                .toList();
        var waits = waitlists.ofLearner(organizationId, learnerId, term.termId()).stream()
                .flatMap(w -> scheduling.section(organizationId, w.sectionId()).map(s -> new WaitLine(w, s)).stream())
                .toList();
        var credits = lines.stream()
                .filter(l -> l.enrollment().status() == EnrollmentStatus.ENROLLED)
                .map(l -> l.enrollment().credits())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Schedule(term, lines, waits, credits);
    }

    /**
     * The term's sections a learner may look for (open and closed ones; planned and cancelled left out), matching
     * the words against course code and title, and the delivery mode and instructor when given; at most 50.
     */
    public List<Found> search(
            UUID organizationId,
            UUID termId,
            @Nullable String words,
            @Nullable DeliveryMode mode,
            @Nullable UUID instructorId) {
        return search(organizationId, termId, new Criteria(words, mode, instructorId, null, null, null));
    }

    /**
     * The term's sections a learner may look for (open and closed ones; planned and cancelled left out) that match
     * every criterion given, by course and section; at most 50. A section meeting at no set time (online, at one's
     * own pace) matches no day or time criterion.
     */
    public List<Found> search(UUID organizationId, UUID termId, Criteria criteria) {
        var needle = criteria.words() == null ? "" : criteria.words().trim().toLowerCase(Locale.ROOT);
        var names = scheduling.instructorNames(organizationId);
        return scheduling.sections(organizationId, termId).stream()
                .filter(s -> s.status() == SectionStatus.OPEN || s.status() == SectionStatus.CLOSED)
                .filter(s -> needle.isEmpty()
                        || (s.courseCode() + " " + s.courseTitle() + " " + String.join(" ", teachers(s, names)))
                                .toLowerCase(Locale.ROOT)
                                .contains(needle))
                .filter(s -> criteria.mode() == null || s.deliveryMode() == criteria.mode())
                .filter(s ->
                        criteria.instructorId() == null || s.instructorIds().contains(criteria.instructorId()))
                .filter(s -> meetsWithin(s, criteria))
                .sorted(Comparator.comparing(SectionRecord::courseCode).thenComparing(SectionRecord::sectionNumber))
                .limit(50)
                .map(s -> {
                    var count = seats.count(s.sectionId());
                    return new Found(
                            s,
                            count.map(Seats.Count::available).orElse(s.capacity()),
                            count.map(Seats.Count::reservedFree).orElse(0),
                            count.map(Seats.Count::waitlisted).orElse(0),
                            s.waitlistCapacity(),
                            teachers(s, names));
                })
                .toList();
    }

    private static List<String> teachers(SectionRecord section, java.util.Map<UUID, String> names) {
        return section.instructorIds().stream()
                .map(names::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Whether the section meets on the day, and every meeting starts and ends within the times given. */
    private static boolean meetsWithin(SectionRecord section, Criteria criteria) {
        if (criteria.day() == null && criteria.from() == null && criteria.until() == null) {
            return true;
        }
        if (section.meetings().isEmpty()) {
            return false;
        }
        boolean onDay = criteria.day() == null
                || section.meetings().stream().anyMatch(m -> m.days().contains(criteria.day()));
        boolean inHours = section.meetings().stream()
                .allMatch(m -> (criteria.from() == null || !m.startsAt().isBefore(criteria.from()))
                        && (criteria.until() == null || !m.endsAt().isAfter(criteria.until())));
        return onDay && inHours;
    }
}
