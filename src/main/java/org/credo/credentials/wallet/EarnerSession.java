package org.credo.credentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The earner signed into the wallet by a claim link, for wallet features outside this package. */
public final class EarnerSession {

    private EarnerSession() {}

    /** The email address of the signed-in earner, if any. */
    public static Optional<String> email(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null
                ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(WalletController.EARNER));
    }
}
