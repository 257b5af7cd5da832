package org.credo.credentials.wallet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wallet as JSON: anyone reads a public profile; a person of Credo reads, with their personal access token, the
 * credentials issued to their verified addresses in every organization.
 */
@RestController
@Tag(name = "Wallet", description = "Earners' credentials across organizations, and their public profiles")
class WalletApi {

    /** A credential in the caller's wallet. */
    record WalletCredential(
            UUID id,
            String achievement,
            UUID organizationId,
            String organization,
            String recipientName,
            String recipientEmail,
            Instant issuedAt,
            String status,
            String verifyUrl) {}

    private final PublicProfiles profiles;
    private final IssuedCredentials credentials;
    private final EarnerAccounts accounts;
    private final Earners earners;
    private final CredoProperties properties;

    WalletApi(
            PublicProfiles profiles,
            IssuedCredentials credentials,
            EarnerAccounts accounts,
            Earners earners,
            CredoProperties properties) {
        this.profiles = profiles;
        this.credentials = credentials;
        this.accounts = accounts;
        this.earners = earners;
        this.properties = properties;
    }

    @GetMapping("/api/v1/profiles/{handle}")
    @Operation(
            summary = "Read an earner's public profile",
            description = "Only a profile its earner turned on, with only the credentials they chose, never a revoked"
                    + " one and never an email address; otherwise 404.")
    PublicProfiles.Profile profile(@PathVariable String handle) {
        return profiles.find(handle).orElseThrow(() -> ProblemException.notFound("That profile"));
    }

    @GetMapping("/api/v1/wallet/credentials")
    @Operation(
            summary = "List the credentials in my wallet",
            description = "Every credential issued to the caller's address, and to the addresses they verified in the"
                    + " wallet, in every organization, newest first. organizationId narrows it to one organization.")
    PageResult<WalletCredential> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID organizationId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var query = PageQuery.of(page, size, null, List.of("issuedAt"), false);
        var emails = accounts.ownerOf(user.email())
                .map(a -> accounts.emails(a.id()))
                .orElse(List.of(EarnerAccounts.normalize(user.email())));
        var names = new HashMap<UUID, String>();
        var all = credentials.forRecipients(emails).stream()
                .filter(c -> organizationId == null || c.organizationId().equals(organizationId))
                .toList();
        var items = all.stream()
                .skip(query.offset())
                .limit(query.size())
                .map(c -> view(c, names.computeIfAbsent(c.organizationId(), earners::organizationName)))
                .toList();
        return PageResult.of(items, query, all.size());
    }

    private WalletCredential view(IssuedCredential c, String organization) {
        return new WalletCredential(
                c.id(),
                c.achievementName(),
                c.organizationId(),
                organization,
                c.recipientName(),
                c.recipientEmail(),
                c.issuedAt(),
                c.displayStatus(),
                properties.link("/verify/" + c.id()));
    }
}
