package org.credo.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.registration.enrollment.ClassStanding;
import org.credo.registration.enrollment.EnrollmentStatus;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Permissions;
import org.credo.registration.enrollment.RegistrationWindows;
import org.credo.registration.enrollment.Seats;
import org.credo.registration.enrollment.WaitlistStatus;
import org.credo.registration.enrollment.Waitlists;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.section.Meetings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules a registrar sets beyond the first release: time tickets by class standing, repeat limits, reserved seats,
 * permissions from the instructor, automatic enrollment from the waitlist and majors first.
 */
@CredoTest
class RegistrationRulesTest {

    static final Set<DayOfWeek> MW = RegistrationTest.MW;
    static final Set<DayOfWeek> TT = RegistrationTest.TT;
    static final Enrollments.Actor SELF = RegistrationTest.SELF;
    static final Enrollments.Actor REGISTRAR = RegistrationTest.REGISTRAR;

    @Autowired
    RegistrationFixture fixture;

    @Autowired
    Enrollments enrollments;

    @Autowired
    Waitlists waitlists;

    @Autowired
    RegistrationWindows windows;

    @Autowired
    Permissions permissions;

    @Autowired
    Seats seats;

    @Autowired
    Meetings meetings;

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.credo.learners.duplicates.Merges merges;

