package org.credo.learners.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.credo.learners.HoldAction;
import org.credo.learners.LearnerStatus;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Identifier;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.learners.record.LearnerNumbers;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.Role;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives Northfield College learner numbers of the form NF000001, five hold types, a dozen learners in
 * every status (the demo learner, learner@northfield.test, among them, with a hold) and a few holds.
 */
@Component
@Order(30)
class LearnersDemoData implements ApplicationRunner {

    private final CredoProperties properties;
    private final Organizations organizations;
    private final LearnerNumbers numbers;
    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final HoldTypes holdTypes;
    private final LearnerHolds holds;
    private final JdbcClient jdbc;

    LearnersDemoData(
            CredoProperties properties,
            Organizations organizations,
            LearnerNumbers numbers,
            LearnerRecords records,
            LearnerContacts contacts,
            HoldTypes holdTypes,
            LearnerHolds holds,
            JdbcClient jdbc) {
        this.properties = properties;
        this.organizations = organizations;
        this.numbers = numbers;
        this.records = records;
        this.contacts = contacts;
        this.holdTypes = holdTypes;
        this.holds = holds;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        if (!holdTypes.all(org).isEmpty()) {
            return;
        }
        numbers.change(org, "NF", 6, EnumSet.allOf(LearnerNumbers.SelfEdit.class));
        var library = holdTypes.save(
                org,
                null,
                "Library fines",
                EnumSet.of(HoldAction.TRANSCRIPT, HoldAction.CREDENTIAL_RELEASE),
                Role.REGISTRAR,
                "Return the overdue books or pay the fine at the library desk; the hold is released the same day.",
                true);
        var balance = holdTypes.save(
                org,
                null,
                "Unpaid balance",
                EnumSet.allOf(HoldAction.class),
                Role.BURSAR,
                "Pay your balance or set up a payment plan with the bursar's office.",
                true);
        var advising = holdTypes.save(
                org,
                null,
                "Advising required",
                EnumSet.of(HoldAction.REGISTRATION),
                Role.ADVISOR,
                "Book a meeting with your advisor before you register for next term.",
                true);
        holdTypes.save(
                org,
                null,
                "Missing immunization records",
                EnumSet.of(HoldAction.REGISTRATION),
                Role.REGISTRAR,
                "Upload your immunization records to the registrar's office.",
                true);
        var transcript = holdTypes.save(
                org,
                null,
                "Missing final transcript",
                EnumSet.of(HoldAction.REGISTRATION, HoldAction.GRADUATION),
                Role.ADMISSIONS_OFFICER,
                "Ask your previous school to send your final transcript to admissions.",
                true);

        var programs = records.programs(org);
        UUID certificate = programs.isEmpty() ? null : programs.get(0).programId();
        UUID degree = programs.size() > 1 ? programs.get(1).programId() : certificate;
        var matriculated = LocalDate.of(2026, 8, 24);

        var leoPerson = jdbc.sql("SELECT id FROM person WHERE email = 'learner@northfield.test'")
                .query(UUID.class)
                .optional()
                .orElse(null);
        var leo = learner(
                org,
                "Leo",
                "Learner",
                null,
                "he/him",
                LocalDate.of(2001, 4, 12),
                certificate,
                matriculated,
                false,
                LearnerStatus.ACTIVE,
                leoPerson,
                "learner@northfield.test");
        contacts.add(org, leo.id(), Contact.Kind.PHONE, "MOBILE", "+1 312 555 0142", matriculated, null);
        contacts.add(
                org,
                leo.id(),
                Contact.Kind.ADDRESS,
                "HOME",
                "41 Elm Street, Northfield, IL 60093, USA",
                matriculated,
                null);
        contacts.addIdentifier(org, leo.id(), Identifier.Kind.EXTERNAL, "Lakeside Community College", "LCC-20-88731");
        contacts.addIdentifier(org, leo.id(), Identifier.Kind.NATIONAL, "United States (SSN)", "123-45-6789");

        var maya = learner(
                org,
                "Maya",
                "Okafor",
                null,
                "she/her",
                LocalDate.of(2002, 9, 3),
                degree,
                matriculated,
                false,
                LearnerStatus.ACTIVE,
                null,
                "maya.okafor@example.org");
        var jun = learner(
                org,
                "Jun",
                "Takahashi",
                "Jay",
                "he/him",
                LocalDate.of(1999, 1, 20),
                certificate,
                matriculated,
                true,
                LearnerStatus.ACTIVE,
                null,
                "jun.t@example.org");
        learner(
                org,
                "Sofia",
                "Marquez",
                null,
                "she/her",
                LocalDate.of(2000, 6, 1),
                degree,
                LocalDate.of(2026, 1, 12),
                false,
                LearnerStatus.ON_LEAVE,
                null,
                "sofia.marquez@example.org");
        learner(
                org,
                "Amara",
                "Nwosu",
                null,
                null,
                LocalDate.of(1998, 11, 30),
                certificate,
                LocalDate.of(2026, 1, 5),
                false,
                LearnerStatus.GRADUATED,
                null,
                "amara.nwosu@example.org");
        learner(
                org,
                "Tomasz",
                "Kowalski",
                "Tom",
                "he/him",
                LocalDate.of(2003, 2, 14),
                degree,
                matriculated,
                false,
                LearnerStatus.WITHDRAWN,
                null,
                "tomasz.k@example.org");
        var priya = learner(
                org,
                "Priya",
                "Raman",
                null,
                "she/her",
                LocalDate.of(2004, 7, 7),
                degree,
                null,
                false,
                LearnerStatus.ADMITTED,
                null,
                "priya.raman@example.org");
        learner(
                org,
                "Elijah",
                "Brooks",
                null,
                "he/him",
                LocalDate.of(2005, 3, 22),
                null,
                null,
                false,
                LearnerStatus.APPLICANT,
                null,
                "elijah.brooks@example.org");
        learner(
                org,
                "Hana",
                "Kim",
                null,
                "she/they",
                LocalDate.of(2004, 12, 5),
                null,
                null,
                false,
                LearnerStatus.APPLICANT,
                null,
                "hana.kim@example.org");
        learner(
                org,
                "Omar",
                "Haddad",
                null,
                null,
                null,
                null,
                null,
                false,
                LearnerStatus.PROSPECT,
                null,
                "omar.haddad@example.org");
        learner(
                org,
                "Grace",
                "O'Neill",
                null,
                "she/her",
                null,
                null,
                null,
                true,
                LearnerStatus.PROSPECT,
                null,
                "grace.oneill@example.org");
        var lucas = learner(
                org,
                "Lucas",
                "Ferreira",
                null,
                "he/him",
                LocalDate.of(2001, 10, 10),
                certificate,
                matriculated,
                false,
                LearnerStatus.ACTIVE,
                null,
                "lucas.ferreira@example.org");

        var office = new CredoUser(
                UUID.randomUUID(),
                "system",
                "system",
                org,
                northfield.get().name(),
                "UTC",
                HoldTypes.OFFICES,
                null,
                true,
                false);
        holds.place(office, leo.id(), library.id(), "Three books overdue since October.");
        holds.place(office, maya.id(), balance.id(), "Fall tuition balance of 1,250.00 USD unpaid.");
        holds.place(office, jun.id(), advising.id(), "Second term on academic probation.");
        holds.place(office, priya.id(), transcript.id(), "High-school final transcript not received.");
        var released = holds.place(office, lucas.id(), library.id(), "One book overdue.");
        holds.release(office, released.id(), "Book returned.");
    }

