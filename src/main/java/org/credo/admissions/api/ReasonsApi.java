package org.credo.admissions.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organization's decision reason codes over the REST API: listed, added, renamed, deactivated. */
@RestController
@Tag(name = "Admissions decisions", description = "Held decisions with reason codes, and release batches")
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class ReasonsApi {

    /** A reason code to add. */
    record NewReason(
            @Nullable Outcome outcome,
            @Nullable String code,
            @Nullable String label) {}

    /** A change to a reason code: a new label, or active false to stop offering it (absent values stay). */
    record ReasonChange(@Nullable String label, @Nullable Boolean active) {}

    private final Decisions decisions;

    ReasonsApi(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/admissions/decisions/reasons")
    @Operation(summary = "The organization's reason codes per outcome; all=true lists deactivated ones too")
    List<Decisions.Reason> reasons(
            @AuthenticationPrincipal CredoUser user, @RequestParam(defaultValue = "false") boolean all) {
        return all ? decisions.allReasons(user.organizationId()) : decisions.reasons(user.organizationId());
    }

    @PostMapping("/api/v1/admissions/decisions/reasons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a reason code for an outcome; 400 for a code already used")
    Decisions.Reason add(@AuthenticationPrincipal CredoUser user, @RequestBody NewReason request) {
        return decisions.addReason(user.organizationId(), request.outcome(), request.code(), request.label());
    }

    @PutMapping("/api/v1/admissions/decisions/reasons/{id}")
    @Operation(
            summary = "Rename, deactivate or reactivate a reason code",
            description = "Codes are never deleted; a deactivated code is not offered for new decisions. 409 when"
                    + " deactivating the last active code of an outcome.")
    Decisions.Reason update(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody ReasonChange request) {
        return decisions.updateReason(user.organizationId(), id, request.label(), request.active());
    }
}
