package org.credo.platform;

import java.util.UUID;

/** Audited platform event: person.invitation-accepted. */
public record InvitationAccepted(ChangeStamp stamp, UUID personId, String email) implements Audited {

    @Override
    public String action() {
        return "person.invitation-accepted";
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
        return email + " accepted the invitation and set a password";
    }

    @Override
    public String subjectName() {
        return email;
    }
}
