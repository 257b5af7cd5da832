package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: a wallet received the credential through OpenID4VCI, bound to its holder's DID: credential.delivered-to-wallet. */
public record CredentialDeliveredToWallet(
        ChangeStamp stamp, UUID credentialId, UUID deliveryId, String holderDid, String format) implements Audited {

    @Override
    public String action() {
        return "credential.delivered-to-wallet";
    }

    @Override
    public String subjectType() {
        return "Credential";
    }

    @Override
    public String subjectId() {
        return credentialId.toString();
    }

    @Override
    public String summary() {
        var holder = holderDid.length() > 60 ? holderDid.substring(0, 57) + "..." : holderDid;
        return "Delivered to a wallet as " + format + ", bound to " + holder;
    }
}
