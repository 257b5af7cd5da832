package org.credo.billing.web;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.billing.charges.Adjustment;
import org.credo.billing.charges.Adjustments;
import org.credo.billing.holds.BillingHolds;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Money;
import org.credo.billing.ledger.Receivables;
import org.credo.billing.payments.PaymentMethod;
import org.credo.billing.payments.Payments;
import org.credo.billing.reports.Reports;
import org.credo.billing.web.AccountForms.ChargeForm;
import org.credo.billing.web.AccountForms.PaymentForm;
import org.credo.billing.web.AccountForms.RefundForm;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bursar's billing pages: accounts with search and paging; a learner's account with its balance, what is due,
 * its entries and the forms to charge, credit, take a payment, refund a credit or reverse an entry; the adjustments
 * waiting for approval; and the reports. The auditor reads them all and changes nothing.
 */
@Controller
@PreAuthorize("hasAnyRole('BURSAR','AUDITOR')")
class BillingPages {

    private static final String BURSAR = "hasRole('BURSAR')";

    private final Ledger ledger;
    private final Receivables receivables;
    private final Adjustments adjustments;
    private final Payments payments;
    private final BillingSettings settings;
    private final BillingHolds holds;
    private final Reports reports;
    private final Learners learners;
    private final org.credo.billing.payments.Settlements settlements;
    private final org.credo.billing.statements.Statements statements;

    BillingPages(
            Ledger ledger,
            Receivables receivables,
            Adjustments adjustments,
            Payments payments,
            BillingSettings settings,
            BillingHolds holds,
            Reports reports,
            Learners learners,
            org.credo.billing.payments.Settlements settlements,
            org.credo.billing.statements.Statements statements) {
        this.ledger = ledger;
        this.receivables = receivables;
        this.adjustments = adjustments;
        this.payments = payments;
        this.settings = settings;
        this.holds = holds;
        this.reports = reports;
        this.learners = learners;
        this.settlements = settlements;
        this.statements = statements;
    }

    @GetMapping("/manage/billing")
    String accounts(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var organizationId = user.organizationId();
        var words = q == null ? "" : q.trim();
        var only = words.isEmpty()
                ? null
                : learners.search(organizationId, words, 200).stream()
                        .map(Learners.LearnerSummary::learnerId)
                        .toList();
        var result = receivables.balances(
                organizationId, only, PageQuery.of(page, 25, null, Receivables.ACCOUNT_SORTS, false));
        model.addAttribute("result", result);
        model.addAttribute(
                "names",
                names(
                        organizationId,
                        result.items().stream()
                                .map(Receivables.AccountBalance::learnerId)
                                .toList()));
        model.addAttribute("q", words);
        model.addAttribute("currency", settings.of(organizationId).currency());
        model.addAttribute("pending", adjustments.pending(organizationId).size());
        return "billing/accounts";
    }

    @GetMapping("/manage/billing/learners/{learnerId}")
    String account(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var organizationId = user.organizationId();
        var learner =
                learners.find(organizationId, learnerId).orElseThrow(() -> ProblemException.notFound("That learner"));
        model.addAttribute("learner", learner);
        model.addAttribute("balance", ledger.balance(organizationId, learnerId));
        model.addAttribute("pastDue", receivables.pastDue(organizationId, learnerId, LocalDate.now(user.zone())));
        model.addAttribute(
                "due",
                receivables.charges(organizationId, learnerId).stream()
                        .filter(c -> c.open().signum() > 0)
                        .toList());
        model.addAttribute("onHold", holds.holding(organizationId, learnerId));
        model.addAttribute(
                "activity",
                ledger.activity(organizationId, learnerId, PageQuery.of(page, 20, null, Ledger.SORTABLE, false)));
        model.addAttribute("currency", settings.of(organizationId).currency());
        model.addAttribute("zone", user.zone());
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("mayChange", user.hasRole(org.credo.platform.Role.BURSAR));
        if (!model.containsAttribute("chargeForm")) {
            model.addAttribute("chargeForm", new ChargeForm("CHARGE", null, null, null));
        }
        if (!model.containsAttribute("paymentForm")) {
            model.addAttribute("paymentForm", new PaymentForm("CASH", null, null));
        }
        if (!model.containsAttribute("refundForm")) {
            model.addAttribute("refundForm", new RefundForm(null, null));
        }
        return "billing/account";
    }

