package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited credential lifecycle event: credential.reinstated. */
public record CredentialReinstated(ChangeStamp stamp, UUID credentialId, String reason) implements Audited {

    @Override
    public String action() {
        return "credential.reinstated";
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
        return "Suspension lifted: " + reason;
    }
}
