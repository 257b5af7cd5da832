package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: an earner registered a passkey that signs in to the wallet: earner.passkey-registered. */
public record EarnerPasskeyRegistered(ChangeStamp stamp, UUID accountId, String credentialId, String label)
        implements Audited {

    @Override
    public String action() {
        return "earner.passkey-registered";
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
        return "Registered the passkey '" + label + "' (" + credentialId + ")";
    }
}
