package org.credo.credentials.status;

/** What a set bit means in a status list. */
public enum StatusPurpose {
    REVOCATION,
    SUSPENSION;

    /** The value of {@code statusPurpose}. */
    public String id() {
        return name().toLowerCase();
    }
}
