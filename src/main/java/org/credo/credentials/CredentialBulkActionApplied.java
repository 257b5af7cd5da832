package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/**
 * Audited: staff applied a reviewed bulk change to credentials (credential_bulk_action.applied). Each
 * credential's own change is recorded by its usual event as well.
 */
public record CredentialBulkActionApplied(ChangeStamp stamp, UUID planId, String source, String changes)
        implements Audited {

    @Override
    public String action() {
        return "credential_bulk_action.applied";
    }

    @Override
    public String subjectType() {
        return "CredentialBulkAction";
    }

    @Override
    public String subjectId() {
        return planId.toString();
    }

    @Override
    public String summary() {
        return "Applied a bulk change (" + source + "): " + changes;
    }
}
