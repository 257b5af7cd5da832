package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A new issuer key signs from now on; older keys stay published for verification. */
public record IssuerKeyRotated(ChangeStamp stamp, UUID keyId, int keyNumber, String publicKeyMultibase)
        implements Audited {

    @Override
    public String action() {
        return "issuer-key.rotated";
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
        return "Key " + keyNumber + " (" + publicKeyMultibase + ") now signs new credentials";
    }
}
