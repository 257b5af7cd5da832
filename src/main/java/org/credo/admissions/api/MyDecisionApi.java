package org.credo.admissions.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.credo.admissions.acceptance.Acceptances;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's own released decision, and accepting or declining it. */
@RestController
@RequestMapping("/api/v1/me/applications/{id}/decision")
@Tag(name = "My admission decision", description = "The caller's own released decision, letter and answer")
@PreAuthorize("hasAnyRole('APPLICANT','LEARNER')")
class MyDecisionApi {

    /** The decision as the applicant sees it. */
    record DecisionView(
            UUID applicationId,
            String number,
            String status,
            String outcome,
            @Nullable String conditions,
            @Nullable Instant releasedAt,
            @Nullable Instant respondBy,
            boolean canRespond,
            @Nullable String response,
            @Nullable String letter,
            @Nullable BigDecimal depositOwed,
            String letterPdf) {
        static DecisionView of(Acceptances.Offer o) {
            var a = o.application();
            var d = o.decision();
            return new DecisionView(
                    a.id(),
                    a.number(),
                    a.status().name(),
                    d.outcome().name(),
                    d.conditions(),
                    d.releasedAt(),
                    d.respondBy(),
                    o.open(),
                    d.response(),
                    d.letterText(),
                    o.depositOwed(),
                    "/apply/applications/" + a.id() + "/decision/letter.pdf");
        }
    }

    private final Acceptances acceptances;

    MyDecisionApi(Acceptances acceptances) {
        this.acceptances = acceptances;
    }

    @GetMapping
    @Operation(summary = "The caller's released decision on their application (404 for anyone else's)")
    DecisionView get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return DecisionView.of(acceptances.offer(user, id));
    }

    @PostMapping("/accept")
    @Operation(summary = "Accept the offer by its deadline; matriculates the caller as a learner")
    DecisionView accept(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return DecisionView.of(acceptances.accept(user, id));
    }

    @PostMapping("/decline")
    @Operation(summary = "Decline the offer by its deadline")
    DecisionView decline(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return DecisionView.of(acceptances.decline(user, id));
    }
}
