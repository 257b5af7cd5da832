package org.credo.scheduling;

/** Where a section stands: planned (not yet open to registration), open, closed, or cancelled for good. */
public enum SectionStatus {
    PLANNED("Planned", "secondary"),
    OPEN("Open", "success"),
    CLOSED("Closed", "warning"),
    CANCELLED("Cancelled", "danger");

    private final String label;
    private final String tone;

    SectionStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    /** The name people read on screen. */
    public String label() {
        return label;
    }

    /** The Bootstrap colour of its badge. */
    public String tone() {
        return tone;
    }

    /** Whether a section may move from this status to {@code next}: planned opens, open closes and reopens, cancelled is final. */
    public boolean canMoveTo(SectionStatus next) {
        return switch (this) {
            case PLANNED -> next == OPEN || next == CANCELLED;
            case OPEN -> next == CLOSED || next == CANCELLED;
            case CLOSED -> next == OPEN || next == CANCELLED;
            case CANCELLED -> false;
        };
    }
}
