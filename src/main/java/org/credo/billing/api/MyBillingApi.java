package org.credo.billing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.billing.api.BillingViews.AccountView;
import org.credo.billing.api.BillingViews.EntryView;
import org.credo.billing.holds.BillingHolds;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Receivables;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in learner's own account: balance, what is due and the entries on it; nobody else's. */
@RestController
@Tag(name = "My billing", description = "The signed-in learner's account")
@PreAuthorize("hasRole('LEARNER')")
class MyBillingApi {

    private final Learners learners;
    private final Ledger ledger;
    private final Receivables receivables;
    private final BillingHolds holds;
    private final BillingSettings settings;

    MyBillingApi(
            Learners learners, Ledger ledger, Receivables receivables, BillingHolds holds, BillingSettings settings) {
        this.learners = learners;
        this.ledger = ledger;
        this.receivables = receivables;
        this.holds = holds;
        this.settings = settings;
    }

    @GetMapping("/api/v1/me/billing")
    @Operation(summary = "My balance, what is past due, the open charges oldest first")
    AccountView account(@AuthenticationPrincipal CredoUser user) {
        return BillingApi.account(
                user.organizationId(),
                me(user),
                learners,
                ledger,
                receivables,
                holds,
                settings,
                LocalDate.now(user.zone()));
    }

    @GetMapping("/api/v1/me/billing/entries")
    @Operation(summary = "The entries on my account, newest first")
    PageResult<EntryView> entries(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return ledger.activity(user.organizationId(), me(user), PageQuery.of(page, size, sort, Ledger.SORTABLE, false))
                .map(EntryView::of);
    }

    private UUID me(CredoUser user) {
        return learners.ofPerson(user.organizationId(), user.personId())
                .map(Learners.LearnerSummary::learnerId)
                .orElseThrow(() -> ProblemException.notFound("A learner record for your account"));
    }
}
