package org.credo.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Accounts that people open for themselves (an applicant signing up), for modules that own such a sign-up: the same
 * password rules and hashing as every Credo account, and a person with one membership of one role.
 */
public interface SelfServiceAccounts {

    /** Whether an address already belongs to a person (compared without case and surrounding spaces). */
    boolean exists(String email);

    /**
     * Checks a new password against the platform's rules; a refused one fails as a {@link ProblemException} naming
     * the field {@code password} and what to change.
     */
    void checkPassword(String password, String email);

    /** The stored form of a password, as every Credo password is stored. */
    String hashPassword(String password);

    /**
     * Creates a person with an already hashed password and an active membership of the organization with exactly
     * one role; empty, and nothing created, when the address belongs to someone by now.
     */
    Optional<UUID> open(UUID organizationId, String email, String displayName, String passwordHash, Role role);

    /** The person acting in the organization, to be signed in; the organization becomes the one they start in. */
    Optional<CredoUser> signIn(UUID personId, UUID organizationId);
}
