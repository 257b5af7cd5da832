package org.credo.billing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.billing.charges.Adjustment;
import org.credo.billing.ledger.JournalEntry;
import org.credo.billing.ledger.Receivables;
import org.credo.billing.payments.PaymentMethod;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.jspecify.annotations.Nullable;

/** The request and response bodies of the billing API. */
final class BillingViews {

    private BillingViews() {}

    /** A learner's account in a list. */
    record AccountSummary(
            UUID learnerId, @Nullable String learnerNumber, String name, BigDecimal balance, String currency) {}

    /** A learner's account: balance, past due, what is open oldest first, and whether billing holds them. */
    record AccountView(
            UUID learnerId,
            @Nullable String learnerNumber,
            String name,
            BigDecimal balance,
            BigDecimal pastDue,
            String currency,
            boolean onHold,
            List<Receivables.OpenCharge> due) {}

    /** A posted entry with its lines. */
    record EntryView(
            UUID id,
            long number,
            String kind,
            String description,
            String currency,
            LocalDate effectiveOn,
            Instant postedAt,
            String postedBy,
            @Nullable UUID reverses,
            @Nullable UUID reversedBy,
            BigDecimal receivable,
            List<JournalEntry.Line> lines) {

        static EntryView of(JournalEntry e) {
            return new EntryView(
                    e.id(),
                    e.number(),
                    e.kind().name(),
                    e.description(),
                    e.currency(),
                    e.effectiveOn(),
                    e.postedAt(),
                    e.postedBy(),
                    e.reversesId(),
                    e.reversedById(),
                    e.receivable(),
                    e.lines());
        }
    }

    /** A manual charge or credit adjustment to ask for. */
    record AdjustmentRequest(
            Adjustment.@Nullable Kind kind,
            @Nullable BigDecimal amount,
            @Nullable String reason,
            @Nullable LocalDate dueOn) {}

    /** A payment at the cashier's window. */
    record PaymentRequest(
            @Nullable PaymentMethod method,
            @Nullable BigDecimal amount,
            @Nullable String reference) {}

    /** A refund of a credit balance, or a reversal: both need a reason. */
    record ReasonedAmount(
            @Nullable BigDecimal amount, @Nullable String reason) {}

    /** A reason alone. */
    record Reason(@Nullable String reason) {}

    /** Billing settings as the API shows them: the webhook secret is never returned. */
    record SettingsView(
            String currency, BigDecimal holdThreshold, BigDecimal approvalThreshold, boolean webhookSecretSet) {}

    /** Billing settings to save; a blank secret keeps the saved one. */
    record SettingsRequest(
            String currency,
            BigDecimal holdThreshold,
            BigDecimal approvalThreshold,
            @Nullable String webhookSecret) {}

    /** One page of a list already in memory. */
    static <T> PageResult<T> page(List<T> all, PageQuery query) {
        var from = (int) Math.min(all.size(), query.offset());
        var to = Math.min(all.size(), from + query.size());
        return PageResult.of(all.subList(from, to), query, all.size());
    }

    static AdjustmentView adjustment(Adjustment a) {
        return new AdjustmentView(
                a.id(),
                a.learnerId(),
                a.kind().name(),
                a.amount(),
                a.currency(),
                a.reason(),
                a.dueOn(),
                a.status().name(),
                a.requestedBy(),
                a.requestedAt(),
                a.decidedBy(),
                a.entryId());
    }

    /** A manual adjustment and where it stands. */
    record AdjustmentView(
            UUID id,
            UUID learnerId,
            String kind,
            BigDecimal amount,
            String currency,
            String reason,
            LocalDate dueOn,
            String status,
            String requestedBy,
            Instant requestedAt,
            @Nullable String decidedBy,
            @Nullable UUID entryId) {}
}