    @GetMapping("/manage/billing/learners/{learnerId}/statement.pdf")
    ResponseEntity<byte[]> statement(@AuthenticationPrincipal CredoUser user, @PathVariable UUID learnerId) {
        return Downloads.pdf(
                statements.pdf(user.organizationId(), user.organizationName(), learnerId, user.zone()),
                "statement-" + learnerId + ".pdf");
    }

    @PostMapping("/manage/billing/learners/{learnerId}/charges")
    @PreAuthorize(BURSAR)
    String charge(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String dueOn,
            RedirectAttributes redirect) {
        try {
            var k = choice(Adjustment.Kind.class, kind);
            var a = adjustments.request(
                    ChangeStamp.now(user.organizationId()),
                    learnerId,
                    k,
                    Money.parse("amount", amount),
                    reason,
                    day(dueOn));
            redirect.addFlashAttribute(
                    "flash",
                    a.status() == Adjustment.Status.PENDING
                            ? "Above the approval threshold: the "
                                    + a.kind().name().toLowerCase() + " waits for a second bursar."
                            : "The " + a.kind().name().toLowerCase() + " is posted.");
        } catch (ProblemException e) {
            refused(redirect, e, "chargeForm", new ChargeForm(kind, amount, reason, dueOn), "charge");
        }
        return back(learnerId);
    }

    @PostMapping("/manage/billing/learners/{learnerId}/payments")
    @PreAuthorize(BURSAR)
    String pay(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable String method,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String reference,
            RedirectAttributes redirect) {
        try {
            var m = choice(PaymentMethod.class, method);
            payments.receive(
                    ChangeStamp.now(user.organizationId()),
                    learnerId,
                    m,
                    Money.parse("amount", amount),
                    reference,
                    null);
            redirect.addFlashAttribute("flash", "Payment recorded.");
        } catch (ProblemException e) {
            refused(redirect, e, "paymentForm", new PaymentForm(method, amount, reference), "payment");
        }
        return back(learnerId);
    }

