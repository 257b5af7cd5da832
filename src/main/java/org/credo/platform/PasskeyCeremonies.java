package org.credo.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Passkeys (WebAuthn) of accounts that another module keeps, such as earner accounts. Platform runs the
 * ceremonies as Credo's one relying party (ADR 5: the same id, origins and checks as staff passkeys); the
 * caller keeps the passkeys in a {@link PasskeyStore} and decides whom a verified passkey signs in. Pending
 * challenges sit in the HTTP session, one of each kind per store, and the first answer uses them up.
 */
public interface PasskeyCeremonies {

    /** The account a new passkey is for, as authenticators show it; the handle is base64url. */
    record PasskeyUser(String handle, String name, String displayName) {}

    /** A ceremony that did not succeed; the message says what to do, in words an earner understands. */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Options for {@code navigator.credentials.create()} as JSON; the challenge is kept in the session. */
    String registrationOptions(HttpServletRequest request, PasskeyStore store, PasskeyUser user);

    /**
     * Checks the browser's answer ({@code {"publicKey": {"label", "credential"}}}) against the pending options of
     * this user and keeps the passkey in the store.
     *
     * @throws Refused when there are no pending options for this user, the label is missing or too long, or the
     *     authenticator's answer does not verify (challenge, origin, relying party, signature)
     */
    PasskeyStore.Passkey register(HttpServletRequest request, PasskeyStore store, String userHandle, String body);

    /** Options for {@code navigator.credentials.get()} as JSON, for any passkey of the store (discoverable). */
    String signInOptions(HttpServletRequest request, PasskeyStore store);

    /**
     * Verifies an assertion against the pending options and the stored passkey, records its use, and returns it;
     * its {@code userHandle} names whom it signs in.
     *
     * @throws Refused when there are no pending options, the passkey is unknown to the store, or the assertion does
     *     not verify
     */
    PasskeyStore.Passkey signIn(HttpServletRequest request, PasskeyStore store, String body);
}
