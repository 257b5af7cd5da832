package org.credo.billing.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.credo.registration.Registration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a learner would be charged for a term: their enrolled credits under the schedule in effect on a day. */
@Service
public class FeePreview {

    /** The preview: schedule, credits, tuition, course fees and total. */
    public record Preview(
            UUID scheduleId,
            String category,
            BigDecimal credits,
            BigDecimal tuition,
            List<FeeSchedule.CourseFee> courseFees,
            BigDecimal total,
            String currency) {}

    private final FeeSchedules schedules;
    private final Registration registration;

    FeePreview(FeeSchedules schedules, Registration registration) {
        this.schedules = schedules;
        this.registration = registration;
    }

    /** Previews the term's charges for the learner's current enrollments, or for extra credits when given. */
    @Transactional(readOnly = true)
    public Preview preview(UUID organizationId, UUID learnerId, UUID termId, LocalDate day, BigDecimal extraCredits) {
        var category = schedules.category(organizationId, learnerId);
        var schedule = schedules
                .effective(organizationId, termId, category, day)
                .orElseThrow(() -> ProblemException.notFound("A fee schedule for this term on " + day));
        var credits = extraCredits;
        var fees = new ArrayList<FeeSchedule.CourseFee>();
        for (var e : registration.enrollments(organizationId, learnerId, termId)) {
            if (e.status().equals("ENROLLED")) {
                credits = credits.add(e.credits());
                schedule.courseFee(e.courseCode()).ifPresent(fees::add);
            }
        }
        var tuition = schedule.tuition(credits);
        var total = fees.stream().map(FeeSchedule.CourseFee::amount).reduce(tuition, BigDecimal::add);
        return new Preview(
                schedule.id(), schedule.category(), credits, tuition, List.copyOf(fees), total, schedule.currency());
    }
}
