package org.credo.admissions.cycle;

/** Whether a cycle takes applications: a DRAFT is being prepared, OPEN takes them until the deadline, CLOSED not. */
public enum CycleStatus {
    DRAFT("Draft", "secondary"),
    OPEN("Open", "success"),
    CLOSED("Closed", "dark");

    private final String label;
    private final String tone;

    CycleStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    public String label() {
        return label;
    }

    public String tone() {
        return tone;
    }
}
