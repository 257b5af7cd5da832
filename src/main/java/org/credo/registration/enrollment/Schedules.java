package org.credo.registration.enrollment;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    /** A section found by a search, with its seats. */
    public record Found(SectionRecord section, int available, int waitlisted, int waitlistCapacity) {}

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
        var needle = words == null ? "" : words.trim().toLowerCase(Locale.ROOT);
        return scheduling.sections(organizationId, termId).stream()
                .filter(s -> s.status() == SectionStatus.OPEN || s.status() == SectionStatus.CLOSED)
                .filter(s -> needle.isEmpty()
                        || (s.courseCode() + " " + s.courseTitle())
                                .toLowerCase(Locale.ROOT)
                                .contains(needle))
                .filter(s -> mode == null || s.deliveryMode() == mode)
                .filter(s -> instructorId == null || s.instructorIds().contains(instructorId))
                .sorted(Comparator.comparing(SectionRecord::courseCode).thenComparing(SectionRecord::sectionNumber))
                .limit(50)
                .map(s -> {
                    var count = seats.count(s.sectionId());
                    return new Found(
                            s,
                            count.map(Seats.Count::available).orElse(s.capacity()),
                            count.map(Seats.Count::waitlisted).orElse(0),
                            s.waitlistCapacity());
                })
                .toList();
    }
}
