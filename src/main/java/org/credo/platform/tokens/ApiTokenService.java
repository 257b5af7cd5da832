package org.credo.platform.tokens;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.ApiTokenCreated;
import org.credo.platform.ApiTokenRevoked;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.credo.platform.people.Accounts;
import org.credo.platform.people.SecretTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, checks and revokes personal access tokens. */
@Service
public class ApiTokenService {

    static final String PREFIX = "credo_pat_";
    static final int DEFAULT_DAYS = 90;

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final CredoProperties properties;

    ApiTokenService(ApiTokens tokens, Accounts accounts, ApplicationEventPublisher events, CredoProperties properties) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
    }

    /** Creates a token for the user in their current organization, with at most their roles. */
    @Transactional
    public CreatedApiToken create(CredoUser owner, ApiTokenRequest request) {
        Set<Role> roles =
                request.roles() == null || request.roles().isEmpty() ? owner.roles() : EnumSet.copyOf(request.roles());
        if (!owner.roles().containsAll(roles)) {
            var extra = EnumSet.copyOf(roles);
            extra.removeAll(owner.roles());
            throw ProblemException.invalidField(
                    "roles",
                    "you do not hold " + extra + " in " + owner.organizationName()
                            + "; a token can only carry your own roles.");
        }
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        var lifetime = Duration.ofDays(days);
        if (lifetime.compareTo(properties.security().apiTokenMaxValidity()) > 0) {
            throw ProblemException.invalidField(
                    "expiresInDays",
                    "a token may live at most "
                            + properties.security().apiTokenMaxValidity().toDays() + " days.");
        }
        var secret = SecretTokens.generate(PREFIX);
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        var expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        var name = request.name().trim();
        tokens.insert(
                id,
                owner.organizationId(),
                owner.personId(),
                name,
                SecretTokens.digest(secret),
                secret.substring(0, PREFIX.length() + 4),
                ApiTokens.rolesText(roles),
                now,
                expiresAt);
        events.publishEvent(new ApiTokenCreated(
                ChangeStamp.now(owner.organizationId()),
                id,
                name,
                owner.email(),
                ApiTokens.rolesText(roles),
                expiresAt));
        return new CreatedApiToken(id, name, secret, roles, owner.organizationId(), expiresAt);
    }

    /**
     * The user a bearer token stands for, acting with the token's roles that they still hold; empty
     * for an unknown, expired or revoked token or a deactivated member.
     */
    @Transactional
    public Optional<CredoUser> authenticate(String bearer) {
        if (!bearer.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var stored = tokens.findByDigest(SecretTokens.digest(bearer));
        var now = Timestamps.now();
        if (stored.isEmpty()
                || stored.get().revokedAt() != null
                || stored.get().expiresAt().isBefore(now)) {
            return Optional.empty();
        }
        var token = stored.get();
        var user = accounts.inOrganization(token.personId(), token.organizationId());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        var roles = parseRoles(token.roles());
        roles.retainAll(user.get().roles());
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusSeconds(60))) {
            tokens.touch(token.id(), now);
        }
        return Optional.of(user.get().withRoles(roles));
    }

    /** The caller's tokens in their current organization, newest first. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> list(CredoUser owner) {
        return tokens.ofOwner(owner.personId(), owner.organizationId());
    }

    /** Revokes one of the caller's tokens at once. */
    @Transactional
    public void revoke(CredoUser owner, UUID tokenId) {
        var token = list(owner).stream()
                .filter(t -> t.id().equals(tokenId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That API token"));
        if (!tokens.revoke(tokenId, owner.personId(), owner.organizationId(), Timestamps.now())) {
            throw ProblemException.conflict("Already revoked", "This token was already revoked.");
        }
        events.publishEvent(
                new ApiTokenRevoked(ChangeStamp.now(owner.organizationId()), tokenId, token.name(), owner.email()));
    }

    static EnumSet<Role> parseRoles(@Nullable String csv) {
        var roles = EnumSet.noneOf(Role.class);
        if (csv != null) {
            for (var name : csv.split(",")) {
                if (!name.isBlank()) {
                    Role.parse(name).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }
}
