package org.credo.billing.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.credo.billing.charges.Adjustment;
import org.credo.billing.charges.Adjustments;
import org.credo.billing.fees.FeeSchedule;
import org.credo.billing.fees.FeeScheduleDraft;
import org.credo.billing.fees.FeeSchedules;
import org.credo.billing.holds.BillingHolds;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.payments.PaymentMethod;
import org.credo.billing.payments.Payments;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, before registration's demo runs (so its registrations are charged through the real events): billing
 * settings and fee schedules for Northfield's FA26 and SP27 (350.00 a credit, 12 to 18 credits for 4,500.00, a 75.00
 * lab fee on DATA 101, refunds of 75, 50 and 25 % up to 7, 14 and 28 days after the drop date). Then one learner owes
 * a past-due housing charge over the hold threshold and is on hold, and the demo learner has paid Fall 2026 (1,125.00) by card.
 */
@Component
@Order(65)
class BillingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BillingDemoData.class);

    /** The demo organization's webhook secret: demo mode only, never a production default. */
    static final String DEMO_WEBHOOK_SECRET = "whsec_demo_northfield_only";

    private final CredoProperties properties;
    private final Organizations organizations;
    private final BillingSettings settings;
    private final FeeSchedules schedules;
    private final org.credo.scheduling.Scheduling scheduling;

    BillingDemoData(
            CredoProperties properties,
            Organizations organizations,
            BillingSettings settings,
            FeeSchedules schedules,
            org.credo.scheduling.Scheduling scheduling) {
        this.properties = properties;
        this.organizations = organizations;
        this.settings = settings;
        this.schedules = schedules;
        this.scheduling = scheduling;
    }

    /** Northfield's id in demo mode; empty otherwise. */
    java.util.Optional<java.util.UUID> northfield() {
        return properties.demo() ? organizations.findBySlug("northfield").map(o -> o.id()) : java.util.Optional.empty();
    }

    @Override
    public void run(ApplicationArguments args) {
        var found = northfield();
        if (found.isEmpty()) {
            return;
        }
        var northfieldId = found.get();
        var fall = scheduling.term(northfieldId, "FA26");
        if (fall.isEmpty()
                || !schedules.ofTerm(northfieldId, fall.get().termId()).isEmpty()) {
            return;
        }
        settings.save(northfieldId, "USD", new BigDecimal("500.00"), new BigDecimal("1000.00"), DEMO_WEBHOOK_SECRET);
        for (var code : List.of("FA26", "SP27")) {
            scheduling
                    .term(northfieldId, code)
                    .ifPresent(term -> schedules.save(
                            northfieldId,
                            new FeeScheduleDraft(
                                    term.termId(),
                                    FeeSchedule.ALL,
                                    LocalDate.of(2026, 1, 1),
                                    new BigDecimal("350.00"),
                                    new BigDecimal("12"),
                                    new BigDecimal("18"),
                                    new BigDecimal("4500.00"),
                                    FeeSchedule.Rounding.CENT,
                                    List.of(new FeeSchedule.CourseFee("DATA 101", "Lab fee", new BigDecimal("75.00"))),
                                    List.of(
                                            new FeeSchedule.RefundStep(7, 75),
                                            new FeeSchedule.RefundStep(14, 50),
                                            new FeeSchedule.RefundStep(28, 25)))));
        }
        log.info("Demo billing seeded for Northfield: settings and fee schedules for FA26 and SP27");
    }

    /** After registration's demo: a past-due learner on hold and a card payment by the demo learner. */
    @Component
    @Order(75)
    static class Balances implements ApplicationRunner {

        private final BillingDemoData demo;
        private final Learners learners;
        private final Adjustments adjustments;
        private final Payments payments;
        private final BillingHolds holds;
        private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

        Balances(
                BillingDemoData demo,
                Learners learners,
                Adjustments adjustments,
                Payments payments,
                BillingHolds holds,
                org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            this.demo = demo;
            this.learners = learners;
            this.adjustments = adjustments;
            this.payments = payments;
            this.holds = holds;
            this.jdbc = jdbc;
        }

        @Override
        public void run(ApplicationArguments args) {
            var found = demo.northfield();
            if (found.isEmpty()) {
                return;
            }
            var northfieldId = found.get();
            if (jdbc.sql("SELECT count(*) FROM billing_payment WHERE organization_id = ? AND reference ="
                                    + " 'DEMO-TERMINAL-0001'")
                            .param(northfieldId)
                            .query(Long.class)
                            .single()
                    > 0) {
                return;
            }
            var bursar = ChangeStamp.by(northfieldId, null, "Bursar's office (demo)");
            var active = learners.addressees(northfieldId, null, LearnerStatus.ACTIVE, 200);
            var leo = active.stream()
                    .filter(a -> a.emails().contains("learner@northfield.test"))
                    .findFirst();
            var pastDue = active.stream()
                    .filter(a -> !a.emails().contains("learner@northfield.test"))
                    .findFirst();
            pastDue.ifPresent(a -> {
                adjustments.request(
                        bursar,
                        a.learnerId(),
                        Adjustment.Kind.CHARGE,
                        new BigDecimal("900.00"),
                        "Residence hall, Fall 2026",
                        LocalDate.of(2026, 9, 15));
                holds.review(northfieldId, a.learnerId(), LocalDate.now());
            });
            // Fall 2026 paid in full (DATA 101: 3 credits at 350.00 and its 75.00 lab fee), so that the demo learner
            // owes only the spring term, not yet due, and stays free to register.
            leo.ifPresent(a -> payments.receive(
                    bursar, a.learnerId(), PaymentMethod.CARD, new BigDecimal("1125.00"), "DEMO-TERMINAL-0001", null));
            log.info("Demo balances seeded for Northfield: a past-due learner on a billing hold, a card payment");
        }
    }
}
