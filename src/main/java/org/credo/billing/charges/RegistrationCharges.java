package org.credo.billing.charges;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.credo.billing.fees.FeeSchedule;
import org.credo.billing.fees.FeeSchedules;
import org.credo.billing.ledger.AccountCode;
import org.credo.billing.ledger.EntryDraft;
import org.credo.billing.ledger.EntryKind;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Posting;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Timestamps;
import org.credo.registration.LearnerDropped;
import org.credo.registration.LearnerRegistered;
import org.credo.registration.LearnerWithdrew;
import org.credo.scheduling.PartDates;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.Scheduling;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tuition and course fees from registration events, and the refunds of drops and withdrawals. Each event is handled
 * once (its id is claimed in billing_processed_event first). Tuition is assessed on the learner's whole term load, so a
 * flat-rate plateau is charged once: a registration charges what the new load costs beyond what was assessed, and a
 * drop refunds, by the term's refund scale for its day, what the lower load saves.
 */
@Service
public class RegistrationCharges {

    private static final Logger log = LoggerFactory.getLogger(RegistrationCharges.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final FeeSchedules fees;
    private final Scheduling scheduling;

    RegistrationCharges(JdbcClient jdbc, Ledger ledger, FeeSchedules fees, Scheduling scheduling) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.fees = fees;
        this.scheduling = scheduling;
    }

    /** Charges a registration's tuition (beyond what the term already assessed) and its course fee. */
    @Transactional
    public void registered(LearnerRegistered event) {
        var organizationId = event.stamp().organizationId();
        if (!claim(organizationId, event.stamp().eventId())) {
            return;
        }
        var schedule = schedule(organizationId, event.learnerId(), event.termId(), event.effectiveOn());
        var assessed = assessment(organizationId, event.learnerId(), event.termId());
        var credits = assessed.credits().add(event.credits());
        if (schedule == null) {
            log.warn(
                    "No fee schedule for term {} on {}: registration {} not charged",
                    event.termCode(),
                    event.effectiveOn(),
                    event.enrollmentId());
            save(organizationId, event.learnerId(), event.termId(), credits, assessed.tuition());
            return;
        }
        var tuition = schedule.tuition(credits);
        var delta = tuition.subtract(assessed.tuition());
        var due = dueOn(organizationId, event.termId(), event.sectionId(), event.effectiveOn());
        var stamp = ChangeStamp.by(
                organizationId, event.stamp().actorId(), event.stamp().actorName());
        var key = "registration:" + event.stamp().eventId();
        var what = event.courseCode() + "-" + event.sectionNumber() + " " + event.termCode();
        // One entry for the registration: the tuition its load adds and its course fee, so one event posts once.
        var lines = new ArrayList<Posting>();
        var description = new StringBuilder("Tuition for " + what + " (" + plain(credits) + " credits assessed)");
        if (delta.signum() != 0) {
            lines.add(new Posting(AccountCode.RECEIVABLES, event.learnerId(), delta, due));
            lines.add(new Posting(AccountCode.TUITION_REVENUE, null, delta.negate(), null));
        }
        var fee = schedule.courseFee(event.courseCode());
        if (fee.isPresent()) {
            lines.add(Posting.debit(
                    AccountCode.RECEIVABLES, event.learnerId(), fee.get().amount(), due));
            lines.add(Posting.credit(AccountCode.FEE_REVENUE, null, fee.get().amount()));
            description
                    .append(", ")
                    .append(fee.get().label())
                    .append(' ')
                    .append(fee.get().amount().toPlainString());
        }
        if (!lines.isEmpty()) {
            ledger.post(
                    stamp,
                    new EntryDraft(
                            EntryKind.TUITION_CHARGE,
                            description.toString(),
                            event.effectiveOn(),
                            event.learnerId(),
                            key,
                            lines));
        }
        save(organizationId, event.learnerId(), event.termId(), credits, tuition);
    }

    /** Refunds a drop by the term's refund scale for its day. */
    @Transactional
    public void dropped(LearnerDropped event) {
        left(
                event.stamp(),
                event.learnerId(),
                event.termId(),
                event.sectionId(),
                event.credits(),
                event.effectiveOn(),
                "Drop of " + event.courseCode() + "-" + event.sectionNumber() + " " + event.termCode(),
                event.courseCode());
    }

    /** Refunds a withdrawal by the term's refund scale for its day. */
    @Transactional
    public void withdrew(LearnerWithdrew event) {
        left(
                event.stamp(),
                event.learnerId(),
                event.termId(),
                event.sectionId(),
                event.credits(),
                event.effectiveOn(),
                "Withdrawal from " + event.courseCode() + "-" + event.sectionNumber() + " " + event.termCode(),
                event.courseCode());
    }

