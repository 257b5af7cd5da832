package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited credential lifecycle event: credential.issued. */
public record CredentialIssued(
        ChangeStamp stamp, UUID credentialId, String achievementName, String recipientName, String cryptosuite)
        implements Audited {

    @Override
    public String action() {
        return "credential.issued";
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
        return "Issued " + achievementName + " to " + recipientName + " (" + cryptosuite + ")";
    }

    @Override
    public String subjectName() {
        return recipientName + " · " + achievementName;
    }
}
