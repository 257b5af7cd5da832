package org.credo.billing.web;

import java.time.LocalDate;
import org.credo.billing.holds.BillingHolds;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Receivables;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The learner's own account: balance, what is due and by when, and every entry on it. */
@Controller
@PreAuthorize("hasRole('LEARNER')")
class MyAccountPage {

    private final Learners learners;
    private final Ledger ledger;
    private final Receivables receivables;
    private final BillingHolds holds;
    private final BillingSettings settings;
    private final org.credo.billing.statements.Statements statements;

    MyAccountPage(
            Learners learners,
            Ledger ledger,
            Receivables receivables,
            BillingHolds holds,
            BillingSettings settings,
            org.credo.billing.statements.Statements statements) {
        this.learners = learners;
        this.ledger = ledger;
        this.receivables = receivables;
        this.holds = holds;
        this.settings = settings;
        this.statements = statements;
    }

    @GetMapping("/account/statement.pdf")
    org.springframework.http.ResponseEntity<byte[]> statement(@AuthenticationPrincipal CredoUser user) {
        var me = learners.ofPerson(user.organizationId(), user.personId())
                .orElseThrow(() -> org.credo.platform.ProblemException.notFound("A learner record for your account"));
        return Downloads.pdf(
                statements.pdf(user.organizationId(), user.organizationName(), me.learnerId(), user.zone()),
                "statement.pdf");
    }

    @GetMapping("/account")
    String account(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var organizationId = user.organizationId();
        var me = learners.ofPerson(organizationId, user.personId()).orElse(null);
        model.addAttribute("learner", me);
        model.addAttribute("currency", settings.of(organizationId).currency());
        model.addAttribute("zone", user.zone());
        if (me == null) {
            return "billing/my-account";
        }
        var id = me.learnerId();
        model.addAttribute("balance", ledger.balance(organizationId, id));
        model.addAttribute("pastDue", receivables.pastDue(organizationId, id, LocalDate.now(user.zone())));
        model.addAttribute(
                "due",
                receivables.charges(organizationId, id).stream()
                        .filter(c -> c.open().signum() > 0)
                        .toList());
        model.addAttribute("onHold", holds.holding(organizationId, id));
        model.addAttribute(
                "activity", ledger.activity(organizationId, id, PageQuery.of(page, 20, null, Ledger.SORTABLE, false)));
        return "billing/my-account";
    }
}
