package org.credo.credentials.wallet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.EarnerAccountOpened;
import org.credo.credentials.EarnerEmailVerified;
import org.credo.credentials.EarnerPasswordChanged;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.templates.OrganizationTemplates;
import org.credo.notifications.Notifications;
import org.credo.platform.ChangeStamp;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.SourceThrottle;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How earners get into their wallet and keep it: accounts opened by a claim link, an emailed sign-in link
 * or a Credo sign-in; a password; more verified addresses. Emails are worded by the template of the organization
 * that issued to the address, or the built-in one when several did, and go through an organization's outbox.
 */
@Service
class Earners {

    /** The name the wallet's sign-in counts under in the per-network throttle, apart from staff sign-in. */
    static final String THROTTLE_PAGE = "wallet-sign-in";

    /** What asking to add an address came to. */
    enum AddResult {
        SENT,
        ALREADY_YOURS,
        TAKEN,
        THROTTLED
    }

    /** What following a verification link came to. */
    record Verified(
            ClaimLinks.Outcome outcome,
            boolean taken,
            @Nullable String email) {}

    private final EarnerAccounts accounts;
    private final EarnerLinks links;
    private final IssuedCredentials credentials;
    private final Notifications notifications;
    private final Organizations organizations;
    private final CredoProperties properties;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final SourceThrottle throttle;
    private final OrganizationTemplates templates;

    /** Compared against when no account matches, so a wrong address costs as long as a wrong password. */
    private final String decoyHash;

    Earners(
            EarnerAccounts accounts,
            EarnerLinks links,
            IssuedCredentials credentials,
            Notifications notifications,
            Organizations organizations,
            CredoProperties properties,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            SourceThrottle throttle,
            OrganizationTemplates templates) {
        this.accounts = accounts;
        this.links = links;
        this.credentials = credentials;
        this.notifications = notifications;
        this.organizations = organizations;
        this.properties = properties;
        this.encoder = encoder;
        this.events = events;
        this.throttle = throttle;
        this.templates = templates;
        this.decoyHash = encoder.encode("not-a-password-" + UUID.randomUUID());
    }

    /** The account of an address proven by a claim link, opened now if the address has none. */
    @Transactional
    EarnerAccounts.Account openByClaim(String email, String recipientName, UUID organizationId) {
        return open(email, recipientName, organizationId, "a claim link");
    }

    /** The account of a signed-in person of Credo, whose address the invitation proved. */
    @Transactional
    EarnerAccounts.Account openForPerson(String email, String displayName, UUID organizationId) {
        return open(email, displayName, organizationId, "a Credo sign-in");
    }

    private EarnerAccounts.Account open(String email, String name, UUID organizationId, String how) {
        var opened = accounts.open(email, name, organizationId);
        if (opened.created()) {
            var account = opened.account();
            events.publishEvent(new EarnerAccountOpened(stamp(account), account.id(), how));
        }
        return opened.account();
    }

    /** Adds an address proven by a claim link to the signed-in earner's account. */
    @Transactional
    EarnerAccounts.Account attach(EarnerAccounts.Account account, String email) {
        var owner = accounts.addEmail(account.id(), email);
        if (owner.equals(account.id())) {
            events.publishEvent(new EarnerEmailVerified(stamp(account), account.id(), EarnerAccounts.normalize(email)));
        }
        return accounts.find(owner).orElseThrow();
    }

    /**
     * Emails a sign-in link when the address has an account or received a credential; says nothing either way, so
     * the page cannot tell who is known. At most {@link EarnerLinks#MAX_RECENT} links an address a quarter hour, and
     * a network that asked for too many lately, for any addresses, gets none for a while (ADR 33). Every request
     * counts against its network, whether the address is known or not.
     */
    @Transactional
    void sendSignInLink(String email, @Nullable String source) {
        var address = EarnerAccounts.normalize(email);
        if (address.length() > 320
                || !throttle.linkAllowed(THROTTLE_PAGE, source)
                || links.recent(EarnerLinks.Purpose.SIGN_IN, address) >= EarnerLinks.MAX_RECENT) {
            return;
        }
        // The link opens the whole wallet: every address of the account, not only this one.
        var owner = accounts.ownerOf(address);
        var issued = credentials.forRecipients(
                owner.map(a -> accounts.emails(a.id())).orElse(List.of(address)));
        var home = owner.map(EarnerAccounts.Account::homeOrganizationId)
                .or(() -> issued.stream().findFirst().map(IssuedCredential::organizationId));
        if (home.isEmpty()) {
            return;
        }
        var token = links.issue(EarnerLinks.Purpose.SIGN_IN, address, null);
        var voice = speaksFor(issued, home.get());
        var message = templates.earnerSignInEmail(
                voice.orElse(null),
                Map.of(
                        "email", address,
                        "issuerName", voice.map(this::organizationName).orElse(""),
                        "signInUrl", properties.link("/wallet/sign-in/" + token),
                        "minutes", Long.toString(EarnerLinks.VALIDITY.toMinutes())));
        notifications.enqueue(
                voice.orElse(home.get()),
                address,
                message.subject(),
                message.text(),
                message.html(),
                "earner-sign-in:" + ClaimLinks.digest(token));
    }

    /**
     * The organization an earner email speaks for, whose template words it: the one that issued every credential
     * the email is about (the wallet's for a sign-in link, the address's for a confirmation), or the account's home
     * organization when there are none yet. Empty when several organizations issued them: the email then speaks for
     * no one organization, and the built-in template words it (ADR 33).
     */
    private static Optional<UUID> speaksFor(List<IssuedCredential> issued, UUID home) {
        var organizations = issued.stream()
                .map(IssuedCredential::organizationId)
                .distinct()
                .limit(2)
                .toList();
        if (organizations.size() > 1) {
            return Optional.empty();
        }
        return Optional.of(organizations.isEmpty() ? home : organizations.get(0));
    }

