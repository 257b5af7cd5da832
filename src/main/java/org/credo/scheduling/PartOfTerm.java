package org.credo.scheduling;

/** The parts of a term a section runs in: the whole term or one of its halves. */
public enum PartOfTerm {
    FULL("Full term"),
    FIRST_HALF("First half"),
    SECOND_HALF("Second half");

    private final String label;

    PartOfTerm(String label) {
        this.label = label;
    }

    /** The name people read on screen. */
    public String label() {
        return label;
    }
}
