package org.credo.registration.enrollment;

/** Where a learner stands in a section. */
public enum EnrollmentStatus {
    ENROLLED("Enrolled", "success"),
    DROPPED("Dropped", "secondary"),
    WITHDRAWN("Withdrawn (W)", "warning");

    private final String label;
    private final String tone;

    EnrollmentStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    /** The name people read. */
    public String label() {
        return label;
    }

    /** The badge colour of the status. */
    public String tone() {
        return tone;
    }
}
