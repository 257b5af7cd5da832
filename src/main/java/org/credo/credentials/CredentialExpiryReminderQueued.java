package org.credo.credentials;

import java.time.Instant;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: the earner of a credential was emailed that it expires soon: credential.expiry-reminder-queued. */
public record CredentialExpiryReminderQueued(ChangeStamp stamp, UUID credentialId, Instant validUntil, int daysBefore)
        implements Audited {

    @Override
    public String action() {
        return "credential.expiry-reminder-queued";
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
        return "Expiry reminder queued " + daysBefore + " days before " + validUntil;
    }
}
