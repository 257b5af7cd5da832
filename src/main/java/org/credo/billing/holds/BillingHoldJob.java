package org.credo.billing.holds;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.credo.billing.ledger.Receivables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, reviews the billing hold of every learner with an account, in every organization. Safe to run twice or
 * on two nodes at once: each review claims its billing_hold row before placing a hold.
 */
@Component
public class BillingHoldJob {

    private static final Logger log = LoggerFactory.getLogger(BillingHoldJob.class);

    private final JdbcClient jdbc;
    private final Receivables receivables;
    private final BillingHolds holds;

    BillingHoldJob(JdbcClient jdbc, Receivables receivables, BillingHolds holds) {
        this.jdbc = jdbc;
        this.receivables = receivables;
        this.holds = holds;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void run() {
        runOn(LocalDate.now(ZoneOffset.UTC));
    }

    /** Reviews every learner's billing hold as of the day. */
    public void runOn(LocalDate today) {
        for (var organizationId : jdbc.sql("SELECT DISTINCT organization_id FROM billing_account")
                .query(UUID.class)
                .list()) {
            for (var learnerId : receivables.learnersWithPostings(organizationId)) {
                try {
                    holds.review(organizationId, learnerId, today);
                } catch (RuntimeException e) {
                    log.warn("Billing hold review failed for learner {}: {}", learnerId, e.getMessage());
                }
            }
        }
    }
}
