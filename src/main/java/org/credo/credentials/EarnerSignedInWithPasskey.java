package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: an earner signed in to the wallet with a passkey: earner.signed-in-with-passkey. */
public record EarnerSignedInWithPasskey(ChangeStamp stamp, UUID accountId, String credentialId, String label)
        implements Audited {

    @Override
    public String action() {
        return "earner.signed-in-with-passkey";
    }

    @Override
    public String subjectType() {
        return "EarnerAccount";
    }

    @Override
    public String subjectId() {
        return accountId.toString();
    }

    @Override
    public String summary() {
        return "Signed in with the passkey '" + label + "' (" + credentialId + ")";
    }
}