    @Test
    void seniorsRegisterOnTheirTicketWhileFirstYearLearnersWaitForTheirs() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var earlier = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "DATA 101", "01", 10, 5, MW, LocalTime.of(9, 0));
        var senior = fixture.learner("Senior");
        var freshman = fixture.learner("Freshman");
        earned(org, senior, earlier, "MATH 120", "B", "96");
        var now = Instant.now();
        windows.save(
                org,
                term,
                now.plus(10, ChronoUnit.DAYS),
                new BigDecimal("18"),
                48,
                3,
                Map.of(
                        ClassStanding.SENIOR, now.minus(1, ChronoUnit.HOURS),
                        ClassStanding.FIRST_YEAR, now.plus(3, ChronoUnit.DAYS)));

        assertThat(enrollments.add(org, senior, section, SELF, null).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThatThrownBy(() -> enrollments.add(org, freshman, section, SELF, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(codes(e)).containsExactly("window-not-open");
                    assertThat(e.getMessage()).contains("for first-year learners (you have 0 credits earned)");
                });
        assertThat(windows.of(org, term).orElseThrow().tickets())
                .containsOnlyKeys(ClassStanding.SENIOR, ClassStanding.FIRST_YEAR);
    }

    @Test
    void aThirdAttemptIsRefusedUnlessTheRegistrarOverridesIt() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var first = fixture.openTerm(new BigDecimal("18"));
        var second = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "DATA 101", "01", 10, 5, MW, LocalTime.of(9, 0));
        var learner = fixture.learner("Repeater");
        earned(org, learner, first, "DATA 101", "F", "3");
        withdrew(org, learner, second, "DATA 101");
        windows.save(org, term, Instant.now().minus(1, ChronoUnit.DAYS), new BigDecimal("18"), 48, 2, Map.of());

        assertThatThrownBy(() -> enrollments.add(org, learner, section, SELF, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(codes(e)).containsExactly("repeat-limit");
                    assertThat(e.getMessage())
                            .contains("attempted DATA 101 2 times")
                            .contains("allows 2 attempts");
                });
        assertThat(fixture.seatsTaken(section)).isZero();
        var overridden = enrollments.add(org, learner, section, REGISTRAR, "Medical withdrawal, dean approved");
        assertThat(overridden.overrideReason()).isEqualTo("Medical withdrawal, dean approved");
    }

    @Test
    void reservedSeatsStayFreeForTheirProgramAndReturnToItOnADrop() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "DATA 101", "01", 3, 5, MW, LocalTime.of(9, 0));
        meetings.reserve(org, section, "PROGRAM", "BSDS", 2);
        var outsiders = List.of(fixture.learner("OutA"), fixture.learner("OutB"));
        var majors = List.of(fixture.learner("MajorA"), fixture.learner("MajorB"), fixture.learner("MajorC"));
        majors.forEach(m -> program(m, "BSDS"));

        enrollments.add(org, outsiders.get(0), section, SELF, null);
        assertThatThrownBy(() -> enrollments.add(org, outsiders.get(1), section, SELF, null))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409));
        enrollments.add(org, majors.get(0), section, SELF, null);
        enrollments.add(org, majors.get(1), section, SELF, null);
        assertThatThrownBy(() -> enrollments.add(org, majors.get(2), section, SELF, null))
                .isInstanceOf(ProblemException.class);
        var count = seats.count(section).orElseThrow();
        assertThat(count.enrolled()).isEqualTo(3);
        assertThat(count.reservedTaken()).isEqualTo(2);

        enrollments.drop(org, majors.get(0), section, SELF);
        assertThatThrownBy(() -> enrollments.add(org, outsiders.get(1), section, SELF, null))
                .isInstanceOf(ProblemException.class);
        assertThat(enrollments.add(org, majors.get(2), section, SELF, null).status())
                .isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(fixture.enrolledRows(section)).isEqualTo(3);
        assertThat(seats.count(section).orElseThrow().reservedTaken()).isEqualTo(2);
    }

    @Test
    void anInstructorsPermissionLetsTheLearnerPastAPrerequisiteOnce() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var sectionId = fixture.openSection(term, "DATA 201", "01", 10, 5, TT, LocalTime.of(13, 0));
        var section = scheduling.section(org, sectionId).orElseThrow();
        var learner = fixture.learner("Permitted");
        var number = fixture.learnerNumber(learner);
        var instructor = new Enrollments.Actor(null, "Dr. Ines Instructor", true);

        assertThatThrownBy(() -> permissions.grant(org, section, "NOPE-1", "Equivalent course", instructor))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.getMessage()).contains("NOPE-1"));
        assertThatThrownBy(() -> permissions.grant(org, section, number, "", instructor))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> enrollments.add(org, learner, sectionId, SELF, null))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(codes(e)).containsExactly("prerequisite"));

        var permission = permissions.grant(org, section, number, "Took statistics at Harbor", instructor);
        var again = permissions.grant(org, section, number, "Took statistics at Harbor", instructor);
        assertThat(again.number()).isEqualTo(permission.number());

        var enrolled = enrollments.add(org, learner, sectionId, SELF, null);
        assertThat(enrolled.overrideReason())
                .isEqualTo(
                        "Permission " + permission.number() + " from Dr. Ines Instructor: Took statistics at Harbor");
        assertThat(permissions.ofSection(org, sectionId).get(0).usedAt()).isNotNull();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'enrollment-permission.granted'"
                                        + " AND subject_id = ?")
                                .param(permission.id().toString())
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    @Test
    void aSectionWithAutomaticEnrollmentSeatsTheNextMajorWhenSomeoneDrops() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var sectionId = fixture.openSection(term, "DATA 101", "01", 2, 5, MW, LocalTime.of(9, 0));
        meetings.reserve(org, sectionId, "PROGRAM", "BSDS", 1);
        var section = scheduling.section(org, sectionId).orElseThrow();
        enrollments.waitlistSettings(org, section, true, true, REGISTRAR);
        var outsider = fixture.learner("SeatedOutsider");
        var seatedMajor = fixture.learner("SeatedMajor");
        program(seatedMajor, "BSDS");
        var early = fixture.learner("EarlyOutsider");
        var major = fixture.learner("LateMajor");
        program(major, "BSDS");
        enrollments.add(org, outsider, sectionId, SELF, null);
        enrollments.add(org, seatedMajor, sectionId, SELF, null);

        waitlists.join(org, early, section, List.of());
        waitlists.join(org, major, section, List.of());
        assertThat(waitlists.entry(org, major, sectionId).orElseThrow().position())
                .isEqualTo(1);
        assertThat(waitlists.entry(org, early, sectionId).orElseThrow().position())
                .isEqualTo(2);

        enrollments.drop(org, outsider, sectionId, SELF);

        assertThat(enrollments.find(org, major, sectionId).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(waitlists.entry(org, major, sectionId).orElseThrow().status())
                .isEqualTo(WaitlistStatus.ENROLLED);
        assertThat(waitlists.entry(org, early, sectionId).orElseThrow().status())
                .isEqualTo(WaitlistStatus.WAITING);
        assertThat(fixture.seatsTaken(sectionId)).isEqualTo(2);
        assertThat(fixture.enrolledRows(sectionId)).isEqualTo(2);
    }

    @Test
    void mergingTwoRecordsMovesEnrollmentsToTheSurvivorAndUndoingMovesThemBack() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var both = fixture.openSection(term, "DATA 101", "01", 5, 5, MW, LocalTime.of(9, 0));
        var onlyRetired = fixture.openSection(term, "MATH 120", "01", 5, 5, TT, LocalTime.of(9, 0));
        var survivor = fixture.learner("Survivor");
        var retired = fixture.learner("Retired");
        enrollments.add(org, survivor, both, SELF, null);
        enrollments.add(org, retired, both, SELF, null);
        enrollments.add(org, retired, onlyRetired, SELF, null);
        assertThat(fixture.seatsTaken(both)).isEqualTo(2);

        var merge = merges.merge(org, survivor, retired, Map.of());

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> enrollments.find(org, survivor, onlyRetired).isPresent());
        assertThat(fixture.seatsTaken(both)).isEqualTo(1);
        assertThat(fixture.enrolledRows(both)).isEqualTo(1);
        assertThat(enrollments.find(org, survivor, both).orElseThrow().status()).isEqualTo(EnrollmentStatus.ENROLLED);

        merges.undo(org, merge.id(), "Two people after all");

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> enrollments.find(org, retired, onlyRetired).isPresent());
        assertThat(enrollments.find(org, survivor, onlyRetired)).isEmpty();
    }

    private void program(UUID learner, String code) {
        jdbc.sql("UPDATE learner SET program_code = ? WHERE id = ?")
                .params(code, learner)
                .update();
    }

    /** A course the learner completed in an earlier term, with a grade and credits. */
    private void earned(UUID org, UUID learner, UUID term, String course, String grade, String credits) {
        history(org, learner, term, course, "ENROLLED", grade, credits);
    }

    private void withdrew(UUID org, UUID learner, UUID term, String course) {
        history(org, learner, term, course, "WITHDRAWN", "W", "3");
    }

    private void history(
            UUID org, UUID learner, UUID term, String course, String status, String grade, String credits) {
        var section = fixture.openSection(
                term, course, "H" + UUID.randomUUID().toString().substring(0, 4), 5, 0, Set.of(), LocalTime.NOON);
        var now = Timestamps.sql(Instant.now());
        jdbc.sql("INSERT INTO enrollment (id, organization_id, section_id, term_id, learner_id, course_code, credits,"
                        + " status, grade, registered_at, changed_at, changed_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, 'test')")
                .params(
                        UUID.randomUUID(),
                        org,
                        section,
                        term,
                        learner,
                        course,
                        new BigDecimal(credits),
                        status,
                        grade,
                        now,
                        now)
                .update();
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(ProblemException e) {
        return ((List<Map<String, Object>>) e.properties().get("refusals"))
                .stream().map(r -> (String) r.get("code")).toList();
    }
}
