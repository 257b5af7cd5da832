package org.credo.credentials.wallet;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.config.CredoProperties;
import org.springframework.stereotype.Component;

/**
 * An earner's public profile: their name and the credentials they chose to show, never an email address. It exists
 * only while the earner has it on; a revoked credential never appears on it.
 */
@Component
class PublicProfiles {

    /** The profile as the page and the API show it. */
    record Profile(String handle, String name, String url, List<Entry> credentials) {}

    /** One shown credential: what it is, who issued it, when, its state, and where anyone can check it. */
    record Entry(
            UUID id,
            String achievement,
            String issuer,
            Instant issuedAt,
            String status,
            String verifyUrl,
            String imageUrl) {}

    private final EarnerAccounts accounts;
    private final IssuedCredentials credentials;
    private final Earners earners;
    private final CredoProperties properties;

    PublicProfiles(
            EarnerAccounts accounts, IssuedCredentials credentials, Earners earners, CredoProperties properties) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.earners = earners;
        this.properties = properties;
    }

    Optional<Profile> find(String handle) {
        if (handle.length() > 40) {
            return Optional.empty();
        }
        return accounts.byHandle(handle)
                .filter(EarnerAccounts.Account::profileEnabled)
                .map(account -> {
                    var chosen = accounts.profileCredentials(account.id());
                    var names = new HashMap<UUID, String>();
                    var entries = credentials.forRecipients(accounts.emails(account.id())).stream()
                            .filter(c -> chosen.contains(c.id()))
                            .filter(c -> c.state() != IssuedCredential.State.REVOKED)
                            .map(c -> new Entry(
                                    c.id(),
                                    c.achievementName(),
                                    names.computeIfAbsent(c.organizationId(), earners::organizationName),
                                    c.issuedAt(),
                                    c.displayStatus(),
                                    properties.link("/verify/" + c.id()),
                                    properties.link("/verify/" + c.id() + "/badge.png")))
                            .toList();
                    return new Profile(
                            account.handle(),
                            account.displayName(),
                            properties.link("/p/" + account.handle()),
                            entries);
                });
    }
}
