package org.credo.billing.charges;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.credo.billing.AdjustmentDecided;
import org.credo.billing.ledger.AccountCode;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.EntryDraft;
import org.credo.billing.ledger.EntryKind;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Money;
import org.credo.billing.ledger.Posting;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual charges and credit adjustments by a bursar, each with a reason. Up to the organization's approval threshold
 * they post at once; above it they wait until a second bursar (not the one who asked) approves or rejects them.
 */
@Service
public class Adjustments {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final BillingSettings settings;
    private final ApplicationEventPublisher events;

    Adjustments(JdbcClient jdbc, Ledger ledger, BillingSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.events = events;
    }

    /** Asks for an adjustment; it is posted at once unless above the approval threshold. */
    @Transactional
    public Adjustment request(
            ChangeStamp stamp,
            UUID learnerId,
            Adjustment.@Nullable Kind kind,
            @Nullable BigDecimal amount,
            @Nullable String reason,
            @Nullable LocalDate dueOn) {
        if (kind == null) {
            throw ProblemException.invalidField("kind", "choose a charge or a credit.");
        }
        var a = Money.positive("amount", amount);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why; the learner and auditors read it.");
        }
        if (reason.length() > 1000) {
            throw ProblemException.invalidField("reason", "keep the reason under 1,000 characters.");
        }
        var organizationId = stamp.organizationId();
        var s = settings.of(organizationId);
        var due = dueOn == null
                ? stamp.occurredAt()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .plusDays(30)
                : dueOn;
        var id = UUID.randomUUID();
        var needsApproval = a.compareTo(s.approvalThreshold()) > 0;
        jdbc.sql(
                        "INSERT INTO billing_adjustment (id, organization_id, learner_id, kind, amount, currency, reason, due_on,"
                                + " status, requested_by_id, requested_by_name, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?)")
                .params(
                        id,
                        organizationId,
                        learnerId,
                        kind.name(),
                        a,
                        s.currency(),
                        reason.trim(),
                        due,
                        Adjustment.Status.PENDING.name(),
                        stamp.actorId(),
                        stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()))
                .update();
        events.publishEvent(new AdjustmentDecided(stamp, id, learnerId, kind.name(), a, "REQUESTED", reason.trim()));
        if (!needsApproval) {
            return post(stamp, find(organizationId, id));
        }
        return find(organizationId, id);
    }

    /** Approves and posts a waiting adjustment; the bursar who asked for it may not. */
    @Transactional
    public Adjustment approve(ChangeStamp stamp, UUID adjustmentId) {
        var adjustment = pendingOf(stamp, adjustmentId);
        if (adjustment.requestedById() != null && adjustment.requestedById().equals(stamp.actorId())) {
            throw ProblemException.forbidden(
                    "You asked for this adjustment; a second bursar approves it, so that no one moves large sums alone.");
        }
        return post(stamp, adjustment);
    }

    /** Rejects a waiting adjustment; nothing is posted. */
    @Transactional
    public Adjustment reject(ChangeStamp stamp, UUID adjustmentId) {
        var adjustment = pendingOf(stamp, adjustmentId);
        decide(stamp, adjustment, Adjustment.Status.REJECTED, null);
        return find(stamp.organizationId(), adjustmentId);
    }

    /** The organization's adjustments waiting for approval, oldest first. */
    @Transactional(readOnly = true)
    public List<Adjustment> pending(UUID organizationId) {
        return jdbc.sql("SELECT * FROM billing_adjustment WHERE organization_id = ? AND status = 'PENDING'"
                        + " ORDER BY requested_at")
                .param(organizationId)
                .query(Adjustments::adjustment)
                .list();
    }

    /** One adjustment of the organization. */
    @Transactional(readOnly = true)
    public Adjustment find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM billing_adjustment WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(Adjustments::adjustment)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That adjustment"));
    }

    private Adjustment pendingOf(ChangeStamp stamp, UUID adjustmentId) {
        var adjustment = find(stamp.organizationId(), adjustmentId);
        if (adjustment.status() != Adjustment.Status.PENDING) {
            throw ProblemException.conflict(
                    "Already decided",
                    "This adjustment was " + adjustment.status().name().toLowerCase() + " already.");
        }
        return adjustment;
    }

    private Adjustment post(ChangeStamp stamp, Adjustment a) {
        var charge = a.kind() == Adjustment.Kind.CHARGE;
        var lines = charge
                ? List.of(
                        Posting.debit(AccountCode.RECEIVABLES, a.learnerId(), a.amount(), a.dueOn()),
                        Posting.credit(AccountCode.FEE_REVENUE, null, a.amount()))
                : List.of(
                        Posting.debit(AccountCode.WRITE_OFFS, null, a.amount(), null),
                        Posting.credit(AccountCode.RECEIVABLES, a.learnerId(), a.amount()));
        var entry = ledger.post(
                        stamp,
                        new EntryDraft(
                                charge ? EntryKind.MANUAL_CHARGE : EntryKind.CREDIT_ADJUSTMENT,
                                (charge ? "Charge: " : "Credit: ") + a.reason(),
                                stamp.occurredAt()
                                        .atZone(java.time.ZoneOffset.UTC)
                                        .toLocalDate(),
                                a.learnerId(),
                                "adjustment:" + a.id(),
                                lines))
                .orElseThrow(() -> ProblemException.conflict("Already posted", "This adjustment was posted already."));
        decide(stamp, a, Adjustment.Status.POSTED, entry.id());
        return find(stamp.organizationId(), a.id());
    }

    private void decide(ChangeStamp stamp, Adjustment a, Adjustment.Status status, @Nullable UUID entryId) {
        var changed = jdbc.sql(
                        "UPDATE billing_adjustment SET status = ?, decided_by_name = ?, decided_at = ?, entry_id = ?"
                                + " WHERE id = ? AND organization_id = ? AND status = 'PENDING'")
                .params(
                        status.name(),
                        stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()),
                        entryId,
                        a.id(),
                        stamp.organizationId())
                .update();
        if (changed != 1) {
            throw ProblemException.conflict("Already decided", "Another bursar decided this adjustment a moment ago.");
        }
        events.publishEvent(new AdjustmentDecided(
                ChangeStamp.by(stamp.organizationId(), stamp.actorId(), stamp.actorName()),
                a.id(),
                a.learnerId(),
                a.kind().name(),
                a.amount(),
                status.name(),
                a.reason()));
    }

    private static Adjustment adjustment(ResultSet rs, int row) throws SQLException {
        var decided = rs.getString("decided_by_name");
        return new Adjustment(
                rs.getObject("id", UUID.class),
                rs.getObject("learner_id", UUID.class),
                Adjustment.Kind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("reason"),
                rs.getObject("due_on", LocalDate.class),
                Adjustment.Status.valueOf(rs.getString("status")),
                rs.getObject("requested_by_id", UUID.class),
                rs.getString("requested_by_name"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                decided,
                rs.getObject("entry_id", UUID.class));
    }
}
