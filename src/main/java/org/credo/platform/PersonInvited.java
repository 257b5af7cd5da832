package org.credo.platform;

import java.util.UUID;

/** Audited platform event: person.invited. */
public record PersonInvited(ChangeStamp stamp, UUID personId, String email, String roles) implements Audited {

    @Override
    public String action() {
        return "person.invited";
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
        return "Invited " + email + " as " + roles;
    }

    @Override
    public String subjectName() {
        return email;
    }
}
