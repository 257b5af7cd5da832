package org.credo.billing.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.billing.holds.BillingHolds;
import org.credo.billing.ledger.AccountCode;
import org.credo.billing.ledger.EntryDraft;
import org.credo.billing.ledger.EntryKind;
import org.credo.billing.ledger.JournalEntry;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Money;
import org.credo.billing.ledger.Posting;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments onto a learner's account (the cashier's window, or the payment provider's webhook) and refunds of credit
 * balances. A payment credits the learner's receivable as a whole; it settles the oldest charges first because what
 * is due is read oldest first (Statements). A payment beyond the balance leaves a credit balance, which only a bursar
 * refunds, never beyond the credit.
 */
@Service
public class Payments {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Learners learners;
    private final BillingHolds holds;

    Payments(JdbcClient jdbc, Ledger ledger, Learners learners, BillingHolds holds) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.learners = learners;
        this.holds = holds;
    }

    /**
     * Records a payment; with a provider event id it is idempotent (a replay records nothing and returns empty). A
     * payment that clears the past-due balance releases the billing hold.
     */
    @Transactional
    public Optional<JournalEntry> receive(
            ChangeStamp stamp,
            UUID learnerId,
            @Nullable PaymentMethod method,
            @Nullable BigDecimal amount,
            @Nullable String reference,
            @Nullable String providerEventId) {
        var organizationId = stamp.organizationId();
        if (method == null) {
            throw ProblemException.invalidField("method", "choose cash, check, card or online.");
        }
        var a = Money.positive("amount", amount);
        var ref = reference == null || reference.isBlank() ? null : reference.trim();
        if (method == PaymentMethod.CHECK && ref == null) {
            throw ProblemException.invalidField("reference", "enter the check number.");
        }
        if (method == PaymentMethod.CARD && ref == null) {
            throw ProblemException.invalidField("reference", "enter the card terminal's transaction reference.");
        }
        if (ref != null && ref.length() > 200) {
            throw ProblemException.invalidField("reference", "keep the reference under 200 characters.");
        }
        learner(organizationId, learnerId);
        var key = providerEventId == null ? null : "provider:" + providerEventId;
        var entry = ledger.post(
                stamp,
                new EntryDraft(
                        EntryKind.PAYMENT,
                        method.label() + " payment" + (ref == null ? "" : " " + ref),
                        stamp.occurredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                        learnerId,
                        key,
                        List.of(
                                Posting.debit(method.clearing(), null, a, null),
                                Posting.credit(AccountCode.RECEIVABLES, learnerId, a))));
        if (entry.isEmpty()) {
            return entry;
        }
        jdbc.sql("INSERT INTO billing_payment (id, organization_id, learner_id, method, reference, amount, currency,"
                        + " received_at, received_by_name, provider_event_id, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organizationId,
                        learnerId,
                        method.name(),
                        ref,
                        a,
                        entry.get().currency(),
                        Timestamps.sql(stamp.occurredAt()),
                        stamp.actorName(),
                        providerEventId,
                        entry.get().id())
                .update();
        holds.review(
                organizationId,
                learnerId,
                stamp.occurredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        return entry;
    }

    /** Refunds part or all of a credit balance to the learner; more than the credit is refused. */
    @Transactional
    public JournalEntry refundCredit(
            ChangeStamp stamp, UUID learnerId, @Nullable BigDecimal amount, @Nullable String reason) {
        var organizationId = stamp.organizationId();
        var a = Money.positive("amount", amount);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField(
                    "reason", "say why and how the refund is paid (check, card, transfer).");
        }
        learner(organizationId, learnerId);
        lock(organizationId, learnerId);
        var credit = ledger.balance(organizationId, learnerId).negate();
        if (a.compareTo(credit) > 0) {
            throw ProblemException.invalidField(
                    "amount",
                    credit.signum() > 0
                            ? "the learner's credit is " + credit.toPlainString() + "; refund at most that."
                            : "the learner has no credit balance to refund.");
        }
        return ledger.post(
                        stamp,
                        new EntryDraft(
                                EntryKind.CREDIT_REFUND,
                                "Refund of credit balance: " + reason.trim(),
                                stamp.occurredAt()
                                        .atZone(java.time.ZoneOffset.UTC)
                                        .toLocalDate(),
                                learnerId,
                                null,
                                List.of(
                                        Posting.debit(AccountCode.RECEIVABLES, learnerId, a, null),
                                        Posting.credit(AccountCode.REFUNDS_PAYABLE, null, a))))
                .orElseThrow();
    }

    private void learner(UUID organizationId, UUID learnerId) {
        if (learners.find(organizationId, learnerId).isEmpty()) {
            throw ProblemException.invalidField("learnerId", "no learner of your organization has this id.");
        }
    }

    private void lock(UUID organizationId, UUID learnerId) {
        jdbc.sql("INSERT INTO billing_learner (organization_id, learner_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(organizationId, learnerId)
                .update();
        jdbc.sql("SELECT learner_id FROM billing_learner WHERE organization_id = ? AND learner_id = ? FOR UPDATE")
                .params(organizationId, learnerId)
                .query(UUID.class)
                .single();
    }
}
