package org.credo.platform;

import java.util.UUID;

/** An organization's settings changed; {@code changes} lists each field as old → new. */
public record OrganizationUpdated(ChangeStamp stamp, UUID organizationId, String changes) implements Audited {

    @Override
    public String action() {
        return "organization.updated";
    }

    @Override
    public String subjectType() {
        return "Organization";
    }

    @Override
    public String subjectId() {
        return organizationId.toString();
    }

    @Override
    public String summary() {
        return "Changed " + changes;
    }
}
