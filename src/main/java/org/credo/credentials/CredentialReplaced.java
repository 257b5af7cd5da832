package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited credential lifecycle event: credential.replaced. */
public record CredentialReplaced(ChangeStamp stamp, UUID credentialId, UUID replacementId, String reason)
        implements Audited {

    @Override
    public String action() {
        return "credential.replaced";
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
        return "Replaced by " + replacementId + ": " + reason;
    }
}
