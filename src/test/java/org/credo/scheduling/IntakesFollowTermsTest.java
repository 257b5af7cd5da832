package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.catalog.Catalog;
import org.credo.catalog.CatalogFixtures;
import org.credo.platform.ProblemException;
import org.credo.scheduling.term.TermDraft;
import org.credo.scheduling.term.Terms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A program's intake refers to a scheduled term: it takes the term's name and first day, and follows its changes. */
@CredoTest
class IntakesFollowTermsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Catalog catalog;

    @Autowired
    Terms terms;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anIntakeInATermTakesItsNameAndFirstDayAndFollowsARename() {
        var fixtures = new SchedulingFixtures(context);
        var org = fixtures.northfield();
        var start = LocalDate.now().plusDays(420);
        var term = fixtures.term(org, start);
        var program = new CatalogFixtures(jdbc).program(org, SchedulingFixtures.unique("IT"));

        var intakeId = catalog.scheduleIntake(org, program, term.id(), start.minusDays(30));

        var intake = intake(org, intakeId);
        assertThat(intake.termName()).isEqualTo("Test term");
        assertThat(intake.startsOn()).isEqualTo(start);
        assertThat(intake.termId()).isEqualTo(term.id());

        terms.save(
                org,
                term.id(),
                new TermDraft(
                        term.code(),
                        "Autumn intake term",
                        start.plusDays(7),
                        start.plusWeeks(15),
                        java.util.List.of(SchedulingFixtures.part(
                                PartOfTerm.FULL,
                                start.plusDays(7),
                                start.plusWeeks(15).minusDays(5)))));

        var followed = intake(org, intakeId);
        assertThat(followed.termName()).isEqualTo("Autumn intake term");
        assertThat(followed.startsOn()).isEqualTo(start.plusDays(7));
        assertThatThrownBy(() -> catalog.scheduleIntake(org, program, UUID.randomUUID(), null))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.getMessage()).contains("choose one of the terms"));
    }

    private Catalog.IntakeRecord intake(UUID org, UUID intakeId) {
        return catalog.intakes(org).stream()
                .filter(i -> i.intakeId().equals(intakeId))
                .findFirst()
                .orElseThrow();
    }
}
