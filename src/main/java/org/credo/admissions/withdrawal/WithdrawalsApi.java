package org.credo.admissions.withdrawal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.credo.admissions.review.AdmissionFile;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Withdrawing an application over the REST API: the applicant's own, or staff on the applicant's behalf. */
@RestController
@Tag(name = "Withdrawals", description = "Withdrawing an application")
class WithdrawalsApi {

    /** Why the application is withdrawn: optional for the applicant, required for staff. */
    record Withdrawal(@Nullable String reason) {}

    private final Withdrawals withdrawals;

    WithdrawalsApi(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @PostMapping("/api/v1/me/applications/{id}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Withdraw my application (409 says why when it can no longer be withdrawn)")
    AdmissionFile withdrawOwn(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Withdrawal body) {
        return withdrawals.byApplicant(user, id, body == null ? null : body.reason());
    }

    @PostMapping("/api/v1/applications/{id}/withdraw")
    @PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
    @Operation(summary = "Withdraw an application on the applicant's behalf, with a reason (409 says why when refused)")
    AdmissionFile withdrawOnBehalf(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Withdrawal body) {
        return withdrawals.onBehalf(user.organizationId(), id, body == null ? null : body.reason());
    }
}
