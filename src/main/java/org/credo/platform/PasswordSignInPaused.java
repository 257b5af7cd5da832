package org.credo.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * Audited platform event: person.sign-in-paused. Password sign-in for the person's email is paused
 * after repeated failures; API tokens and passkeys keep working.
 */
public record PasswordSignInPaused(ChangeStamp stamp, UUID personId, String email, int failures, Instant until)
        implements Audited {

    @Override
    public String action() {
        return "person.sign-in-paused";
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
        return "Password sign-in for " + email + " paused until " + until + " after " + failures + " failed attempts";
    }

    @Override
    public String subjectName() {
        return email;
    }
}
