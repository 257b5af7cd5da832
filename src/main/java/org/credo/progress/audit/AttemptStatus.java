package org.credo.progress.audit;

/** Where an attempt stands: completed with a grade, in progress this term, or only planned. */
public enum AttemptStatus {
    COMPLETED,
    IN_PROGRESS,
    PLANNED
}
