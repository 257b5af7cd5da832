package org.credo.credentials.bulk;

import java.util.Locale;
import java.util.Optional;

/** What a bulk change does to one credential. */
public enum CredentialAction {
    SUSPEND("suspend", "Suspend", true),
    REINSTATE("reinstate", "Reinstate", true),
    REVOKE("revoke", "Revoke", true),
    RESEND("resend", "Resend claim email", false);

    private final String id;
    private final String label;
    private final boolean needsReason;

    CredentialAction(String id, String label, boolean needsReason) {
        this.id = id;
        this.label = label;
        this.needsReason = needsReason;
    }

    /** The lower-case name used in forms, CSV files and the API. */
    String id() {
        return id;
    }

    String label() {
        return label;
    }

    /** Suspending, reinstating and revoking record why; a resend needs no reason. */
    boolean needsReason() {
        return needsReason;
    }

    static Optional<CredentialAction> parse(String value) {
        var wanted = value.trim().toLowerCase(Locale.ROOT);
        for (var action : values()) {
            if (action.id.equals(wanted)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
