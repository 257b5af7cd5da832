package org.credo.platform.tokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.people.Accounts;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    /** Credentials and what the new token may do; {@code organization} is a slug, default the last one used. */
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
    private final Accounts accounts;
    private final org.credo.platform.Organizations organizations;

    TokenApi(
            ApiTokenService tokens,
            AuthenticationConfiguration authentication,
            Accounts accounts,
            org.credo.platform.Organizations organizations) {
        this.tokens = tokens;
        this.authentication = authentication;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @PostMapping("/api/v1/auth/tokens")
    @SecurityRequirements
    @Operation(
            summary = "Create a token with email and password",
            description = "Returns the token once; store it. Repeated wrong passwords lock the account for a while.")
    ResponseEntity<CreatedApiToken> signIn(@Valid @RequestBody SignIn body) throws Exception {
        CredoUser user;
        try {
            var result = authentication
                    .getAuthenticationManager()
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(body.email(), body.password()));
            user = (CredoUser) result.getPrincipal();
        } catch (LockedException e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "Account locked",
                    "Too many failed sign-ins; try again later or reset your password at /password/forgot.",
                    java.util.Map.of());
        } catch (DisabledException e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "Account inactive",
                    "This account is not an active member of any organization.",
                    java.util.Map.of());
        } catch (BadCredentialsException e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "Wrong email or password",
                    "The email or password is wrong; check both and try again.",
                    java.util.Map.of());
        } catch (AuthenticationException e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED, "Sign-in failed", "Sign-in failed; try again.", java.util.Map.of());
        }
        if (body.organization() != null && !body.organization().isBlank()) {
            var organization = organizations
                    .findBySlug(body.organization().trim())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "organization", "no organization has the slug '" + body.organization() + "'."));
            user = accounts.inOrganization(user.personId(), organization.id())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "organization", "you are not an active member of " + organization.name() + "."));
        }
        var created = tokens.create(user, new ApiTokenRequest(body.name(), body.roles(), body.expiresInDays()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(created);
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