    private void left(
            ChangeStamp eventStamp,
            UUID learnerId,
            UUID termId,
            UUID sectionId,
            BigDecimal credits,
            LocalDate day,
            String what,
            String courseCode) {
        var organizationId = eventStamp.organizationId();
        if (!claim(organizationId, eventStamp.eventId())) {
            return;
        }
        var assessed = assessment(organizationId, learnerId, termId);
        var remaining = assessed.credits().subtract(credits).max(BigDecimal.ZERO);
        var schedule = schedule(organizationId, learnerId, termId, day);
        if (schedule == null) {
            save(organizationId, learnerId, termId, remaining, assessed.tuition());
            return;
        }
        var tuition = schedule.tuition(remaining);
        var saved = assessed.tuition().subtract(tuition).max(BigDecimal.ZERO);
        var part = part(organizationId, termId, sectionId);
        int percent = part == null ? 100 : schedule.refundPercent(part.lastDrop(), day);
        var tuitionRefund = percentOf(saved, percent);
        var feeRefund = schedule.courseFee(courseCode)
                .map(f -> percentOf(f.amount(), percent))
                .orElse(BigDecimal.ZERO.setScale(2));
        var lines = new ArrayList<Posting>();
        if (tuitionRefund.signum() > 0) {
            lines.add(Posting.debit(AccountCode.TUITION_REVENUE, null, tuitionRefund, null));
        }
        if (feeRefund.signum() > 0) {
            lines.add(Posting.debit(AccountCode.FEE_REVENUE, null, feeRefund, null));
        }
        if (!lines.isEmpty()) {
            lines.add(Posting.credit(AccountCode.RECEIVABLES, learnerId, tuitionRefund.add(feeRefund)));
            ledger.post(
                    ChangeStamp.by(organizationId, eventStamp.actorId(), eventStamp.actorName()),
                    new EntryDraft(
                            EntryKind.DROP_REFUND,
                            what + ": " + percent + " % refund on " + day,
                            day,
                            learnerId,
                            "registration:" + eventStamp.eventId() + ":refund",
                            lines));
        }
        save(organizationId, learnerId, termId, remaining, tuition);
    }

    private boolean claim(UUID organizationId, UUID eventId) {
        return jdbc.sql("INSERT INTO billing_processed_event (organization_id, event_id, processed_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(organizationId, "event:" + eventId, Timestamps.sql(Timestamps.now()))
                        .update()
                == 1;
    }

    private record Assessment(BigDecimal credits, BigDecimal tuition) {}

    private Assessment assessment(UUID organizationId, UUID learnerId, UUID termId) {
        jdbc.sql("INSERT INTO billing_term_assessment (organization_id, learner_id, term_id, credits, tuition)"
                        + " VALUES (?, ?, ?, 0, 0) ON CONFLICT DO NOTHING")
                .params(organizationId, learnerId, termId)
                .update();
        return jdbc.sql(
                        "SELECT credits, tuition FROM billing_term_assessment WHERE organization_id = ? AND learner_id = ?"
                                + " AND term_id = ? FOR UPDATE")
                .params(organizationId, learnerId, termId)
                .query((rs, n) ->
                        new Assessment(rs.getBigDecimal(1), rs.getBigDecimal(2).setScale(2)))
                .single();
    }

    private void save(UUID organizationId, UUID learnerId, UUID termId, BigDecimal credits, BigDecimal tuition) {
        jdbc.sql(
                        "UPDATE billing_term_assessment SET credits = ?, tuition = ? WHERE organization_id = ? AND learner_id = ?"
                                + " AND term_id = ?")
                .params(credits, tuition, organizationId, learnerId, termId)
                .update();
    }

    private @Nullable FeeSchedule schedule(UUID organizationId, UUID learnerId, UUID termId, LocalDate day) {
        return fees.effective(organizationId, termId, fees.category(organizationId, learnerId), day)
                .orElse(null);
    }

    private @Nullable PartDates part(UUID organizationId, UUID termId, UUID sectionId) {
        var part = scheduling
                .section(organizationId, sectionId)
                .map(Scheduling.SectionRecord::part)
                .orElse(PartOfTerm.FULL);
        return scheduling
                .part(organizationId, termId, part)
                .or(() -> scheduling.part(organizationId, termId, PartOfTerm.FULL))
                .orElse(null);
    }

    private LocalDate dueOn(UUID organizationId, UUID termId, UUID sectionId, LocalDate day) {
        var part = part(organizationId, termId, sectionId);
        return part == null || part.classesStart().isBefore(day) ? day : part.classesStart();
    }

    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }
}
