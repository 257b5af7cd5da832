package org.credo.catalog.program;

/** What kind of credential a program leads to. */
public enum ProgramType {
    DEGREE("Degree"),
    DIPLOMA("Diploma"),
    CERTIFICATE("Certificate"),
    MICRO_CREDENTIAL("Micro-credential"),
    LICENSE("License"),
    COURSE_BADGE("Course badge");

    private final String label;

    ProgramType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
