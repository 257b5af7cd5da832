package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An old issuer key is no longer published; credentials it signed no longer verify. */
public record IssuerKeyRetired(ChangeStamp stamp, UUID keyId, int keyNumber) implements Audited {

    @Override
    public String action() {
        return "issuer-key.retired";
    }

    @Override
    public String subjectType() {
        return "IssuerKey";
    }

    @Override
    public String subjectId() {
        return keyId.toString();
    }

    @Override
    public String summary() {
        return "Retired key " + keyNumber + "; it is no longer in the DID document";
    }
}
