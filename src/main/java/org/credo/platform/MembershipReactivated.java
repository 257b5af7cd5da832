package org.credo.platform;

import java.util.UUID;

/** Audited platform event: membership.reactivated. */
public record MembershipReactivated(ChangeStamp stamp, UUID personId, String email) implements Audited {

    @Override
    public String action() {
        return "membership.reactivated";
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
        return "Reactivated " + email;
    }

    @Override
    public String subjectName() {
        return email;
    }
}
