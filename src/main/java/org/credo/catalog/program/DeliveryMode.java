package org.credo.catalog.program;

/** Where a program is taught. */
public enum DeliveryMode {
    IN_PERSON("In person"),
    ONLINE("Online"),
    HYBRID("Hybrid");

    private final String label;

    DeliveryMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
