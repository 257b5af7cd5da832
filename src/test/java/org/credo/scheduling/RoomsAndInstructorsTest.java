package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.room.Rooms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Buildings and rooms; instructors with their availability and load limits. */
@CredoTest
class RoomsAndInstructorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    Rooms rooms;

    @Autowired
    Instructors instructors;

    SchedulingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
    }

    @Test
    void aRoomIsAddedToABuildingWithItsSeatsAndFeaturesAndBadValuesAreNamed() throws Exception {
        var auth = fixtures.token(Role.REGISTRAR);
        var code = SchedulingFixtures.unique("H");
        var building = mvc.perform(post("/api/v1/buildings")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"Humanities\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var buildingId = json.readTree(building).get("id").asString();
        mvc.perform(post("/api/v1/rooms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"" + buildingId + "\",\"number\":\"12\",\"capacity\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("capacity")));
        mvc.perform(post("/api/v1/rooms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"" + buildingId
                                + "\",\"number\":\"12\",\"capacity\":24,\"features\":[\"jacuzzi\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("features")))
                .andExpect(jsonPath("$.detail", containsString("unknown feature jacuzzi")));
        var created = mvc.perform(
                        post("/api/v1/rooms")
                                .header("Authorization", auth)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"buildingId\":\"" + buildingId
                                                + "\",\"number\":\"12\",\"capacity\":24,\"features\":[\"lab\",\"computers\"],\"accessible\":false}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.features[0]", is("computers")))
                .andExpect(jsonPath("$.accessible", is(false)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var roomId = json.readTree(created).get("id").asString();
        mvc.perform(post("/api/v1/rooms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"" + buildingId + "\",\"number\":\"12\",\"capacity\":30}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("already has a room 12")));
        mvc.perform(put("/api/v1/rooms/" + roomId)
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"buildingId\":\"" + buildingId
                                + "\",\"number\":\"12\",\"capacity\":28,\"active\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity", is(28)))
                .andExpect(jsonPath("$.active", is(false)));
        // The rooms list pages in the common envelope and filters by seats.
        mvc.perform(get("/api/v1/rooms")
                        .param("minCapacity", "28")
                        .param("size", "200")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(roomId)))
                .andExpect(jsonPath("$.size", is(200)))
                .andExpect(jsonPath("$.sort", is("name,asc")));
        mvc.perform(get("/api/v1/rooms")
                        .param("minCapacity", "29")
                        .param("size", "200")
                        .header("Authorization", auth))
                .andExpect(jsonPath("$.items[?(@.id == '" + roomId + "')]").isEmpty());

        // A room of another organization is not found.
        var harbor = fixtures.organization("harbor");
        var elsewhere = rooms.save(
                harbor,
                null,
                rooms.saveBuilding(harbor, null, code, "Harbor hall").id(),
                "1",
                10,
                List.of(),
                true,
                true);
        mvc.perform(get("/api/v1/rooms/" + elsewhere.id()).header("Authorization", auth))
                .andExpect(status().isNotFound());
    }

    @Test
    void theRoomsPageKeepsWhatWasTypedAndMarksTheField() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        var building = rooms.saveBuilding(fixtures.northfield(), null, SchedulingFixtures.unique("P"), "Page hall");
        mvc.perform(post("/manage/scheduling/rooms")
                        .cookie(session)
                        .with(csrf())
                        .param("buildingId", building.id().toString())
                        .param("number", "<i>7</i>")
                        .param("capacity", "-3")
                        .param("features", "lab"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The room was not saved")))
                .andExpect(content().string(containsString("value=\"&lt;i&gt;7&lt;/i&gt;\"")))
                .andExpect(content().string(containsString("give the number of seats, 1 to 2000.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(post("/manage/scheduling/rooms")
                        .cookie(session)
                        .with(csrf())
                        .param("buildingId", building.id().toString())
                        .param("number", "7")
                        .param("capacity", "18")
                        .param("features", "lab")
                        .param("accessible", "true")
                        .param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saved the room " + building.code() + " 7.")));
    }

    @Test
    void instructorsAreTheMembersWithTheRoleAndKeepTheirAvailabilityAndLimits() throws Exception {
        var org = fixtures.northfield();
        var auth = fixtures.token(Role.REGISTRAR);
        var ines = instructors.all(org).stream()
                .filter(i -> i.email().equals("instructor@northfield.test"))
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/api/v1/instructors").header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("Ines Instructor")))
                .andExpect(jsonPath("$[*].name", not(hasItem("Rosa Registrar"))));

        var teacher = fixtures.instructor(org, "Ada Availability");
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(post("/manage/scheduling/instructors/" + teacher)
                        .cookie(session)
                        .with(csrf())
                        .param("availability", "MON 09:00-12:00\nTUESDAY sometimes")
                        .param("maxSections", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("line 2 (TUESDAY sometimes)")))
                .andExpect(content().string(containsString("TUESDAY sometimes</textarea>")));
        assertThat(instructors.find(org, teacher).availability()).isEmpty();
        mvc.perform(post("/manage/scheduling/instructors/" + teacher)
                        .cookie(session)
                        .with(csrf())
                        .param("availability", "MON 09:00-12:00\nfri unavailable")
                        .param("maxSections", "3")
                        .param("maxCredits", "9"))
                .andExpect(status().is3xxRedirection());
        var saved = instructors.find(org, teacher);
        assertThat(saved.maxSections()).isEqualTo(3);
        assertThat(saved.availabilityText()).isEqualTo("MON 09:00-12:00; FRI unavailable");
        assertThat(saved.canTeach(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(11, 0)))
                .isTrue();
        assertThat(saved.canTeach(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)))
                .isFalse();
        assertThat(saved.canTeach(DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalTime.of(11, 0)))
                .isFalse();
        assertThat(saved.canTeach(DayOfWeek.TUESDAY, LocalTime.of(7, 0), LocalTime.of(22, 0)))
                .isTrue();

        mvc.perform(
                        put("/api/v1/instructors/" + teacher)
                                .header("Authorization", auth)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"availability\":[{\"day\":\"WEDNESDAY\",\"startsAt\":\"14:00\",\"endsAt\":\"13:00\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("availability")));
        // Somebody without the instructor role is not an instructor.
        mvc.perform(put("/api/v1/instructors/" + UUID.randomUUID())
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound());
        assertThat(ines.name()).isEqualTo("Ines Instructor");
    }
}
