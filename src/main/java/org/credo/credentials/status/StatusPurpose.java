package org.credo.credentials.status;

import java.util.List;

/** What a status value means in a status list, and how many bits each credential's entry has. */
public enum StatusPurpose {
    REVOCATION(1),
    SUSPENSION(1),
    /** A notice from the issuer in words, one of {@link #MESSAGES}, in two bits per credential. */
    MESSAGE(2);

    /**
     * The notices of a message entry, by value: what verifiers show for a credential that is neither revoked nor
     * suspended but about which the issuer has something to say.
     */
    public static final List<String> MESSAGES = List.of(
            "No notice from the issuer",
            "Under review by the issuer",
            "Superseded: the issuer issued a corrected credential",
            "Issued in error: the issuer withdrew it");

    private final int size;

    StatusPurpose(int size) {
        this.size = size;
    }

    /** The value of {@code statusPurpose}. */
    public String id() {
        return name().toLowerCase();
    }

    /** The bits per credential ({@code statusSize}). */
    public int size() {
        return size;
    }
}
