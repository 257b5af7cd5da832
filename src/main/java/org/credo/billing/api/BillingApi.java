package org.credo.billing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.billing.api.BillingViews.AccountSummary;
import org.credo.billing.api.BillingViews.AccountView;
import org.credo.billing.api.BillingViews.AdjustmentRequest;
import org.credo.billing.api.BillingViews.AdjustmentView;
import org.credo.billing.api.BillingViews.EntryView;
import org.credo.billing.api.BillingViews.PaymentRequest;
import org.credo.billing.api.BillingViews.Reason;
import org.credo.billing.api.BillingViews.ReasonedAmount;
import org.credo.billing.api.BillingViews.SettingsRequest;
import org.credo.billing.api.BillingViews.SettingsView;
import org.credo.billing.charges.Adjustments;
import org.credo.billing.fees.FeePreview;
import org.credo.billing.fees.FeeSchedule;
import org.credo.billing.fees.FeeScheduleDraft;
import org.credo.billing.fees.FeeSchedules;
import org.credo.billing.holds.BillingHolds;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Receivables;
import org.credo.billing.payments.Payments;
import org.credo.billing.payments.Settlements;
import org.credo.billing.reports.Reports;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing for the bursar (everything) and the auditor (reading): learners' accounts, their entries, manual charges
 * and credits with approval, payments, credit refunds, reversals, fee schedules with a preview, settings and reports.
 */
@RestController
@Tag(name = "Billing", description = "Accounts, charges, payments, refunds, reversals, fee schedules and AR reports")
@PreAuthorize("hasAnyRole('BURSAR','AUDITOR')")
class BillingApi {

    private static final String BURSAR = "hasRole('BURSAR')";

    private final Ledger ledger;
    private final Receivables receivables;
    private final Adjustments adjustments;
    private final Payments payments;
    private final FeeSchedules schedules;
    private final FeePreview preview;
    private final BillingSettings settings;
    private final BillingHolds holds;
    private final Reports reports;
    private final Learners learners;
    private final Settlements settlements;

    BillingApi(
            Ledger ledger,
            Receivables receivables,
            Adjustments adjustments,
            Payments payments,
            FeeSchedules schedules,
            FeePreview preview,
            BillingSettings settings,
            BillingHolds holds,
            Reports reports,
            Learners learners,
            Settlements settlements) {
        this.ledger = ledger;
        this.receivables = receivables;
        this.adjustments = adjustments;
        this.payments = payments;
        this.schedules = schedules;
        this.preview = preview;
        this.settings = settings;
        this.holds = holds;
        this.reports = reports;
        this.learners = learners;
        this.settlements = settlements;
    }

    @GetMapping("/api/v1/billing/accounts")
    @Operation(summary = "Learners' accounts with their balances, largest first; q searches names and numbers")
    PageResult<AccountSummary> accounts(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        var organizationId = user.organizationId();
        var only = q == null || q.isBlank()
                ? null
                : learners.search(organizationId, q, 200).stream()
                        .map(Learners.LearnerSummary::learnerId)
                        .toList();
        var currency = settings.of(organizationId).currency();
        return receivables
                .balances(organizationId, only, PageQuery.of(page, size, sort, Receivables.ACCOUNT_SORTS, false))
                .map(b -> {
                    var l = learners.find(organizationId, b.learnerId());
                    return new AccountSummary(
                            b.learnerId(),
                            l.map(Learners.LearnerSummary::learnerNumber).orElse(null),
                            l.map(Learners.LearnerSummary::name).orElse("Unknown learner"),
                            b.balance(),
                            currency);
                });
    }

    @GetMapping("/api/v1/billing/accounts/{learnerId}")
    @Operation(summary = "A learner's account: balance, past due, open charges oldest first, billing hold")
    AccountView account(@AuthenticationPrincipal CredoUser user, @PathVariable UUID learnerId) {
        return account(
                user.organizationId(),
                learnerId,
                learners,
                ledger,
                receivables,
                holds,
                settings,
                LocalDate.now(user.zone()));
    }

    static AccountView account(
            UUID organizationId,
            UUID learnerId,
            Learners learners,
            Ledger ledger,
            Receivables receivables,
            BillingHolds holds,
            BillingSettings settings,
            LocalDate today) {
        var l = learners.find(organizationId, learnerId).orElseThrow(() -> ProblemException.notFound("That learner"));
        return new AccountView(
                learnerId,
                l.learnerNumber(),
                l.name(),
                ledger.balance(organizationId, learnerId),
                receivables.pastDue(organizationId, learnerId, today),
                settings.of(organizationId).currency(),
                holds.holding(organizationId, learnerId),
                receivables.charges(organizationId, learnerId).stream()
                        .filter(c -> c.open().signum() > 0)
                        .toList());
    }

