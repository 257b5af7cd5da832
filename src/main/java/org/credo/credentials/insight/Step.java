package org.credo.credentials.insight;

/**
 * What an earner or a visitor did with a credential, as the staff timeline names it. The label is stored in
 * {@code credential_history.action} beside the staff steps (Issued, Suspended, Revoked...), so one table tells the
 * whole life of a credential; the actor names a role, never a person, because these steps come from people who
 * have no account here.
 */
public enum Step {
    CLAIMED("Claimed", "The earner"),
    VIEWED("Viewed", "A reader"),
    SHARED("Shared", "The earner"),
    UNSHARED("Stopped sharing", "The earner"),
    DOWNLOADED("Downloaded", "The earner"),
    ADDED_TO_WALLET("Added to a wallet", "The earner"),
    VERIFIED("Verified", "A verifier"),
    REMINDED("Expiry reminder queued", "system");

    private final String label;
    private final String actor;

    Step(String label, String actor) {
        this.label = label;
        this.actor = actor;
    }

    /** The words stored and shown. */
    public String label() {
        return label;
    }

    /** Who did it, as a role. */
    public String actor() {
        return actor;
    }
}
