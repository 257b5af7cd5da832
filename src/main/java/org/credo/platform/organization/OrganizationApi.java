package org.credo.platform.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import org.credo.platform.CredoUser;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.ProblemException;
import org.credo.platform.people.Accounts;
import org.credo.platform.people.Membership;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's organizations. */
@RestController
@Tag(name = "Organizations")
class OrganizationApi {

    /** A new organization: its short name in URLs and its settings. */
    record NewOrganization(@NotBlank String slug, @Valid OrganizationSettings settings) {}

    private final OrganizationService organizations;
    private final Accounts accounts;

    OrganizationApi(OrganizationService organizations, Accounts accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/organization")
    @Operation(summary = "The organization the token acts in")
    OrganizationSummary current(@AuthenticationPrincipal CredoUser user) {
        return organizations
                .find(user.organizationId())
                .orElseThrow(() -> ProblemException.notFound("The organization"));
    }

    @PutMapping("/api/v1/organization")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Change the settings of the organization the token acts in")
    OrganizationSummary update(
            @AuthenticationPrincipal CredoUser admin, @Valid @RequestBody OrganizationSettings settings) {
        return organizations.update(admin.organizationId(), settings);
    }

    @GetMapping("/api/v1/organizations")
    @Operation(summary = "Every organization the caller is an active member of")
    List<OrganizationSummary> mine(@AuthenticationPrincipal CredoUser user) {
        return accounts.activeMemberships(user.personId()).stream()
                .map(Membership::organizationId)
                .map(id -> organizations.find(id).orElseThrow())
                .toList();
    }

    @PostMapping("/api/v1/organizations")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Create an organization", description = "The caller becomes its first administrator.")
    ResponseEntity<OrganizationSummary> create(
            @AuthenticationPrincipal CredoUser admin, @Valid @RequestBody NewOrganization body) {
        var created = organizations.create(body.slug().trim(), body.settings(), admin.personId());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(created);
    }
}
