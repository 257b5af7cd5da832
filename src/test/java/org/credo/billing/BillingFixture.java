package org.credo.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.billing.fees.FeeSchedule;
import org.credo.billing.fees.FeeScheduleDraft;
import org.credo.billing.fees.FeeSchedules;
import org.credo.billing.ledger.BillingSettings;
import org.credo.learners.LearnerStatus;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.platform.ChangeStamp;
import org.credo.registration.LearnerDropped;
import org.credo.registration.LearnerRegistered;
import org.credo.registration.LearnerWithdrew;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.term.TermDraft;
import org.credo.scheduling.term.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A term of its own per test whose drop date is {@link #LAST_DROP} days from today, with a fee schedule (300.00 a
 * credit, 12 to 18 credits for 4,000.00, a 50.00 lab fee on LAB 100, refunds of 75, 50 and 25 % up to 7, 14 and 28 days
 * after the drop date), learners, and registration events as registration publishes them.
 */
@Component
class BillingFixture {

    static final int LAST_DROP = 20;
    static final String WEBHOOK_SECRET = "whsec_test_billing_fixture";

    private final JdbcClient jdbc;
    private final Terms terms;
    private final LearnerContacts records;
    private final FeeSchedules schedules;
    private final BillingSettings settings;

    BillingFixture(
            JdbcClient jdbc, Terms terms, LearnerContacts records, FeeSchedules schedules, BillingSettings settings) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.records = records;
        this.schedules = schedules;
        this.settings = settings;
    }

    /**
     * Harbor, not Northfield: the fixture's terms run today, and in Northfield they would become the demo's current
     * term that other tests read.
     */
    UUID organization() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
    }

    /** Settings with a webhook secret; the hold threshold and the approval threshold as the tests expect. */
    void settings() {
        settings.save(organization(), "USD", new BigDecimal("500.00"), new BigDecimal("1000.00"), WEBHOOK_SECRET);
    }

    /** A term whose classes started 10 days ago and whose drop date is {@link #LAST_DROP} days ahead, with fees. */
    UUID term() {
        var today = LocalDate.now();
        var code = "BT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var term = terms.save(
                organization(),
                null,
                new TermDraft(
                        code,
                        "Billing test " + code,
                        today.minusDays(10),
                        today.plusDays(100),
                        List.of(new TermDraft.PartDraft(
                                PartOfTerm.FULL,
                                today.minusDays(10),
                                today.plusDays(90),
                                today.plusDays(5),
                                today.plusDays(LAST_DROP),
                                today.plusDays(60),
                                today.plusDays(15),
                                today.plusDays(95)))));
        schedules.save(
                organization(),
                new FeeScheduleDraft(
                        term.id(),
                        null,
                        today.minusDays(200),
                        new BigDecimal("300.00"),
                        new BigDecimal("12"),
                        new BigDecimal("18"),
                        new BigDecimal("4000.00"),
                        FeeSchedule.Rounding.CENT,
                        List.of(new FeeSchedule.CourseFee("LAB 100", "Lab fee", new BigDecimal("50.00"))),
                        List.of(
                                new FeeSchedule.RefundStep(7, 75),
                                new FeeSchedule.RefundStep(14, 50),
                                new FeeSchedule.RefundStep(28, 25))));
        return term.id();
    }

    /** Northfield, where the demo bursar works: for tests through the bursar's pages and API. */
    UUID northfield() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    UUID learner(String family) {
        return learnerAt(organization(), family);
    }

    UUID learnerAt(UUID organizationId, String family) {
        return records.create(
                        organizationId,
                        new LearnerDetails("Billing", family, null, null, null, null, null, false),
                        LearnerStatus.ACTIVE,
                        null,
                        family.toLowerCase() + "-"
                                + UUID.randomUUID().toString().substring(0, 8) + "@example.org")
                .id();
    }

    ChangeStamp stamp() {
        return ChangeStamp.by(organization(), null, "Billing test");
    }

    /** The constructor every enrollment event of registration shares. */
    interface EnrollmentEvent<T> {
        T of(
                ChangeStamp stamp,
                UUID enrollmentId,
                UUID learnerId,
                String learnerName,
                UUID sectionId,
                UUID termId,
                String termCode,
                String courseCode,
                String sectionNumber,
                BigDecimal credits,
                LocalDate effectiveOn);
    }

    <T> T event(
            EnrollmentEvent<T> kind,
            UUID learner,
            UUID term,
            UUID enrollment,
            String course,
            String credits,
            LocalDate on) {
        return kind.of(
                stamp(),
                enrollment,
                learner,
                "Billing Learner",
                UUID.randomUUID(),
                term,
                "BT",
                course,
                "01",
                new BigDecimal(credits),
                on);
    }

    LearnerRegistered registered(
            UUID learner, UUID term, UUID enrollment, String course, String credits, LocalDate on) {
        return event(LearnerRegistered::new, learner, term, enrollment, course, credits, on);
    }

    LearnerDropped dropped(UUID learner, UUID term, UUID enrollment, String course, String credits, LocalDate on) {
        return event(LearnerDropped::new, learner, term, enrollment, course, credits, on);
    }

    LearnerWithdrew withdrew(UUID learner, UUID term, UUID enrollment, String course, String credits, LocalDate on) {
        return event(LearnerWithdrew::new, learner, term, enrollment, course, credits, on);
    }

    /** Every entry of the organization whose postings do not sum to zero (none, in a sound ledger). */
    List<UUID> unbalancedEntries() {
        return jdbc.sql("SELECT entry_id FROM journal_posting WHERE organization_id = ? GROUP BY entry_id"
                        + " HAVING sum(amount) <> 0 OR count(*) < 2")
                .param(organization())
                .query(UUID.class)
                .list();
    }

    /** The learner's balance straight from the postings on receivables. */
    BigDecimal postingsOf(UUID learner) {
        return jdbc.sql("SELECT coalesce(sum(p.amount), 0) FROM journal_posting p JOIN billing_account a ON a.id ="
                        + " p.account_id WHERE p.organization_id = ? AND p.learner_id = ? AND a.code = '1100'")
                .params(organization(), learner)
                .query(BigDecimal.class)
                .single()
                .setScale(2);
    }

    int entriesWithSource(String prefix) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE organization_id = ? AND source_key LIKE ?")
                .params(organization(), prefix + "%")
                .query(Integer.class)
                .single();
    }

    boolean postgres() {
        return jdbc.sql("SELECT 1").query(Integer.class).single() == 1
                && jdbc.sql("SELECT count(*) FROM information_schema.routines WHERE routine_name ="
                                        + " 'billing_entry_balances'")
                                .query(Long.class)
                                .single()
                        > 0;
    }
}
