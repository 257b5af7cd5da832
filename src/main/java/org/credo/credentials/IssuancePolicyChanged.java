package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An organization changed what it issues: general credentials, or suspension entries in Open Badges. */
public record IssuancePolicyChanged(
        ChangeStamp stamp, UUID organizationId, boolean generalCredentials, boolean suspensionEntries)
        implements Audited {

    @Override
    public String action() {
        return "issuance-policy.changed";
    }

    @Override
    public String subjectType() {
        return "IssuerProfile";
    }

    @Override
    public String subjectId() {
        return organizationId.toString();
    }

    @Override
    public String summary() {
        return "General credentials through the VC-API " + (generalCredentials ? "allowed" : "not allowed")
                + "; Open Badges credentials " + (suspensionEntries ? "carry" : "do not carry")
                + " a suspension entry";
    }
}
