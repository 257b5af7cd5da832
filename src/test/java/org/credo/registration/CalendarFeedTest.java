package org.credo.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Secret calendar addresses: made, read without signing in, replaced and revoked. */
@CredoTest
class CalendarFeedTest {

    @Autowired
    MockMvc mvc;

    String makeAddress(Cookie session) throws Exception {
        var result = mvc.perform(post("/calendar/feed").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var url = (String) result.getFlashMap().get("feedUrl");
        assertThat(url).matches(".*/calendar/[A-Za-z0-9_-]{43}\\.ics");
        return url.substring(url.indexOf("/calendar/"));
    }

    @Test
    void aLearnersClassesAreAnICalendarAtTheSecretAddressWithoutHolidaysInTheOrganizationsZone() throws Exception {
        var session = WebSessions.signIn(mvc, Role.LEARNER);
        var path = makeAddress(session);

        var ics = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(ics.getContentType()).startsWith("text/calendar");
        var body = ics.getContentAsString();
        assertThat(body)
                .startsWith("BEGIN:VCALENDAR")
                .contains("BEGIN:VTIMEZONE")
                .contains("SUMMARY:MATH 120-01")
                .contains("LOCATION:SCI 101")
                .contains("DTSTART;TZID=");
        // Spring break (15 to 19 March 2027): MATH 120 meets on Tuesdays and Thursdays, but not that week.
        assertThat(body).contains(":20270309T").doesNotContain(":20270316T").doesNotContain(":20270318T");

        var replaced = makeAddress(session);
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get(replaced)).andExpect(status().isOk());
        mvc.perform(post("/calendar/feed/revoke").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(replaced)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/not-a-token.ics")).andExpect(status().isNotFound());
    }

    @Test
    void anInstructorsFeedListsTheSectionsTheyTeach() throws Exception {
        var session = WebSessions.signIn(mvc, Role.INSTRUCTOR);
        var body = mvc.perform(get(makeAddress(session)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("SUMMARY:DATA 201-01").contains("SUMMARY:MATH 120-01");
        mvc.perform(get("/calendar").cookie(session)).andExpect(status().isOk());
    }
}
