package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: an earner removed a passkey, which no longer signs in to the wallet: earner.passkey-removed. */
public record EarnerPasskeyRemoved(ChangeStamp stamp, UUID accountId, String credentialId, String label)
        implements Audited {

    @Override
    public String action() {
        return "earner.passkey-removed";
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
        return "Removed the passkey '" + label + "' (" + credentialId + ")";
    }
}
