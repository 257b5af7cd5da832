package org.credo.platform.tokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Personal access tokens over the API, and the one public call that exchanges a password for a token. */
@RestController
@Tag(name = "Authentication", description = "Personal access tokens: send them as 'Authorization: Bearer <token>'")
class TokenApi {

    /**
     * Credentials and what the new token may do; {@code organization} is a slug, required of a member of
     * several organizations.
     */
    record SignIn(
            @NotBlank @Email String email,
            @NotBlank String password,
            @Nullable String organization,
            @NotBlank @Size(max = 100) String name,
            @Nullable Set<Role> roles,
            @Nullable Integer expiresInDays) {}

    /** The caller as the API sees them. */
    record Me(
            UUID personId,
            String email,
            String displayName,
            UUID organizationId,
            String organizationName,
            Set<Role> roles) {}

    private final ApiTokenService tokens;
    private final AuthenticationConfiguration authentication;
    private final TokenOwners owners;
    private final Organizations organizations;
    private final long pauseMinutes;

    TokenApi(
            ApiTokenService tokens,
            AuthenticationConfiguration authentication,
            TokenOwners owners,
            Organizations organizations,
            CredoProperties properties) {
        this.tokens = tokens;
        this.authentication = authentication;
        this.owners = owners;
        this.organizations = organizations;
        this.pauseMinutes = properties.security().signInPause().toMinutes();
    }

    @PostMapping("/api/v1/auth/tokens")
    @SecurityRequirements
    @Operation(
            summary = "Create a token with email and password",
            description = "Returns the token once; store it. The token acts in the organization named by its slug,"
                    + " which may be left out by a member of only one organization. Repeated failures pause password"
                    + " sign-in for the email and for the caller's network for a while; tokens keep working.")
    ResponseEntity<CreatedApiToken> signIn(@Valid @RequestBody SignIn body, HttpServletRequest request)
            throws Exception {
        var owner = inOrganization(signedIn(body, request), body.organization());
        var created = tokens.create(owner, new ApiTokenRequest(body.name(), body.roles(), body.expiresInDays()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(created);
    }

    private CredoUser signedIn(SignIn body, HttpServletRequest request) throws Exception {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(body.email(), body.password());
        // The caller's address counts towards the throttle, as on the login form.
        attempt.setDetails(new WebAuthenticationDetails(request));
        try {
            return (CredoUser) authentication
                    .getAuthenticationManager()
                    .authenticate(attempt)
                    .getPrincipal();
        } catch (DisabledException e) {
            // Said only to someone who gave the right password.
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "Account inactive",
                    "This account is not an active member of any organization; ask your administrator.",
                    Map.of());
        } catch (AuthenticationException e) {
            // One answer for an unknown email, a wrong password and a paused sign-in (ADR 20).
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "Sign-in failed",
                    "The email or password is wrong, or password sign-in is paused for " + pauseMinutes
                            + " minutes after too many failed attempts for this email or from your network."
                            + " Check both and try again later, or reset your password at /password/forgot;"
                            + " API tokens you already have keep working.",
                    Map.of());
        }
    }

    /** The owner acting in the organization named by its slug, or in their only one. */
    private CredoUser inOrganization(CredoUser user, @Nullable String slug) {
        if (slug == null || slug.isBlank()) {
            return owners.in(user.personId(), null);
        }
        var organization = organizations
                .findBySlug(slug.trim())
                .orElseThrow(() ->
                        ProblemException.invalidField("organization", "no organization has the slug '" + slug + "'."));
        return owners.in(user.personId(), organization.id());
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the token belongs to, where it acts and with which roles")
    Me me(@AuthenticationPrincipal CredoUser user) {
        return new Me(
                user.personId(),
                user.email(),
                user.displayName(),
                user.organizationId(),
                user.organizationName(),
                user.roles());
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "The caller's tokens in this organization (without secrets)")
    List<ApiTokenView> list(@AuthenticationPrincipal CredoUser user) {
        return tokens.list(user);
    }

    @PostMapping("/api/v1/tokens")
    @Operation(summary = "Create another token with at most the caller's roles")
    ResponseEntity<CreatedApiToken> create(
            @AuthenticationPrincipal CredoUser user, @Valid @RequestBody ApiTokenRequest request) {
        var created = tokens.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @Operation(summary = "Revoke a token at once")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        tokens.revoke(user, id);
        return ResponseEntity.noContent().build();
    }
}
