package org.credo.learners;

/** What a hold can block; later modules ask {@link Holds#blocks} before doing one of these. */
public enum HoldAction {
    REGISTRATION("Registration"),
    TRANSCRIPT("Transcripts"),
    GRADUATION("Graduation"),
    CREDENTIAL_RELEASE("Credential release");

    private final String label;

    HoldAction(String label) {
        this.label = label;
    }

    /** The name people read. */
    public String label() {
        return label;
    }
}
