package org.credo.platform;

import java.util.UUID;

/** Audited platform event: membership.roles-changed. */
public record MembershipRolesChanged(ChangeStamp stamp, UUID personId, String email, String before, String after)
        implements Audited {

    @Override
    public String action() {
        return "membership.roles-changed";
    }

    @Override
    public String subjectType() {
        return "Person";
    }

    @Override
    public String subjectId() {
        return personId.toString();
    }

    @Override
    public String summary() {
        return "Roles of " + email + ": " + before + " → " + after;
    }

    @Override
    public String subjectName() {
        return email;
    }
}
