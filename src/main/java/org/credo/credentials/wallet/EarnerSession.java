package org.credo.credentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The earner signed into the wallet (by a password, an emailed link or a claim link, or as a signed-in
 * person of Credo): the account and its verified addresses, kept in the HTTP session.
 */
public final class EarnerSession {

    static final String ACCOUNT = "org.credo.wallet.account";
    static final String EMAILS = "org.credo.wallet.emails";

    private EarnerSession() {}

    /** The verified email addresses of the signed-in earner; empty when nobody is signed into the wallet. */
    @SuppressWarnings("unchecked")
    public static List<String> emails(HttpServletRequest request) {
        var session = request.getSession(false);
        var emails = session == null ? null : (List<String>) session.getAttribute(EMAILS);
        return emails == null ? List.of() : List.copyOf(emails);
    }

    /** Whether the signed-in earner owns a credential issued to this address. */
    public static boolean owns(HttpServletRequest request, String recipientEmail) {
        return emails(request).stream().anyMatch(e -> e.equalsIgnoreCase(recipientEmail));
    }

    static Optional<UUID> account(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((UUID) session.getAttribute(ACCOUNT));
    }

    /** Signs the account in with a fresh session id, so that a planted session id is worth nothing. */
    static void signIn(HttpServletRequest request, UUID accountId, List<String> emails) {
        request.getSession(true);
        request.changeSessionId();
        var session = request.getSession();
        session.setAttribute(ACCOUNT, accountId);
        session.setAttribute(EMAILS, new ArrayList<>(emails));
    }

    /** Opens the wallet in a session that is already signed in to Credo, whose id was renewed then. */
    static void join(HttpServletRequest request, UUID accountId, List<String> emails) {
        var session = request.getSession(true);
        session.setAttribute(ACCOUNT, accountId);
        session.setAttribute(EMAILS, new ArrayList<>(emails));
    }

    /** Replaces the addresses after one was verified. */
    static void refresh(HttpServletRequest request, List<String> emails) {
        var session = request.getSession(false);
        if (session != null) {
            session.setAttribute(EMAILS, new ArrayList<>(emails));
        }
    }

    static void signOut(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ACCOUNT);
            session.removeAttribute(EMAILS);
        }
    }
}