    EarnerLinks.Check peekSignIn(String token) {
        return links.peek(EarnerLinks.Purpose.SIGN_IN, token);
    }

    EarnerLinks.Check peekVerify(String token) {
        return links.peek(EarnerLinks.Purpose.VERIFY, token);
    }

    /** Uses up a sign-in link; a valid one yields the address's account, opened now if it had none. */
    @Transactional
    EarnerLinks.Check redeemSignIn(String token) {
        return links.redeem(EarnerLinks.Purpose.SIGN_IN, token);
    }

    /** The account of an address whose sign-in link was just used. */
    @Transactional
    Optional<EarnerAccounts.Account> accountOf(String email) {
        var owner = accounts.ownerOf(email);
        if (owner.isPresent()) {
            return owner;
        }
        return newest(email).map(c -> open(email, c.recipientName(), c.organizationId(), "a sign-in link"));
    }

    /**
     * Checks a password. A wrong one counts toward a pause of the account and of the source's network, whether the
     * address is known or not; a paused account or network refuses even the right one. Every attempt checks one
     * password hash, so that the time taken does not tell which case it was.
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    Optional<EarnerAccounts.Account> passwordSignIn(String email, String password, @Nullable String source) {
        var account = accounts.ownerOf(email);
        var hash = account.map(a -> accounts.passwordHash(a.id())).orElse(null);
        boolean matches = encoder.matches(password, hash == null ? decoyHash : hash) && hash != null;
        if (throttle.passwordPaused(THROTTLE_PAGE, source)) {
            return Optional.empty();
        }
        if (account.isEmpty() || hash == null) {
            throttle.passwordFailed(THROTTLE_PAGE, source);
            return Optional.empty();
        }
        if (accounts.paused(account.get().id())) {
            return Optional.empty();
        }
        if (!matches) {
            accounts.failedSignIn(account.get().id());
            throttle.passwordFailed(THROTTLE_PAGE, source);
            return Optional.empty();
        }
        accounts.signedIn(account.get().id());
        return account;
    }

    /** Sets the password; a changed one needs the current one. Returns false when the current one is wrong. */
    @Transactional
    boolean setPassword(UUID accountId, @Nullable String current, String next) {
        var hash = accounts.passwordHash(accountId);
        if (hash != null && (current == null || !encoder.matches(current, hash))) {
            return false;
        }
        accounts.setPassword(accountId, encoder.encode(next));
        var account = accounts.find(accountId).orElseThrow();
        events.publishEvent(new EarnerPasswordChanged(stamp(account), accountId, hash == null));
        return true;
    }

    /** Sends a verification link to an address the earner wants to add. */
    @Transactional
    AddResult requestEmail(UUID accountId, String email) {
        var address = EarnerAccounts.normalize(email);
        var owner = accounts.ownerOf(address);
        if (owner.isPresent()) {
            return owner.get().id().equals(accountId) ? AddResult.ALREADY_YOURS : AddResult.TAKEN;
        }
        if (links.recent(EarnerLinks.Purpose.VERIFY, address) >= EarnerLinks.MAX_RECENT) {
            return AddResult.THROTTLED;
        }
        var account = accounts.find(accountId).orElseThrow();
        var token = links.issue(EarnerLinks.Purpose.VERIFY, address, accountId);
        var voice = speaksFor(credentials.forRecipient(address), account.homeOrganizationId());
        var message = templates.earnerAddressEmail(
                voice.orElse(null),
                Map.of(
                        "recipientName", account.displayName(),
                        "email", address,
                        "issuerName", voice.map(this::organizationName).orElse(""),
                        "confirmUrl", properties.link("/wallet/account/emails/verify/" + token),
                        "minutes", Long.toString(EarnerLinks.VALIDITY.toMinutes())));
        notifications.enqueue(
                voice.orElse(account.homeOrganizationId()),
                address,
                message.subject(),
                message.text(),
                message.html(),
                "earner-verify:" + ClaimLinks.digest(token));
        return AddResult.SENT;
    }

    /** Uses up a verification link and adds its address, unless another earner verified it first. */
    @Transactional
    Verified verify(String token) {
        var check = links.redeem(EarnerLinks.Purpose.VERIFY, token);
        if (check.outcome() != ClaimLinks.Outcome.VALID || check.email() == null || check.accountId() == null) {
            return new Verified(check.outcome(), false, null);
        }
        var owner = accounts.addEmail(check.accountId(), check.email());
        if (!owner.equals(check.accountId())) {
            return new Verified(check.outcome(), true, check.email());
        }
        var account = accounts.find(owner).orElseThrow();
        events.publishEvent(new EarnerEmailVerified(stamp(account), owner, check.email()));
        return new Verified(check.outcome(), false, check.email());
    }

    List<String> emails(UUID accountId) {
        return accounts.emails(accountId);
    }

    Optional<EarnerAccounts.Account> find(UUID accountId) {
        return accounts.find(accountId);
    }

    /** The organization's name, as the wallet labels its credentials. */
    String organizationName(UUID organizationId) {
        return organizations.find(organizationId).map(OrganizationSummary::name).orElse("Credo");
    }

    static ChangeStamp stamp(EarnerAccounts.Account account) {
        return ChangeStamp.by(account.homeOrganizationId(), account.id(), account.displayName());
    }

    private Optional<IssuedCredential> newest(String email) {
        return credentials.forRecipient(email).stream().findFirst();
    }
}
