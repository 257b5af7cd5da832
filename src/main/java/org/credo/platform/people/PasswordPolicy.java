package org.credo.platform.people;

import org.credo.platform.ProblemException;

/** What a password must be: long enough to resist guessing (NIST SP 800-63B), not the email. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    static void check(String password, String email) {
        if (password.length() < MIN_LENGTH) {
            throw ProblemException.invalidField(
                    "password", "must be at least " + MIN_LENGTH + " characters; a few unrelated words work well.");
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.invalidField("password", "must be at most " + MAX_LENGTH + " characters.");
        }
        if (password.equalsIgnoreCase(email)) {
            throw ProblemException.invalidField("password", "must not be your email address.");
        }
    }
}
