package org.credo.platform;

import java.util.UUID;

/** Audited platform event: person.password-reset. */
public record PasswordReset(ChangeStamp stamp, UUID personId, String email) implements Audited {

    @Override
    public String action() {
        return "person.password-reset";
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
        return email + " reset the password by emailed link";
    }

    @Override
    public String subjectName() {
        return email;
    }
}
