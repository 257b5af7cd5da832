package org.credo.registration.enrollment;

import java.math.BigDecimal;

/**
 * A learner's class standing by credits earned before the term (graded and passed): what time tickets are given by.
 * The bands are the common United States ones: 0-29, 30-59, 60-89 and 90 or more credits.
 */
public enum ClassStanding {
    SENIOR("Seniors", 90),
    JUNIOR("Juniors", 60),
    SOPHOMORE("Sophomores", 30),
    FIRST_YEAR("First-year learners", 0);

    private final String plural;
    private final int fromCredits;

    ClassStanding(String plural, int fromCredits) {
        this.plural = plural;
        this.fromCredits = fromCredits;
    }

    /** How a ticket names those it opens for: Seniors (90 credits or more). */
    public String label() {
        return plural + " ("
                + (this == SENIOR ? "90 credits or more" : fromCredits + "-" + (fromCredits + 29) + " credits") + ")";
    }

    public String plural() {
        return plural;
    }

    /** The standing of a learner who has earned this many credits. */
    public static ClassStanding of(BigDecimal earned) {
        for (var standing : values()) {
            if (earned.compareTo(BigDecimal.valueOf(standing.fromCredits)) >= 0) {
                return standing;
            }
        }
        return FIRST_YEAR;
    }
}
