package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.platform.Role;
import org.credo.scheduling.section.MeetingDraft;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Rolling a term's schedule forward into a later term. */
@CredoTest
class RollForwardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Sections sections;

    @Autowired
    Meetings meetings;

    @Test
    void sectionsAndMeetingsMoveToTheNewTermAsPlannedAndARetiredCourseIsReported() throws Exception {
        var fixtures = new SchedulingFixtures(context);
        var org = fixtures.northfield();
        var from = fixtures.term(org, LocalDate.of(2031, 1, 6));
        var to = fixtures.term(org, LocalDate.of(2031, 8, 25));
        var room = fixtures.room(org, 40);
        var kept = fixtures.course(org, "3");
        var retired = fixtures.course(org, "3", LocalDate.of(2031, 6, 1));
        var teacher = fixtures.instructor(org, "Rolf Forward");

        var lecture = create(org, from.id(), kept, "01", List.of(teacher), null);
        meetings.add(
                org,
                lecture.id(),
                new MeetingDraft(
                        EnumSet.of(DayOfWeek.TUESDAY),
                        LocalTime.of(9, 0),
                        LocalTime.of(10, 15),
                        null,
                        null,
                        room.id()));
        meetings.reserve(org, lecture.id(), "COHORT", "Evening cohort", 4);
        var lab = create(org, from.id(), kept, "L1", List.of(), lecture.id());
        meetings.add(
                org,
                lab.id(),
                new MeetingDraft(
                        EnumSet.of(DayOfWeek.THURSDAY), LocalTime.of(9, 0), LocalTime.of(10, 0), null, null, null));
        var gone = create(org, from.id(), retired, "01", List.of(), null);
        sections.changeStatus(org, lecture.id(), SectionStatus.OPEN, null);
        var cancelled = create(org, from.id(), kept, "99", List.of(), null);
        sections.changeStatus(org, cancelled.id(), SectionStatus.CANCELLED, "No instructor");

        mvc.perform(post("/api/v1/terms/" + to.id() + "/roll-forward")
                        .header("Authorization", fixtures.token(Role.REGISTRAR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromTermId\":\"" + from.id() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copied", is(2)))
                .andExpect(jsonPath(
                        "$.notCopied[0]", containsString(gone.label() + ": " + retired + " is retired on 2031-08-25")));

        var copies = sections.ofTerm(org, to.id());
        assertThat(copies).extracting(Section::label).containsExactlyInAnyOrder(lecture.label(), lab.label());
        assertThat(copies).allMatch(s -> s.status() == SectionStatus.PLANNED);
        var newLecture =
                copies.stream().filter(s -> s.number().equals("01")).findFirst().orElseThrow();
        var newLab =
                copies.stream().filter(s -> s.number().equals("L1")).findFirst().orElseThrow();
        var part = to.part(PartOfTerm.FULL).orElseThrow();
        assertThat(newLecture.meetings()).singleElement().satisfies(m -> {
            assertThat(m.startsOn()).isEqualTo(part.classesStart());
            assertThat(m.endsOn()).isEqualTo(part.classesEnd());
            assertThat(m.roomId()).isEqualTo(room.id());
            assertThat(m.days()).containsExactly(DayOfWeek.TUESDAY);
        });
        assertThat(newLecture.instructorIds()).containsExactly(teacher);
        assertThat(newLecture.reservedSeats())
                .singleElement()
                .satisfies(r -> assertThat(r.reference()).isEqualTo("Evening cohort"));
        assertThat(newLab.linkedTo()).isEqualTo(newLecture.id());

        // Rolling again copies nothing twice.
        mvc.perform(post("/api/v1/terms/" + to.id() + "/roll-forward")
                        .header("Authorization", fixtures.token(Role.REGISTRAR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromTermId\":\"" + from.id() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copied", is(0)))
                .andExpect(jsonPath("$.notCopied[*]", hasItem(containsString("already has this section"))));
        assertThat(sections.ofTerm(org, to.id())).hasSize(2);
    }

    private Section create(
            UUID org,
            UUID term,
            String course,
            String number,
            List<UUID> teachers,
            @org.jspecify.annotations.Nullable UUID linkedTo) {
        return sections.create(
                org,
                term,
                new SectionDraft(
                        course, PartOfTerm.FULL, number, 30, 5, DeliveryMode.IN_PERSON, teachers, null, linkedTo));
    }
}
