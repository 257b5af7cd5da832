package org.credo.learners;

/** Why two person records may be the same person (ADR 0035); the score says how sure the match is. */
public enum DuplicateRule {
    SAME_EMAIL("Same email address", 95),
    SAME_NAME_AND_BIRTH_DATE("Same legal name and date of birth", 90),
    SIMILAR_NAME_AND_PHONE("Similar name and the same phone number", 70);

    private final String label;
    private final int score;

    DuplicateRule(String label, int score) {
        this.label = label;
        this.score = score;
    }

    /** What staff read. */
    public String label() {
        return label;
    }

    /** The score of a match by this rule, out of 100 (a similar-name match scales it by the similarity). */
    public int score() {
        return score;
    }
}
