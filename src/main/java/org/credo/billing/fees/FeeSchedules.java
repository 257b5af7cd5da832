package org.credo.billing.fees;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Money;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.scheduling.Scheduling;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fee schedules per term and learner category, effective-dated; and each learner's billing category. */
@Service
public class FeeSchedules {

    /** A learner without a category of their own is billed as this one. */
    public static final String STANDARD = "STANDARD";

    private final JdbcClient jdbc;
    private final Scheduling scheduling;
    private final BillingSettings settings;

    FeeSchedules(JdbcClient jdbc, Scheduling scheduling, BillingSettings settings) {
        this.jdbc = jdbc;
        this.scheduling = scheduling;
        this.settings = settings;
    }

    /** Saves a new schedule; a later effective day supersedes earlier ones from that day on. */
    @Transactional
    public FeeSchedule save(UUID organizationId, FeeScheduleDraft draft) {
        if (scheduling.term(organizationId, draft.termId()).isEmpty()) {
            throw ProblemException.invalidField("termId", "choose a term of your organization.");
        }
        var category = draft.category() == null || draft.category().isBlank()
                ? FeeSchedule.ALL
                : draft.category().trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!category.matches("[A-Z0-9_]{1,40}")) {
            throw ProblemException.invalidField("category", "use letters, digits and underscores, such as IN_STATE.");
        }
        if (draft.effectiveFrom() == null) {
            throw ProblemException.invalidField("effectiveFrom", "enter the first day this schedule applies.");
        }
        var perCredit = Money.positive("perCredit", draft.perCredit());
        var anyPlateau = draft.plateauFrom() != null || draft.plateauTo() != null || draft.plateauAmount() != null;
        if (anyPlateau) {
            if (draft.plateauFrom() == null || draft.plateauTo() == null || draft.plateauAmount() == null) {
                throw ProblemException.invalidField(
                        "plateauAmount", "give the plateau's first and last credit and its flat amount, or none.");
            }
            if (draft.plateauFrom().signum() <= 0 || draft.plateauTo().compareTo(draft.plateauFrom()) < 0) {
                throw ProblemException.invalidField("plateauTo", "the plateau ends at or after it starts, above 0.");
            }
            Money.positive("plateauAmount", draft.plateauAmount());
        }
        for (var step : draft.refundSteps()) {
            if (step.daysAfterDrop() < 1 || step.percent() < 0 || step.percent() > 100) {
                throw ProblemException.invalidField(
                        "refundSteps", "each step is a number of days after the drop date (1 or more) and 0 to 100 %.");
            }
        }
        for (var fee : draft.courseFees()) {
            Money.positive("courseFees", fee.amount());
        }
        var id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO fee_schedule (id, organization_id, term_id, category, effective_from, per_credit,"
                            + " plateau_from, plateau_to, plateau_amount, rounding, currency, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            organizationId,
                            draft.termId(),
                            category,
                            draft.effectiveFrom(),
                            perCredit,
                            draft.plateauFrom(),
                            draft.plateauTo(),
                            anyPlateau ? Money.positive("plateauAmount", draft.plateauAmount()) : null,
                            (draft.rounding() == null ? FeeSchedule.Rounding.CENT : draft.rounding()).name(),
                            settings.of(organizationId).currency(),
                            Timestamps.sql(Timestamps.now()))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ProblemException.invalidField(
                    "effectiveFrom", "this term and category already have a schedule from that day; pick another day.");
        }
        for (var fee : draft.courseFees()) {
            jdbc.sql(
                            "INSERT INTO fee_schedule_course_fee (schedule_id, course_code, label, amount) VALUES (?, ?, ?, ?)")
                    .params(
                            id,
                            fee.courseCode().trim().toUpperCase(Locale.ROOT),
                            fee.label(),
                            Money.positive("courseFees", fee.amount()))
                    .update();
        }
        for (var step : draft.refundSteps()) {
            jdbc.sql(
                            "INSERT INTO fee_schedule_refund_step (schedule_id, days_after_drop, refund_percent) VALUES (?, ?, ?)")
                    .params(id, step.daysAfterDrop(), step.percent())
                    .update();
        }
        return find(organizationId, id).orElseThrow();
    }

    /** The schedule in effect on the day for the term and category, else the one for every category. */
    @Transactional(readOnly = true)
    public Optional<FeeSchedule> effective(UUID organizationId, UUID termId, String category, LocalDate day) {
        var own = latest(organizationId, termId, category, day);
        return own.isPresent() ? own : latest(organizationId, termId, FeeSchedule.ALL, day);
    }

    /** Every schedule of a term, newest first. */
    @Transactional(readOnly = true)
    public List<FeeSchedule> ofTerm(UUID organizationId, UUID termId) {
        return jdbc
                .sql("SELECT id FROM fee_schedule WHERE organization_id = ? AND term_id = ?"
                        + " ORDER BY effective_from DESC, category")
                .params(organizationId, termId)
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> find(organizationId, id).orElseThrow())
                .toList();
    }

    /** One schedule of the organization. */
    @Transactional(readOnly = true)
    public Optional<FeeSchedule> find(UUID organizationId, UUID id) {
        var fees = jdbc.sql("SELECT course_code, label, amount FROM fee_schedule_course_fee WHERE schedule_id = ?"
                        + " ORDER BY course_code")
                .param(id)
                .query((rs, n) -> new FeeSchedule.CourseFee(
                        rs.getString("course_code"), rs.getString("label"), rs.getBigDecimal("amount")))
                .list();
        var steps = jdbc.sql(
                        "SELECT days_after_drop, refund_percent FROM fee_schedule_refund_step WHERE schedule_id = ?"
                                + " ORDER BY days_after_drop")
                .param(id)
                .query((rs, n) -> new FeeSchedule.RefundStep(rs.getInt(1), rs.getInt(2)))
                .list();
        return jdbc.sql("SELECT * FROM fee_schedule WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query((rs, n) -> new FeeSchedule(
                        rs.getObject("id", UUID.class),
                        rs.getObject("term_id", UUID.class),
                        rs.getString("category"),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getBigDecimal("per_credit"),
                        rs.getBigDecimal("plateau_from"),
                        rs.getBigDecimal("plateau_to"),
                        rs.getBigDecimal("plateau_amount"),
                        FeeSchedule.Rounding.valueOf(rs.getString("rounding")),
                        rs.getString("currency"),
                        List.copyOf(fees),
                        List.copyOf(steps)))
                .optional();
    }

    /** The learner's billing category (residency or other), STANDARD when none is set. */
    @Transactional(readOnly = true)
    public String category(UUID organizationId, UUID learnerId) {
        return jdbc.sql("SELECT category FROM billing_learner_category WHERE organization_id = ? AND learner_id = ?")
                .params(organizationId, learnerId)
                .query(String.class)
                .optional()
                .orElse(STANDARD);
    }

    /** Sets the learner's billing category. */
    @Transactional
    public void setCategory(UUID organizationId, UUID learnerId, String category) {
        var c = category.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!c.matches("[A-Z0-9_]{1,40}")) {
            throw ProblemException.invalidField("category", "use letters, digits and underscores, such as IN_STATE.");
        }
        if (jdbc.sql("UPDATE billing_learner_category SET category = ? WHERE organization_id = ? AND learner_id = ?")
                        .params(c, organizationId, learnerId)
                        .update()
                == 0) {
            jdbc.sql("INSERT INTO billing_learner_category (organization_id, learner_id, category) VALUES (?, ?, ?)")
                    .params(organizationId, learnerId, c)
                    .update();
        }
    }

    private Optional<FeeSchedule> latest(UUID organizationId, UUID termId, String category, LocalDate day) {
        return jdbc.sql("SELECT id FROM fee_schedule WHERE organization_id = ? AND term_id = ? AND category = ?"
                        + " AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1")
                .params(organizationId, termId, category, day)
                .query(UUID.class)
                .optional()
                .flatMap(id -> find(organizationId, id));
    }
}
