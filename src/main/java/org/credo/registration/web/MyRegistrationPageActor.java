package org.credo.registration.web;

import org.credo.platform.CredoUser;
import org.credo.registration.enrollment.Enrollments;

/** A learner acting for themselves: never overrides. */
final class MyRegistrationPageActor {

    private MyRegistrationPageActor() {}

    static Enrollments.Actor of(CredoUser user) {
        return new Enrollments.Actor(user.personId(), user.displayName(), false);
    }
}
