package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.credo.credentials.insight.CredentialTimeline;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A credential's timeline over the REST API. */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Credentials", description = "Open Badges 3.0 credentials with Data Integrity proofs")
class CredentialEventsApi {

    private final IssuedCredentials credentials;
    private final CredentialTimeline timeline;

    CredentialEventsApi(IssuedCredentials credentials, CredentialTimeline timeline) {
        this.credentials = credentials;
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/credentials/{id}/events")
    @Operation(
            summary = "What happened to a credential",
            description = "Issued, emailed (when the mail server accepted the email), claimed, viewed, shared,"
                    + " downloaded, added to a wallet, verified, reminded, suspended, reinstated, revoked; times in"
                    + " UTC. type is a stable code (ISSUED, EMAILED, CLAIMED, VIEWED, SHARED, DOWNLOADED,"
                    + " ADDED_TO_A_WALLET, VERIFIED...). sort is occurredAt,asc (the default) or occurredAt,desc.")
    PageResult<CredentialTimeline.Entry> events(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        credentials.find(user.organizationId(), id).orElseThrow(() -> ProblemException.notFound("That credential"));
        var query = PageQuery.of(page, size, sort, CredentialTimeline.SORTABLE, true);
        return timeline.page(user.organizationId(), id, query);
    }
}
