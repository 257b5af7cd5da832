package org.credo.registration.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credo.registration.enrollment.Enrollment;
import org.credo.registration.enrollment.Schedules;
import org.credo.registration.enrollment.WaitlistEntry;
import org.credo.scheduling.Scheduling.MeetingRecord;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.jspecify.annotations.Nullable;

/** The shapes of the registration API. */
final class RegistrationViews {

    private RegistrationViews() {}

    record SectionView(
            UUID id,
            String courseCode,
            String courseTitle,
            String sectionNumber,
            BigDecimal credits,
            String deliveryMode,
            String status,
            List<MeetingRecord> meetings) {
        static SectionView of(SectionRecord s) {
            return new SectionView(
                    s.sectionId(),
                    s.courseCode(),
                    s.courseTitle(),
                    s.sectionNumber(),
                    s.credits(),
                    s.deliveryMode().name(),
                    s.status().name(),
                    s.meetings());
        }
    }

    record EnrollmentView(
            UUID id,
            UUID learnerId,
            UUID sectionId,
            UUID termId,
            String courseCode,
            BigDecimal credits,
            String status,
            @Nullable String grade,
            @Nullable String overrideReason,
            Instant registeredAt,
            Instant changedAt) {
        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(
                    e.id(),
                    e.learnerId(),
                    e.sectionId(),
                    e.termId(),
                    e.courseCode(),
                    e.credits(),
                    e.status().name(),
                    e.grade(),
                    e.overrideReason(),
                    e.registeredAt(),
                    e.changedAt());
        }
    }

    record WaitlistView(
            UUID id,
            UUID sectionId,
            String status,
            int position,
            Instant joinedAt,
            @Nullable Instant offerExpiresAt) {
        static WaitlistView of(WaitlistEntry w) {
            return new WaitlistView(
                    w.id(), w.sectionId(), w.status().name(), w.position(), w.joinedAt(), w.offerExpiresAt());
        }
    }

    record ScheduleView(
            UUID termId,
            String termCode,
            String termName,
            BigDecimal credits,
            List<ScheduleLine> enrollments,
            List<WaitLine> waitlists) {
        static ScheduleView of(Schedules.Schedule s) {
            return new ScheduleView(
                    s.term().termId(),
                    s.term().code(),
                    s.term().name(),
                    s.credits(),
                    s.lines().stream()
                            .map(l -> new ScheduleLine(EnrollmentView.of(l.enrollment()), SectionView.of(l.section())))
                            .toList(),
                    s.waitlists().stream()
                            .map(w -> new WaitLine(WaitlistView.of(w.entry()), SectionView.of(w.section())))
                            .toList());
        }
    }

    record ScheduleLine(EnrollmentView enrollment, SectionView section) {}

    record WaitLine(WaitlistView waitlist, SectionView section) {}

    record SectionRequest(UUID sectionId) {}

    record SwapRequest(UUID dropSectionId, UUID addSectionId) {}

    record StaffEnrollRequest(
            UUID learnerId, UUID sectionId, @Nullable String overrideReason) {}

    record StaffDropRequest(UUID learnerId, UUID sectionId) {}

    record BulkRequest(List<StaffEnrollRequest> items) {}

    /** One line of a bulk registration: its enrollment, or the problem that refused it. */
    record BulkLine(
            int index,
            UUID learnerId,
            UUID sectionId,
            @Nullable EnrollmentView enrollment,
            @Nullable String problem,
            @Nullable Object refusals) {}
}
