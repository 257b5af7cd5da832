package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: staff sent a credential's earner a fresh claim email (credential.claim_email_resent). */
public record ClaimEmailResent(ChangeStamp stamp, UUID credentialId, UUID requestId) implements Audited {

    @Override
    public String action() {
        return "credential.claim_email_resent";
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
        return "Claim email sent again (request " + requestId + ")";
    }
}
