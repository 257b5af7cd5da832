package org.credo.platform;

import java.util.Arrays;
import java.util.Optional;

/** The roles a person can hold in an organization, in the words of ARCHITECTURE.md. */
public enum Role {
    ADMINISTRATOR("Administrator", "Organizations, users, roles, keys and settings."),
    REGISTRAR("Registrar", "Terms, sections, grades, audits, transcripts, conferral and revocation."),
    CURRICULUM_AUTHOR("Curriculum author", "Propose programs, courses and credentials."),
    COMMITTEE_MEMBER("Committee member", "Review and approve curriculum proposals."),
    CATALOG_EDITOR("Catalog editor", "Publish the public catalog, program pages and brochures."),
    ADMISSIONS_OFFICER("Admissions officer", "Review applications, decide and matriculate."),
    APPLICANT("Applicant", "Apply to programs and follow your applications."),
    INSTRUCTOR("Instructor", "Rosters, grades and early alerts."),
    ADVISOR("Advisor", "Caseload, notes, appointments, plans and holds."),
    BURSAR("Bursar", "Fee schedules, charges, payments, refunds and holds."),
    LEARNER("Learner", "Register, pay, follow your progress and share your credentials."),
    AUDITOR("Auditor", "Read-only view of every change: who made it, and when."),
    INTEGRATOR("Integrator", "REST API, events, webhooks, imports and exports.");

    private final String label;
    private final String purpose;

    Role(String label, String purpose) {
        this.label = label;
        this.purpose = purpose;
    }

    /** The name people read on screen. */
    public String label() {
        return label;
    }

    /** One sentence on what the role does in Credo. */
    public String purpose() {
        return purpose;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a role name case-insensitively, as typed in a form, a CSV file or an API body. */
    public static Optional<Role> parse(String name) {
        var normalized = name.trim().toUpperCase().replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(normalized)).findFirst();
    }
}
