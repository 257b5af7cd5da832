package org.credo.credentials.issuer;

import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The did:web documents of this server's issuers, where did:web resolution looks for them. */
@RestController
class DidDocumentController {

    private final Issuers issuers;
    private final Organizations organizations;

    DidDocumentController(Issuers issuers, Organizations organizations) {
        this.issuers = issuers;
        this.organizations = organizations;
    }

    @GetMapping(
            value = "/.well-known/did.json",
            produces = {"application/did+json", "application/json"})
    ResponseEntity<String> defaultIssuer() {
        var organization = issuers.organizationOfDidWeb(issuers.hostDid())
                .orElseThrow(() -> ProblemException.notFound("The default issuer"));
        return document(organization);
    }

    @GetMapping(
            value = "/organizations/{slug}/did.json",
            produces = {"application/did+json", "application/json"})
    ResponseEntity<String> organization(@PathVariable String slug) {
        return document(
                organizations.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("That organization")));
    }

    private ResponseEntity<String> document(org.credo.platform.OrganizationSummary organization) {
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(issuers.didDocument(organization).toString());
    }
}
