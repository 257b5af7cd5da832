package org.credo.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.platform.ProblemException;
import org.credo.registration.enrollment.EnrollmentStatus;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.WaitlistStatus;
import org.credo.registration.enrollment.Waitlists;
import org.credo.scheduling.SectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Adds, drops, refusals with what to do, races for the last seats, and waitlist offers, through the services. */
@CredoTest
class RegistrationTest {

    static final Set<DayOfWeek> MW = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
    static final Set<DayOfWeek> TT = Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
    static final Enrollments.Actor SELF = new Enrollments.Actor(null, "Test Learner", false);
    static final Enrollments.Actor REGISTRAR = new Enrollments.Actor(null, "Test Registrar", true);

    @Autowired
    RegistrationFixture fixture;

    @Autowired
    Enrollments enrollments;

    @Autowired
    Waitlists waitlists;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddTakesOneSeatOnceAndADropGivesItBack() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "DATA 101", "01", 10, 5, MW, LocalTime.of(9, 0));
        var learner = fixture.learner("Adder");

        var first = enrollments.add(org, learner, section, SELF, null);
        var again = enrollments.add(org, learner, section, SELF, null);

        assertThat(first.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(fixture.seatsTaken(section)).isEqualTo(1);

        var dropped = enrollments.drop(org, learner, section, SELF);
        var droppedAgain = enrollments.drop(org, learner, section, SELF);
        assertThat(dropped.status()).isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(droppedAgain.status()).isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(fixture.seatsTaken(section)).isZero();
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?")
                                .param(first.id().toString())
                                .query(String.class)
                                .list())
                        .as("one audit entry for the add and one for the drop")
                        .containsExactlyInAnyOrder("enrollment.registered", "enrollment.dropped"));

        var back = enrollments.add(org, learner, section, SELF, null);
        assertThat(back.id()).as("the same row, enrolled again").isEqualTo(first.id());
        assertThat(fixture.seatsTaken(section)).isEqualTo(1);
    }

    @Test
    void eachRefusalSaysWhatToDoAndARegistrarMayOverrideThoseAPermissionMay() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("6"));
        var intro = fixture.openSection(term, "DATA 101", "01", 10, 5, MW, LocalTime.of(9, 0));
        var clash = fixture.openSection(term, "MATH 120", "01", 10, 5, MW, LocalTime.of(9, 30));
        var later = fixture.openSection(term, "DATA 201", "01", 10, 5, TT, LocalTime.of(13, 0));
        var learner = fixture.learner("Refused");
        enrollments.add(org, learner, intro, SELF, null);

        assertThatThrownBy(() -> enrollments.add(org, learner, clash, SELF, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(codes(e)).contains("time-conflict");
                    assertThat(e.getMessage()).contains("meets at the same time as DATA 101-01");
                });
        assertThatThrownBy(() -> enrollments.add(org, learner, later, SELF, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(codes(e)).contains("prerequisite");
                    assertThat(e.getMessage()).contains("DATA 201 needs DATA 101");
                });
        assertThat(fixture.seatsTaken(clash)).isZero();
        assertThat(fixture.seatsTaken(later)).isZero();

        var permitted = enrollments.add(org, learner, later, REGISTRAR, "Took DATA 101 elsewhere, transcript seen");
        assertThat(permitted.overrideReason()).isEqualTo("Took DATA 101 elsewhere, transcript seen");

        // 3 + 3 credits carried; a third course passes the limit of 6.
        var third = fixture.openSection(term, "MATH 120", "02", 10, 5, TT, LocalTime.of(8, 0));
        assertThatThrownBy(() -> enrollments.add(org, learner, third, SELF, null))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(codes(e)).containsExactly("credit-limit"));
    }

    @Test
    void aSwapDropsOnlyWhenTheAddSucceeds() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var morning = fixture.openSection(term, "MATH 120", "01", 10, 5, MW, LocalTime.of(9, 0));
        var evening = fixture.openSection(term, "MATH 120", "02", 1, 5, MW, LocalTime.of(18, 0));
        var someone = fixture.learner("Seated");
        var swapper = fixture.learner("Swapper");
        enrollments.add(org, swapper, morning, SELF, null);
        enrollments.add(org, someone, evening, SELF, null);

        assertThatThrownBy(() -> enrollments.swap(org, swapper, morning, evening, SELF, null))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409));
        assertThat(enrollments.find(org, swapper, morning).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.ENROLLED);

        enrollments.drop(org, someone, evening, SELF);
        var swapped = enrollments.swap(org, swapper, morning, evening, SELF, null);
        assertThat(swapped.sectionId()).isEqualTo(evening);
        assertThat(enrollments.find(org, swapper, morning).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(fixture.seatsTaken(morning)).isZero();
        assertThat(fixture.seatsTaken(evening)).isEqualTo(1);
    }

    @Test
    void fortyLearnersRacingForFiveSeatsFillThemExactlyAndNobodyIsEnrolledTwice() throws Exception {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "DATA 101", "01", 5, 0, MW, LocalTime.of(11, 0));
        var learners = new ArrayList<UUID>();
        for (int i = 0; i < 40; i++) {
            learners.add(fixture.learner("Racer" + i));
        }
        // Each learner sends the same add twice (a retried request), all at once.
        var adds = new ArrayList<Runnable>();
        for (var learner : learners) {
            for (int copy = 0; copy < 2; copy++) {
                adds.add(() -> enrollments.add(org, learner, section, SELF, null));
            }
        }
        var race = Race.run(adds);

        assertThat(race.other()).isEmpty();
        assertThat(fixture.enrolledRows(section)).isEqualTo(5);
        assertThat(fixture.seatsTaken(section)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT learner_id) FROM enrollment WHERE section_id = ?")
                        .param(section)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(race.seated() + race.full()).isEqualTo(80);
    }

    @Test
    void aFreedSeatIsOfferedToTheNextLearnerWaitingHeldFromOthersAndPassedOnWhenTheOfferLapses() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "DATA 101", "01", 1, 3, MW, LocalTime.of(14, 0));
        var seated = fixture.learner("Seated");
        var first = fixture.learner("FirstInLine");
        var second = fixture.learner("SecondInLine");
        var outsider = fixture.learner("Outsider");
        enrollments.add(org, seated, section, SELF, null);
        var s = enrollments.sectionOf(org, section);

        assertThatThrownBy(() -> enrollments.add(org, first, section, SELF, null))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.getMessage()).contains("Join its waitlist"));
        assertThat(waitlists.join(org, first, s, List.of()).position()).isEqualTo(1);
        assertThat(waitlists.join(org, second, s, List.of()).position()).isEqualTo(2);
        assertThat(waitlists.join(org, first, s, List.of()).position())
                .as("joining twice")
                .isEqualTo(1);

        enrollments.drop(org, seated, section, SELF);

        var offer = waitlists.entry(org, first, section).orElseThrow();
        assertThat(offer.status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(waitlists.entry(org, second, section).orElseThrow().position())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE dedup_key LIKE ?")
                        .param("waitlist-offer:" + offer.id() + ":%")
                        .query(Integer.class)
                        .single())
                .as("the offer is emailed")
                .isPositive();
        assertThatThrownBy(() -> enrollments.add(org, outsider, section, SELF, null))
                .as("the seat is held for the offer")
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409));

        // The offer lapses: the job passes the seat to the second learner.
        jdbc.sql("UPDATE waitlist_entry SET offer_expires_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), offer.id())
                .update();
        assertThat(waitlists.expireOffers()).isEqualTo(1);
        assertThat(waitlists.expireOffers()).as("run twice, nothing more").isZero();
        assertThat(waitlists.entry(org, first, section).orElseThrow().status()).isEqualTo(WaitlistStatus.EXPIRED);
        assertThat(waitlists.entry(org, second, section).orElseThrow().status()).isEqualTo(WaitlistStatus.OFFERED);

        var enrolled = enrollments.add(org, second, section, SELF, null);
        assertThat(enrolled.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(waitlists.entry(org, second, section).orElseThrow().status()).isEqualTo(WaitlistStatus.ENROLLED);
        assertThat(fixture.seatsTaken(section)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT held FROM registration_seat WHERE section_id = ?")
                        .param(section)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Autowired
    org.credo.scheduling.section.Sections sections;

    @Test
    void cancellingASectionDropsEveryoneInItClosesItsWaitlistAndRefusesNewAdds() {
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "DATA 101", "01", 1, 3, MW, LocalTime.of(16, 0));
        var seated = fixture.learner("Cancelled");
        var waiting = fixture.learner("Waiting");
        enrollments.add(org, seated, section, SELF, null);
        waitlists.join(org, waiting, enrollments.sectionOf(org, section), List.of());

        sections.changeStatus(org, section, SectionStatus.CANCELLED, "Instructor on leave");

        assertThat(enrollments.find(org, seated, section).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(waitlists.entry(org, waiting, section).orElseThrow().status())
                .isEqualTo(WaitlistStatus.LEFT);
        assertThat(fixture.seatsTaken(section)).isZero();
        assertThatThrownBy(() -> enrollments.add(org, waiting, section, SELF, null))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(codes(e)).contains("section-cancelled"));
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(ProblemException e) {
        var refusals = (List<java.util.Map<String, Object>>) e.properties().get("refusals");
        return refusals == null
                ? List.of()
                : refusals.stream().map(r -> (String) r.get("code")).toList();
    }
}
