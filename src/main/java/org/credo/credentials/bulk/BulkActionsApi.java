package org.credo.credentials.bulk;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk suspend, reinstate, revoke and claim-email resend over REST: create a plan (from ids, a CSV
 * file or "everyone who has not claimed"), read what it will change, then confirm it once.
 */
@RestController
class BulkActionsApi {

    /** A bulk change asked for by ids, or for everyone who has not claimed (resend only). */
    record BulkActionRequest(
            @Nullable String action,
            @Nullable @Size(max = 900) String reason,
            @Nullable List<String> credentialIds,
            @Nullable Boolean unclaimed,
            @Nullable UUID achievementId) {}

    /** A plan as the API shows it. */
    record PlanView(
            UUID id,
            String status,
            String source,
            boolean confirmable,
            Map<String, Integer> counts,
            List<ItemView> items,
            List<ActionPlan.PlanError> errors,
            List<ActionPlan.Skipped> skipped,
            ActionPlan.@Nullable Outcome outcome,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant appliedAt,
            Map<String, String> links) {

        static PlanView of(ActionPlan plan) {
            var base = "/api/v1/credentials/bulk-actions/" + plan.id();
            return new PlanView(
                    plan.id(),
                    plan.status() == ActionPlan.Status.PREVIEW && plan.expired(Timestamps.now())
                            ? "EXPIRED"
                            : plan.status().name(),
                    plan.source().name(),
                    plan.confirmable(Timestamps.now()),
                    plan.counts(),
                    plan.items().stream()
                            .map(i -> new ItemView(i.credentialId(), i.action().id(), i.reason()))
                            .toList(),
                    plan.errors(),
                    plan.skipped(),
                    plan.outcome(),
                    plan.createdAt(),
                    plan.expiresAt(),
                    plan.appliedAt(),
                    Map.of("self", base, "confirm", base + "/confirm"));
        }
    }

    record ItemView(
            UUID credentialId, String action, @Nullable String reason) {}

    private final BulkActions actions;
    private final org.credo.credentials.wallet.ClaimResends resends;

    BulkActionsApi(BulkActions actions, org.credo.credentials.wallet.ClaimResends resends) {
        this.actions = actions;
        this.resends = resends;
    }

    /** Plans a change for listed ids, or a resend to everyone who has not claimed; nothing changes yet. */
    @PostMapping(value = "/api/v1/credentials/bulk-actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanView> plan(
            @AuthenticationPrincipal CredoUser user,
            @RequestBody BulkActionRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        var action = action(body.action());
        List<BulkActions.Request> requests;
        ActionPlan.Source source;
        if (Boolean.TRUE.equals(body.unclaimed())) {
            if (action != CredentialAction.RESEND) {
                throw ProblemException.invalidField("action", "\"unclaimed\" goes with the action resend.");
            }
            source = ActionPlan.Source.UNCLAIMED;
            requests = resends.unclaimed(user.organizationId(), body.achievementId(), BulkActions.MAX_ITEMS).stream()
                    .map(id -> new BulkActions.Request(0, id.toString(), null, null))
                    .toList();
        } else {
            source = ActionPlan.Source.SELECTION;
            requests = (body.credentialIds() == null ? List.<String>of() : body.credentialIds())
                    .stream()
                            .map(id -> new BulkActions.Request(0, id == null ? "" : id, null, null))
                            .toList();
        }
        if (action == null) {
            throw ProblemException.invalidField("action", "use suspend, reinstate, revoke or resend.");
        }
        var plan = actions.plan(user, source, null, requests, action, body.reason(), idempotencyKey);
        return created(plan);
    }

    /** Plans a change from a CSV of credential_id (and optionally action and reason per row). */
    @PostMapping(value = "/api/v1/credentials/bulk-actions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PlanView> planFromFile(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String reason,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey)
            throws IOException {
        var requests = BulkActions.fromCsv(UploadLimit.CSV.read(file));
        var plan = actions.plan(
                user,
                ActionPlan.Source.CSV,
                file.getOriginalFilename(),
                requests,
                action(action),
                reason,
                idempotencyKey);
        return created(plan);
    }

    @GetMapping("/api/v1/credentials/bulk-actions/{id}")
    PlanView show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return PlanView.of(actions.require(user.organizationId(), id));
    }

    /** Applies a plan: all changes or none; 409 when applied before, 410 when expired, 422 with errors. */
    @PostMapping("/api/v1/credentials/bulk-actions/{id}/confirm")
    PlanView confirm(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return PlanView.of(actions.apply(user, id));
    }

    /**
     * Sends one credential's earner a fresh claim email. The same Idempotency-Key sends once; 429
     * when one went out within the last ten minutes.
     */
    @PostMapping("/api/v1/credentials/{id}/resend-claim")
    PlanView resend(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        return PlanView.of(actions.resendOne(
                user, id, idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey));
    }

    private static ResponseEntity<PlanView> created(ActionPlan plan) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/credentials/bulk-actions/" + plan.id()))
                .body(PlanView.of(plan));
    }

    static @Nullable CredentialAction action(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return CredentialAction.parse(value)
                .orElseThrow(
                        () -> ProblemException.invalidField("action", "use suspend, reinstate, revoke or resend."));
    }
}
