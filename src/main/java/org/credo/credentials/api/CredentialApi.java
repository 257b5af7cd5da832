package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Issued credentials over the REST API: issue, list, read, suspend, reinstate, revoke, replace. */
@RestController
@RequestMapping("/api/v1/credentials")
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Credentials", description = "Open Badges 3.0 credentials with Data Integrity proofs")
class CredentialApi {

    /** A reason, required for every lifecycle change. */
    record Reason(@NotBlank String reason) {}

    /** A replacement: the corrected request and why. */
    record Replacement(
            @NotBlank String reason, @NotNull @Valid IssueRequest credential) {}

    private final IssuedCredentials credentials;
    private final Issuance issuance;
    private final JsonMapper json;

    CredentialApi(IssuedCredentials credentials, Issuance issuance, JsonMapper json) {
        this.credentials = credentials;
        this.issuance = issuance;
        this.json = json;
    }

    @PostMapping
    @Operation(
            summary = "Issue a credential",
            description =
                    "Send Idempotency-Key to make retries safe: a repeated key returns the first credential (200).")
    ResponseEntity<CredentialView> issue(
            @AuthenticationPrincipal CredoUser user,
            @Valid @RequestBody IssueRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String key) {
        if (key != null && (key.isBlank() || key.length() > 150)) {
            throw ProblemException.badRequest(
                    "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 150 characters.");
        }
        var scopedKey = key == null ? null : "api:" + key;
        if (scopedKey != null) {
            var earlier = credentials.findByIdempotencyKey(user.organizationId(), scopedKey);
            if (earlier.isPresent()) {
                return ResponseEntity.ok(view(earlier.get()));
            }
        }
        IssuedCredential issued;
        try {
            issued = issuance.issue(user.organizationId(), request, user.displayName(), scopedKey);
        } catch (DuplicateKeyException raced) {
            return ResponseEntity.ok(view(credentials
                    .findByIdempotencyKey(user.organizationId(), scopedKey)
                    .orElseThrow()));
        }
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + issued.id()))
                .body(view(issued));
    }

    @GetMapping
    @Operation(
            summary = "List credentials",
            description =
                    "q searches recipient, email, identifier and achievement; status is ACTIVE, SUSPENDED, REVOKED or EXPIRED.")
    PageResult<CredentialView> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID achievementId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        if (status != null && !status.isBlank() && !status.toUpperCase().matches("ACTIVE|SUSPENDED|REVOKED|EXPIRED")) {
            throw ProblemException.invalidField("status", "use ACTIVE, SUSPENDED, REVOKED or EXPIRED.");
        }
        var query = PageQuery.of(page, size, sort == null ? "issuedAt,desc" : sort, IssuedCredentials.SORTABLE, false);
        return credentials
                .page(user.organizationId(), q, status, achievementId, query)
                .map(c -> CredentialView.of(c, null));
    }

    @GetMapping("/{id}")
    CredentialView show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return view(credentials
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That credential")));
    }

    @PostMapping("/{id}/suspend")
    CredentialView suspend(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return view(issuance.suspend(user.organizationId(), id, body.reason()));
    }

    @PostMapping("/{id}/reinstate")
    CredentialView reinstate(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return view(issuance.reinstate(user.organizationId(), id, body.reason()));
    }

    @PostMapping("/{id}/revoke")
    CredentialView revoke(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return view(issuance.revoke(user.organizationId(), id, body.reason()));
    }

    @PostMapping("/{id}/replace")
    @Operation(
            summary = "Reissue with corrections",
            description = "The old credential is revoked as superseded and linked to the new one.")
    ResponseEntity<CredentialView> replace(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @Valid @RequestBody Replacement body) {
        var replacement =
                issuance.replace(user.organizationId(), id, body.credential(), body.reason(), user.displayName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/credentials/" + replacement.id()))
                .body(view(replacement));
    }

    private CredentialView view(IssuedCredential credential) {
        return CredentialView.of(credential, json.readTree(credential.document()));
    }
}
