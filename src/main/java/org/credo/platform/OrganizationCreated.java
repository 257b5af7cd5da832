package org.credo.platform;

import java.util.UUID;

/** A new organization exists. */
public record OrganizationCreated(ChangeStamp stamp, UUID organizationId, String slug, String name) implements Audited {

    @Override
    public String action() {
        return "organization.created";
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
        return "Created organization " + name + " (" + slug + ")";
    }

    @Override
    public String subjectName() {
        return name;
    }
}
