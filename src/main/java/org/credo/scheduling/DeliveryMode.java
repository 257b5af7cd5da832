package org.credo.scheduling;

/** How a section is taught. Online sections need no room. */
public enum DeliveryMode {
    IN_PERSON("In person"),
    ONLINE("Online"),
    HYBRID("Hybrid");

    private final String label;

    DeliveryMode(String label) {
        this.label = label;
    }

    /** The name people read on screen. */
    public String label() {
        return label;
    }
}
