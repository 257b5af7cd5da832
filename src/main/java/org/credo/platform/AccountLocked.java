package org.credo.platform;

import java.util.UUID;

/** Audited platform event: person.locked. */
public record AccountLocked(ChangeStamp stamp, UUID personId, String email, int failures, java.time.Instant lockedUntil)
        implements Audited {

    @Override
    public String action() {
        return "person.locked";
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
        return email + " locked after " + failures + " failed sign-ins until " + lockedUntil;
    }
}
