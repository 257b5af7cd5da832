package org.credo.admissions.form;

/** The kinds of question an application form asks. */
public enum FieldType {
    TEXT("Short text"),
    LONG_TEXT("Long text"),
    CHOICE("Choice"),
    DATE("Date"),
    NUMBER("Number"),
    FILE("File upload"),
    YES_NO("Yes / no");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
