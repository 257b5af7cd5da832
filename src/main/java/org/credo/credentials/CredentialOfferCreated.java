package org.credo.credentials;

import java.time.Instant;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: the earner asked for an OpenID4VCI credential offer (a QR code for a wallet): credential.offer-created. */
public record CredentialOfferCreated(ChangeStamp stamp, UUID credentialId, UUID offerId, Instant expiresAt)
        implements Audited {

    @Override
    public String action() {
        return "credential.offer-created";
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
        return "Wallet offer " + offerId + " created, valid until " + expiresAt;
    }
}
