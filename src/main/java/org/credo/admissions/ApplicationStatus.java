package org.credo.admissions;

/**
 * Where an application stands. An applicant fills a {@link #DRAFT} and submits it; readers review it; the office
 * decides, and the decision waits ({@link #DECIDED}) until its release makes it {@link #ADMITTED},
 * {@link #CONDITIONALLY_ADMITTED}, {@link #WAITLISTED} or {@link #DENIED}; an admitted applicant accepts or declines,
 * and an acceptance ends in {@link #MATRICULATED}.
 */
public enum ApplicationStatus {
    DRAFT("Draft", "secondary"),
    SUBMITTED("Submitted", "info"),
    IN_REVIEW("In review", "info"),
    DECIDED("Decided, not released", "warning"),
    ADMITTED("Admitted", "success"),
    CONDITIONALLY_ADMITTED("Conditionally admitted", "success"),
    WAITLISTED("Waitlisted", "warning"),
    DENIED("Denied", "danger"),
    ACCEPTED("Accepted", "success"),
    DECLINED("Declined", "secondary"),
    MATRICULATED("Matriculated", "success"),
    WITHDRAWN("Withdrawn", "secondary");

    private final String label;
    private final String tone;

    ApplicationStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    /** The words a person reads. */
    public String label() {
        return label;
    }

    /** The Bootstrap colour of its badge. */
    public String tone() {
        return tone;
    }

    /** Whether the applicant may still change answers. */
    public boolean editable() {
        return this == DRAFT;
    }

    /**
     * Whether the application may still be withdrawn: while it is in play (a draft, submitted, in review, decided but
     * not released, or waitlisted); an admitted applicant declines instead.
     */
    public boolean withdrawable() {
        return switch (this) {
            case DRAFT, SUBMITTED, IN_REVIEW, DECIDED, WAITLISTED -> true;
            default -> false;
        };
    }

    /** Whether a released decision admits the applicant (who may then accept or decline). */
    public boolean admits() {
        return this == ADMITTED || this == CONDITIONALLY_ADMITTED;
    }

    /** Whether a decision was released to the applicant, who may then read it (and its letter). */
    public boolean decisionReleased() {
        return switch (this) {
            case ADMITTED, CONDITIONALLY_ADMITTED, WAITLISTED, DENIED, ACCEPTED, DECLINED, MATRICULATED -> true;
            default -> false;
        };
    }
}
