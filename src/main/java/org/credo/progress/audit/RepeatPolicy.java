package org.credo.progress.audit;

/** Which attempt counts when a course was taken more than once; the others stay on record, excluded. */
public enum RepeatPolicy {
    /** The latest attempt counts, even when an earlier grade was higher. */
    LAST,
    /** The attempt with the highest grade counts. */
    HIGHEST
}
