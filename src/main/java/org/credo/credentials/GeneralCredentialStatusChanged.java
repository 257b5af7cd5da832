package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A status of a general credential changed through the VC-API: revoked, suspended, reinstated or a new notice. */
public record GeneralCredentialStatusChanged(ChangeStamp stamp, UUID id, String credentialId, String purpose, int value)
        implements Audited {

    @Override
    public String action() {
        return "general-credential.status-changed";
    }

    @Override
    public String subjectType() {
        return "GeneralCredential";
    }

    @Override
    public String subjectId() {
        return id.toString();
    }

    @Override
    public String summary() {
        return "Set the " + purpose + " status of " + credentialId + " to " + value;
    }
}
