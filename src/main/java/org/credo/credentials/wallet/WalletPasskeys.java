package org.credo.credentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.EarnerPasskeyRegistered;
import org.credo.credentials.EarnerPasskeyRemoved;
import org.credo.credentials.EarnerSignedInWithPasskey;
import org.credo.platform.PasskeyCeremonies;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earners' own passkeys: registering one on the account page, removing one, and signing in to the wallet with one.
 * Platform's relying party checks every ceremony; each change and sign-in is audited in the home organization.
 */
@Service
class WalletPasskeys {

    private final PasskeyCeremonies ceremonies;
    private final EarnerPasskeys passkeys;
    private final EarnerAccounts accounts;
    private final ApplicationEventPublisher events;

    WalletPasskeys(
            PasskeyCeremonies ceremonies,
            EarnerPasskeys passkeys,
            EarnerAccounts accounts,
            ApplicationEventPublisher events) {
        this.ceremonies = ceremonies;
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.events = events;
    }

    List<EarnerPasskeys.Listed> of(UUID accountId) {
        return passkeys.of(accountId);
    }

    /**
     * Registration options for the account. Authenticators show the first address and the name, so that an earner
     * who is also staff can tell this passkey from their Credo login's.
     */
    String registrationOptions(HttpServletRequest request, EarnerAccounts.Account account) {
        var emails = accounts.emails(account.id());
        var name = emails.isEmpty() ? account.displayName() : emails.get(0);
        return ceremonies.registrationOptions(
                request,
                passkeys,
                new PasskeyCeremonies.PasskeyUser(
                        EarnerPasskeys.handle(account.id()), name, account.displayName() + " (credential wallet)"));
    }

    /** Verifies and keeps a new passkey of the account; refuses one started for another account. */
    @Transactional
    EarnerPasskeys.Listed register(HttpServletRequest request, EarnerAccounts.Account account, String body) {
        var passkey = ceremonies.register(request, passkeys, EarnerPasskeys.handle(account.id()), body);
        events.publishEvent(new EarnerPasskeyRegistered(
                Earners.stamp(account), account.id(), shorten(passkey.credentialId()), passkey.label()));
        return new EarnerPasskeys.Listed(passkey.credentialId(), passkey.label(), passkey.created(), null);
    }

    /** Removes one of the account's passkeys; empty when it is not the account's (or already gone). */
    @Transactional
    Optional<String> remove(EarnerAccounts.Account account, String credentialId) {
        var removed = passkeys.remove(account.id(), credentialId);
        removed.ifPresent(label -> events.publishEvent(
                new EarnerPasskeyRemoved(Earners.stamp(account), account.id(), shorten(credentialId), label)));
        return removed;
    }

    String signInOptions(HttpServletRequest request) {
        return ceremonies.signInOptions(request, passkeys);
    }

    /** The account a verified passkey signs in; the passkey itself names it, never what the browser claims. */
    @Transactional(noRollbackFor = PasskeyCeremonies.Refused.class)
    EarnerAccounts.Account signIn(HttpServletRequest request, String body) {
        var passkey = ceremonies.signIn(request, passkeys, body);
        var account = EarnerPasskeys.account(passkey.userHandle())
                .flatMap(accounts::find)
                .orElseThrow(() -> new PasskeyCeremonies.Refused("This passkey's wallet no longer exists."));
        events.publishEvent(new EarnerSignedInWithPasskey(
                Earners.stamp(account), account.id(), shorten(passkey.credentialId()), passkey.label()));
        return account;
    }

    /** Credential ids may run to 1,023 bytes; the audit trail keeps a recognisable prefix. */
    private static String shorten(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "…";
    }
}
