package org.credo.billing.holds;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Receivables;
import org.credo.learners.HoldAction;
import org.credo.learners.Holds;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing hold: a past-due balance over the organization's threshold places the learners hold that blocks
 * registration and transcripts; once it is paid down to the threshold or less, the hold is released. The billing_hold
 * row is claimed before the hold is placed, so two runs (or two nodes) place one hold.
 */
@Service
public class BillingHolds {

    /** The hold type billing places, owned by the bursar's office. */
    public static final String HOLD_TYPE = "Unpaid balance";

    private final JdbcClient jdbc;
    private final Receivables receivables;
    private final BillingSettings settings;
    private final Holds holds;

    BillingHolds(JdbcClient jdbc, Receivables receivables, BillingSettings settings, Holds holds) {
        this.jdbc = jdbc;
        this.receivables = receivables;
        this.settings = settings;
        this.holds = holds;
    }

    /** Places or releases the learner's billing hold as their past-due balance on the day calls for. */
    @Transactional
    public void review(UUID organizationId, UUID learnerId, LocalDate day) {
        var pastDue = receivables.pastDue(organizationId, learnerId, day);
        var threshold = settings.of(organizationId).holdThreshold();
        var placed = jdbc.sql(
                        "SELECT hold_id FROM billing_hold WHERE organization_id = ? AND learner_id = ? FOR UPDATE")
                .params(organizationId, learnerId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional();
        if (pastDue.compareTo(threshold) > 0) {
            if (placed.isPresent()) {
                return;
            }
            var claimed = jdbc.sql("INSERT INTO billing_hold (organization_id, learner_id, placed_at) VALUES (?, ?, ?)"
                                    + " ON CONFLICT DO NOTHING")
                            .params(organizationId, learnerId, Timestamps.sql(Timestamps.now()))
                            .update()
                    == 1;
            if (!claimed) {
                return;
            }
            var holdId = holds.placeFor(
                    organizationId,
                    learnerId,
                    Role.BURSAR,
                    HOLD_TYPE,
                    EnumSet.of(HoldAction.REGISTRATION, HoldAction.TRANSCRIPT),
                    "Pay your past-due balance or set up a payment plan with the bursar's office.",
                    "Past-due balance of " + pastDue.toPlainString() + " is over the organization's limit of "
                            + threshold.toPlainString() + ".");
            jdbc.sql("UPDATE billing_hold SET hold_id = ? WHERE organization_id = ? AND learner_id = ?")
                    .params(holdId, organizationId, learnerId)
                    .update();
        } else if (placed.isPresent()) {
            placed.get()
                    .ifPresent(holdId -> holds.releaseFor(
                            organizationId,
                            holdId,
                            Role.BURSAR,
                            "The past-due balance is paid down to " + pastDue.toPlainString() + "."));
            jdbc.sql("DELETE FROM billing_hold WHERE organization_id = ? AND learner_id = ?")
                    .params(organizationId, learnerId)
                    .update();
        }
    }

    /** Whether billing holds the learner now. */
    @Transactional(readOnly = true)
    public boolean holding(UUID organizationId, UUID learnerId) {
        return jdbc.sql("SELECT count(*) FROM billing_hold WHERE organization_id = ? AND learner_id = ?")
                        .params(organizationId, learnerId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