    @PostMapping("/manage/billing/learners/{learnerId}/refunds")
    @PreAuthorize(BURSAR)
    String refund(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            payments.refundCredit(
                    ChangeStamp.now(user.organizationId()), learnerId, Money.parse("amount", amount), reason);
            redirect.addFlashAttribute("flash", "Refund posted to refunds payable.");
        } catch (ProblemException e) {
            refused(redirect, e, "refundForm", new RefundForm(amount, reason), "refund");
        }
        return back(learnerId);
    }

    @PostMapping("/manage/billing/entries/{entryId}/reversal")
    @PreAuthorize(BURSAR)
    String reverse(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID entryId,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        var entry =
                ledger.find(user.organizationId(), entryId).orElseThrow(() -> ProblemException.notFound("That entry"));
        try {
            ledger.reverse(ChangeStamp.now(user.organizationId()), entryId, reason == null ? "" : reason);
            redirect.addFlashAttribute("flash", "Entry " + entry.number() + " is reversed.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute(
                    "flashError", "Entry " + entry.number() + " was not reversed: " + e.getMessage());
        }
        return entry.learnerId() == null ? "redirect:/manage/billing" : back(entry.learnerId());
    }

    @PostMapping("/manage/billing/settlements")
    @PreAuthorize(BURSAR)
    String settle(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(value = "file", required = false)
                    org.springframework.web.multipart.@Nullable MultipartFile file,
            RedirectAttributes redirect)
            throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Choose a settlement file (CSV) to import.");
            return "redirect:/manage/billing";
        }
        try {
            var outcome = settlements.apply(ChangeStamp.now(user.organizationId()), file.getBytes());
            redirect.addFlashAttribute(
                    "flash",
                    outcome.posted() + " payment(s) posted, " + outcome.total().toPlainString() + " in all"
                            + (outcome.alreadyPosted() > 0
                                    ? "; " + outcome.alreadyPosted() + " line(s) were posted by an earlier import."
                                    : "."));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            if (e.properties().get("lines") instanceof List<?> lines) {
                var report = new java.util.ArrayList<String>();
                for (var line : lines) {
                    if (line instanceof org.credo.billing.payments.Settlements.LineProblem p) {
                        report.add("Line " + p.line() + (p.column().isEmpty() ? "" : ", " + p.column()) + ": "
                                + p.message());
                    }
                }
                redirect.addFlashAttribute("settlementProblems", report);
            }
        }
        return "redirect:/manage/billing";
    }

    @GetMapping("/manage/billing/approvals")
    String approvals(@AuthenticationPrincipal CredoUser user, Model model) {
        var pending = adjustments.pending(user.organizationId());
        model.addAttribute("pending", pending);
        model.addAttribute(
                "names",
                names(
                        user.organizationId(),
                        pending.stream().map(Adjustment::learnerId).toList()));
        model.addAttribute("zone", user.zone());
        model.addAttribute("me", user.personId());
        model.addAttribute("mayChange", user.hasRole(org.credo.platform.Role.BURSAR));
        return "billing/approvals";
    }

    @PostMapping("/manage/billing/approvals/{adjustmentId}")
    @PreAuthorize(BURSAR)
    String decide(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID adjustmentId,
            @RequestParam String decision,
            RedirectAttributes redirect) {
        var stamp = ChangeStamp.now(user.organizationId());
        try {
            var a = "approve".equals(decision)
                    ? adjustments.approve(stamp, adjustmentId)
                    : adjustments.reject(stamp, adjustmentId);
            redirect.addFlashAttribute(
                    "flash", "The adjustment is " + a.status().name().toLowerCase() + ".");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/manage/billing/approvals";
    }

    @GetMapping("/manage/billing/reports")
    String reports(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var organizationId = user.organizationId();
        var aging = receivables.aging(
                organizationId, LocalDate.now(user.zone()), PageQuery.of(page, 25, null, List.of("balance"), false));
        model.addAttribute("aging", aging);
        model.addAttribute(
                "names",
                names(
                        organizationId,
                        aging.items().stream()
                                .map(Receivables.AgingRow::learnerId)
                                .toList()));
        model.addAttribute("trial", reports.trialBalance(organizationId));
        model.addAttribute("currency", settings.of(organizationId).currency());
        return "billing/reports";
    }

    @GetMapping("/manage/billing/reports/gl.csv")
    ResponseEntity<String> glExport(@AuthenticationPrincipal CredoUser user) {
        var out = new StringWriter();
        reports.glExport(user.organizationId(), LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31), out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"gl-journal.csv\"")
                .body(out.toString());
    }

    private Map<UUID, String> names(UUID organizationId, List<UUID> ids) {
        var names = new LinkedHashMap<UUID, String>();
        for (var id : ids) {
            learners.find(organizationId, id).ifPresent(l -> names.put(id, l.name() + " · " + l.learnerNumber()));
        }
        return names;
    }

    private static void refused(
            RedirectAttributes redirect, ProblemException e, String formName, Object form, String what) {
        if (e.status().value() == 404) {
            throw e;
        }
        var fields = Problems.fields(e);
        redirect.addFlashAttribute(formName, form);
        redirect.addFlashAttribute(what + "Errors", fields);
        redirect.addFlashAttribute("flashError", "The " + what + " was not posted: " + e.getMessage());
        if (!fields.isEmpty()) {
            redirect.addFlashAttribute(
                    "flashErrorField", what + "-" + fields.keySet().iterator().next());
        }
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("dueOn", "enter a date such as 2027-01-15.");
        }
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String name) {
        for (var e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String back(UUID learnerId) {
        return "redirect:/manage/billing/learners/" + learnerId;
    }
}
