package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credo.credentials.issuer.Issuers;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's organization as an issuer: the DID it signs as and the key that signs now. */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Issuer", description = "The DID and current verification method of the caller's organization")
class IssuerApi {

    /** The issuer as the API shows it; no key material but the public verification method's id. */
    record IssuerView(
            String id,
            String name,
            String verificationMethod,
            @Nullable String description) {}

    private final Issuers issuers;

    IssuerApi(Issuers issuers) {
        this.issuers = issuers;
    }

    @GetMapping("/api/v1/issuer")
    @Operation(summary = "The DID the organization issues as, and its current verification method")
    IssuerView show(@AuthenticationPrincipal CredoUser user) {
        var issuer = issuers.issuer(user.organizationId());
        return new IssuerView(
                issuer.id(), issuer.organization().name(), issuer.verificationMethod(), issuer.description());
    }
}
