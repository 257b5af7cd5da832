package org.credo.admissions.decision;

import org.credo.admissions.ApplicationStatus;

/** What the office decides about an application, and the status its release gives the application. */
public enum Outcome {
    ADMIT("Admit", ApplicationStatus.ADMITTED),
    CONDITIONAL_ADMIT("Conditional admit", ApplicationStatus.CONDITIONALLY_ADMITTED),
    WAITLIST("Waitlist", ApplicationStatus.WAITLISTED),
    DENY("Deny", ApplicationStatus.DENIED);

    private final String label;
    private final ApplicationStatus released;

    Outcome(String label, ApplicationStatus released) {
        this.label = label;
        this.released = released;
    }

    /** The words staff read. */
    public String label() {
        return label;
    }

    /** The application's status once the decision is released. */
    public ApplicationStatus released() {
        return released;
    }
}
