package org.credo.platform;

import java.util.UUID;

/** An administrator changed the organization's logo or colours; {@code changes} lists each as old → new. */
public record OrganizationBrandingChanged(ChangeStamp stamp, UUID organizationId, String changes) implements Audited {

    @Override
    public String action() {
        return "organization.branding-changed";
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
