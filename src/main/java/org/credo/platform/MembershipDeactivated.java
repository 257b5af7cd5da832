package org.credo.platform;

import java.util.UUID;

/** Audited platform event: membership.deactivated. */
public record MembershipDeactivated(ChangeStamp stamp, UUID personId, String email) implements Audited {

    @Override
    public String action() {
        return "membership.deactivated";
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
        return "Deactivated " + email;
    }

    @Override
    public String subjectName() {
        return email;
    }
}