    private Learner learner(
            UUID org,
            String given,
            String family,
            @Nullable String preferred,
            @Nullable String pronouns,
            @Nullable LocalDate born,
            @Nullable UUID program,
            @Nullable LocalDate matriculated,
            boolean optOut,
            LearnerStatus target,
            @Nullable UUID personId,
            String email) {
        var details = new LearnerDetails(given, family, preferred, born, pronouns, program, matriculated, optOut);
        var path = switch (target) {
            case PROSPECT -> List.<LearnerStatus>of();
            case APPLICANT -> List.of(LearnerStatus.APPLICANT);
            case ADMITTED -> List.of(LearnerStatus.APPLICANT, LearnerStatus.ADMITTED);
            case ACTIVE -> List.of(LearnerStatus.APPLICANT, LearnerStatus.ADMITTED, LearnerStatus.ACTIVE);
            case ON_LEAVE ->
                List.of(LearnerStatus.APPLICANT, LearnerStatus.ADMITTED, LearnerStatus.ACTIVE, LearnerStatus.ON_LEAVE);
            case WITHDRAWN ->
                List.of(LearnerStatus.APPLICANT, LearnerStatus.ADMITTED, LearnerStatus.ACTIVE, LearnerStatus.WITHDRAWN);
            case GRADUATED ->
                List.of(LearnerStatus.APPLICANT, LearnerStatus.ADMITTED, LearnerStatus.ACTIVE, LearnerStatus.GRADUATED);
        };
        var learner = contacts.create(org, details, LearnerStatus.PROSPECT, personId, email);
        for (var next : path) {
            learner = records.changeStatus(org, learner.id(), next, null, reason(next));
        }
        return learner;
    }

    private static String reason(LearnerStatus status) {
        return switch (status) {
            case APPLICANT -> "Application started";
            case ADMITTED -> "Admitted by the admissions committee";
            case ACTIVE -> "Matriculated";
            case ON_LEAVE -> "Approved leave of absence";
            case WITHDRAWN -> "Withdrew for personal reasons";
            case GRADUATED -> "Degree conferred";
            case PROSPECT -> "Inquiry";
        };
    }
}
