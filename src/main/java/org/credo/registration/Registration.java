package org.credo.registration;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.credo.registration.enrollment.EnrollmentStatus;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Seats;
import org.springframework.stereotype.Service;

/** The registration facade for later modules (billing, progress, rosters): who is enrolled where. */
@Service
public class Registration {

    /** A learner's enrollment, as billing and progress see it. */
    public record EnrollmentRecord(
            UUID enrollmentId,
            UUID sectionId,
            UUID termId,
            String courseCode,
            BigDecimal credits,
            String status,
            @org.jspecify.annotations.Nullable String grade) {}

    /** A section's seats: capacity, enrolled, held for waitlist offers, waiting. */
    public record SeatRecord(int capacity, int enrolled, int held, int waitlisted) {}

    private final Enrollments enrollments;
    private final Seats seats;

    Registration(Enrollments enrollments, Seats seats) {
        this.enrollments = enrollments;
        this.seats = seats;
    }

    /** The learner's enrollments in a term, every status. */
    public List<EnrollmentRecord> enrollments(UUID organizationId, UUID learnerId, UUID termId) {
        return enrollments.ofLearner(organizationId, learnerId, termId).stream()
                .map(e -> new EnrollmentRecord(
                        e.id(),
                        e.sectionId(),
                        e.termId(),
                        e.courseCode(),
                        e.credits(),
                        e.status().name(),
                        e.grade()))
                .toList();
    }

    /** Whether the learner is enrolled in the section now. */
    public boolean enrolled(UUID organizationId, UUID learnerId, UUID sectionId) {
        return enrollments
                .find(organizationId, learnerId, sectionId)
                .filter(e -> e.status() == EnrollmentStatus.ENROLLED)
                .isPresent();
    }

    /** The section's seats, once registration has seen it. */
    public java.util.Optional<SeatRecord> seats(UUID sectionId) {
        return seats.count(sectionId).map(c -> new SeatRecord(c.capacity(), c.enrolled(), c.held(), c.waitlisted()));
    }
}
