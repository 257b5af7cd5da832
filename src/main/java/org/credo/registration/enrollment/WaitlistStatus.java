package org.credo.registration.enrollment;

/** Where a waitlist entry stands. */
public enum WaitlistStatus {
    WAITING("Waiting"),
    OFFERED("Seat offered"),
    ENROLLED("Enrolled"),
    EXPIRED("Offer expired"),
    LEFT("Left the waitlist");

    private final String label;

    WaitlistStatus(String label) {
        this.label = label;
    }

    /** The name people read. */
    public String label() {
        return label;
    }
}
