package org.credo.learners;

import java.util.EnumSet;
import java.util.Set;

/** Where a learner stands with the organization; {@link #canBecome} says which changes the registrar may record. */
public enum LearnerStatus {
    PROSPECT("Prospect", "secondary"),
    APPLICANT("Applicant", "info"),
    ADMITTED("Admitted", "primary"),
    ACTIVE("Active", "success"),
    ON_LEAVE("On leave", "warning"),
    WITHDRAWN("Withdrawn", "dark"),
    GRADUATED("Graduated", "success");

    private final String label;
    private final String tone;

    LearnerStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    /** The name people read. */
    public String label() {
        return label;
    }

    /** The Bootstrap colour of the status badge. */
    public String tone() {
        return tone;
    }

    /** The statuses a learner in this status may move to. */
    public Set<LearnerStatus> next() {
        return switch (this) {
            case PROSPECT -> EnumSet.of(APPLICANT, WITHDRAWN);
            case APPLICANT -> EnumSet.of(ADMITTED, PROSPECT, WITHDRAWN);
            case ADMITTED -> EnumSet.of(ACTIVE, WITHDRAWN);
            case ACTIVE -> EnumSet.of(ON_LEAVE, WITHDRAWN, GRADUATED);
            case ON_LEAVE -> EnumSet.of(ACTIVE, WITHDRAWN);
            case WITHDRAWN -> EnumSet.of(APPLICANT, ACTIVE);
            case GRADUATED -> EnumSet.noneOf(LearnerStatus.class);
        };
    }

    /** Whether a learner in this status may move to {@code next}. */
    public boolean canBecome(LearnerStatus next) {
        return next().contains(next);
    }
}
