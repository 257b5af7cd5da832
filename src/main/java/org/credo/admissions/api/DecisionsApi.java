package org.credo.admissions.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.admissions.release.Releases;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Decisions and their release over the REST API. */
@RestController
@Tag(name = "Admissions decisions", description = "Held decisions with reason codes, and release batches")
@PreAuthorize("hasRole('ADMISSIONS_OFFICER')")
class DecisionsApi {

    /** A decision to record: outcome, a reason code of the organization, conditions for a conditional admission. */
    record DecisionRequest(
            @Nullable Outcome outcome,
            @Nullable String reasonCode,
            @Nullable String conditions,
            @Nullable String note) {}

    /** A release to schedule; no time means now (the scheduled job then runs it within a minute). */
    record ReleaseRequest(@Nullable UUID cycleId, @Nullable Instant scheduledAt) {}

    /** What a release run did: how many decisions it published (0 when it had already run). */
    record RunResult(UUID releaseId, int released) {}

    private final Decisions decisions;
    private final Releases releases;

    DecisionsApi(Decisions decisions, Releases releases) {
        this.decisions = decisions;
        this.releases = releases;
    }

    @GetMapping("/api/v1/admissions/decisions/{applicationId}")
    @Operation(summary = "The decision on an application, held or released")
    Decisions.Decision get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID applicationId) {
        return decisions
                .find(user.organizationId(), applicationId)
                .orElseThrow(() -> ProblemException.notFound("A decision on that application"));
    }

    @PutMapping("/api/v1/admissions/decisions/{applicationId}")
    @Operation(
            summary = "Decide an application (held until released)",
            description = "409 when the application is not submitted or in review, has no submitted read, or its"
                    + " decision was released.")
    Decisions.Decision decide(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID applicationId,
            @RequestBody DecisionRequest request) {
        return decisions.decide(
                user.organizationId(),
                applicationId,
                request.outcome(),
                request.reasonCode(),
                request.conditions(),
                request.note());
    }

    @GetMapping("/api/v1/admissions/releases")
    @Operation(summary = "Release batches, newest first")
    List<Releases.Release> releases(@AuthenticationPrincipal CredoUser user) {
        return releases.all(user.organizationId());
    }

    @PostMapping("/api/v1/admissions/releases")
    @Operation(summary = "Schedule the release of a cycle's held decisions")
    Releases.Release schedule(@AuthenticationPrincipal CredoUser user, @RequestBody ReleaseRequest request) {
        return releases.schedule(user.organizationId(), request.cycleId(), request.scheduledAt());
    }

    @PostMapping("/api/v1/admissions/releases/{id}/run")
    @Operation(summary = "Release now; 409 when the batch already ran, so nothing is sent twice")
    RunResult run(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return new RunResult(id, releases.releaseNow(user.organizationId(), id));
    }
}