    @GetMapping("/api/v1/billing/accounts/{learnerId}/entries")
    @Operation(summary = "A learner's journal entries, newest first")
    PageResult<EntryView> entries(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        learners.find(user.organizationId(), learnerId).orElseThrow(() -> ProblemException.notFound("That learner"));
        return ledger.activity(user.organizationId(), learnerId, PageQuery.of(page, size, sort, Ledger.SORTABLE, false))
                .map(EntryView::of);
    }

    @PostMapping("/api/v1/billing/accounts/{learnerId}/charges")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(BURSAR)
    @Operation(
            summary =
                    "A manual charge or credit with a reason; above the approval threshold it waits for a second bursar")
    AdjustmentView charge(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestBody AdjustmentRequest request) {
        learners.find(user.organizationId(), learnerId).orElseThrow(() -> ProblemException.notFound("That learner"));
        return BillingViews.adjustment(adjustments.request(
                ChangeStamp.now(user.organizationId()),
                learnerId,
                request.kind(),
                request.amount(),
                request.reason(),
                request.dueOn()));
    }

    @PostMapping("/api/v1/billing/accounts/{learnerId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(BURSAR)
    @Operation(summary = "A payment at the cashier's window: cash, check (number) or card (terminal reference)")
    EntryView pay(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestBody PaymentRequest request) {
        return EntryView.of(payments.receive(
                        ChangeStamp.now(user.organizationId()),
                        learnerId,
                        request.method(),
                        request.amount(),
                        request.reference(),
                        null)
                .orElseThrow());
    }

    @PostMapping("/api/v1/billing/accounts/{learnerId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(BURSAR)
    @Operation(summary = "Refund part or all of a credit balance; more than the credit is refused")
    EntryView refund(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestBody ReasonedAmount request) {
        return EntryView.of(payments.refundCredit(
                ChangeStamp.now(user.organizationId()), learnerId, request.amount(), request.reason()));
    }

    @PostMapping(
            value = "/api/v1/billing/settlements",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @PreAuthorize(BURSAR)
    @Operation(
            summary = "Import a settlement file (date,learner_number,amount,currency,reference): every bad line is"
                    + " reported and nothing applied, or every line is posted once")
    Settlements.Outcome settle(@AuthenticationPrincipal CredoUser user, @RequestBody byte[] file) {
        return settlements.apply(ChangeStamp.now(user.organizationId()), file);
    }

    @GetMapping("/api/v1/billing/entries/{entryId}")
    @Operation(summary = "One journal entry with its postings")
    EntryView entry(@AuthenticationPrincipal CredoUser user, @PathVariable UUID entryId) {
        return EntryView.of(
                ledger.find(user.organizationId(), entryId).orElseThrow(() -> ProblemException.notFound("That entry")));
    }

    @PutMapping("/api/v1/billing/entries/{entryId}")
    @PreAuthorize(BURSAR)
    @Operation(summary = "Refused: a posted entry never changes; reverse it instead")
    EntryView change(@AuthenticationPrincipal CredoUser user, @PathVariable UUID entryId) {
        throw Ledger.postedEntriesNeverChange(entry(user, entryId).number());
    }

    @DeleteMapping("/api/v1/billing/entries/{entryId}")
    @PreAuthorize(BURSAR)
    @Operation(summary = "Refused: a posted entry is never deleted; reverse it instead")
    EntryView delete(@AuthenticationPrincipal CredoUser user, @PathVariable UUID entryId) {
        throw Ledger.postedEntriesNeverChange(entry(user, entryId).number());
    }

    @PostMapping("/api/v1/billing/entries/{entryId}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(BURSAR)
    @Operation(summary = "Reverse a posted entry with a reason (once)")
    EntryView reverse(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID entryId, @RequestBody Reason request) {
        return EntryView.of(ledger.reverse(ChangeStamp.now(user.organizationId()), entryId, request.reason()));
    }

    @GetMapping("/api/v1/billing/adjustments")
    @Operation(summary = "Manual adjustments waiting for a second bursar's approval, oldest first")
    PageResult<AdjustmentView> pending(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return BillingViews.page(
                adjustments.pending(user.organizationId()).stream()
                        .map(BillingViews::adjustment)
                        .toList(),
                PageQuery.of(page, size, null, java.util.List.of("requestedAt"), true));
    }

    @PostMapping("/api/v1/billing/adjustments/{adjustmentId}/approval")
    @PreAuthorize(BURSAR)
    @Operation(summary = "Approve and post a waiting adjustment (not the bursar who asked)")
    AdjustmentView approve(@AuthenticationPrincipal CredoUser user, @PathVariable UUID adjustmentId) {
        return BillingViews.adjustment(adjustments.approve(ChangeStamp.now(user.organizationId()), adjustmentId));
    }

    @PostMapping("/api/v1/billing/adjustments/{adjustmentId}/rejection")
    @PreAuthorize(BURSAR)
    @Operation(summary = "Reject a waiting adjustment; nothing is posted")
    AdjustmentView reject(@AuthenticationPrincipal CredoUser user, @PathVariable UUID adjustmentId) {
        return BillingViews.adjustment(adjustments.reject(ChangeStamp.now(user.organizationId()), adjustmentId));
    }

    @GetMapping("/api/v1/billing/fee-schedules")
    @Operation(summary = "A term's fee schedules, newest effective first")
    PageResult<FeeSchedule> schedules(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam UUID termId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return BillingViews.page(
                schedules.ofTerm(user.organizationId(), termId),
                PageQuery.of(page, size, null, java.util.List.of("effectiveFrom"), false));
    }

    @PostMapping("/api/v1/billing/fee-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(BURSAR)
    @Operation(summary = "A new fee schedule for a term and learner category, effective from a day")
    FeeSchedule saveSchedule(@AuthenticationPrincipal CredoUser user, @RequestBody FeeScheduleDraft draft) {
        return schedules.save(user.organizationId(), draft);
    }

    @GetMapping("/api/v1/billing/fee-schedules/preview")
    @Operation(summary = "What a learner would be charged for a term: enrolled credits plus extraCredits")
    FeePreview.Preview preview(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam UUID learnerId,
            @RequestParam UUID termId,
            @RequestParam(required = false) @Nullable BigDecimal extraCredits) {
        learners.find(user.organizationId(), learnerId).orElseThrow(() -> ProblemException.notFound("That learner"));
        return preview.preview(
                user.organizationId(),
                learnerId,
                termId,
                LocalDate.now(user.zone()),
                extraCredits == null ? BigDecimal.ZERO : extraCredits);
    }

    @GetMapping("/api/v1/billing/settings")
    @Operation(summary = "Currency, hold and approval thresholds; whether a webhook secret is set (never the secret)")
    SettingsView settings(@AuthenticationPrincipal CredoUser user) {
        var s = settings.of(user.organizationId());
        return new SettingsView(s.currency(), s.holdThreshold(), s.approvalThreshold(), s.hasWebhookSecret());
    }

    @PutMapping("/api/v1/billing/settings")
    @PreAuthorize(BURSAR)
    @Operation(summary = "Save billing settings; a blank webhookSecret keeps the saved one")
    SettingsView saveSettings(@AuthenticationPrincipal CredoUser user, @RequestBody SettingsRequest request) {
        var s = settings.save(
                user.organizationId(),
                request.currency(),
                request.holdThreshold(),
                request.approvalThreshold(),
                request.webhookSecret());
        return new SettingsView(s.currency(), s.holdThreshold(), s.approvalThreshold(), s.hasWebhookSecret());
    }

    @GetMapping("/api/v1/billing/reports/aging")
    @Operation(summary = "AR aging per learner: current, 30, 60, 90 and 120+ days past due, largest balance first")
    PageResult<Receivables.AgingRow> aging(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return receivables.aging(
                user.organizationId(),
                asOf == null ? LocalDate.now(user.zone()) : asOf,
                PageQuery.of(page, size, null, java.util.List.of("balance"), false));
    }

    @GetMapping("/api/v1/billing/reports/trial-balance")
    @Operation(summary = "The trial balance per account; its net is always zero")
    Reports.TrialBalance trialBalance(@AuthenticationPrincipal CredoUser user) {
        return reports.trialBalance(user.organizationId());
    }

    @GetMapping(value = "/api/v1/billing/reports/gl.csv", produces = "text/csv")
    @Operation(summary = "General-ledger journal as CSV, one line per posting with account codes, for a period")
    ResponseEntity<String> glExport(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        var out = new StringWriter();
        reports.glExport(
                user.organizationId(),
                from == null ? LocalDate.of(1970, 1, 1) : from,
                to == null ? LocalDate.of(9999, 12, 31) : to,
                out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"gl-journal.csv\"")
                .body(out.toString());
    }
}
