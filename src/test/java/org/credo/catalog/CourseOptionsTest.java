package org.credo.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The rule builder's course picker: it offers the courses of the organization the caller acts in that a
 * rule may name, and only to those who may write proposals.
 */
@CredoTest
class CourseOptionsTest {

    static final String PATH = "/manage/catalog/proposals/course-options";
    static final String PASSWORD = "picker-password-1234";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    CatalogFixtures fixtures;
    String subject;
    UUID northfield;
    UUID harbor;

    @BeforeEach
    void courses() {
        fixtures = new CatalogFixtures(jdbc);
        // A subject of its own, so that other tests' courses never match.
        subject = "PK" + CatalogFixtures.suffix().replaceAll("[^A-Z0-9]", "");
        northfield = fixtures.northfield();
        harbor = fixtures.organization("harbor");
        var today = LocalDate.now();
        fixtures.courseVersion(
                fixtures.course(northfield, subject, "101"), 1, today, "Northfield Picking", "d", null, false);
        fixtures.courseVersion(
                fixtures.course(northfield, subject, "102"), 1, today, "Northfield Retired", "d", null, true);
        fixtures.courseVersion(fixtures.course(harbor, subject, "201"), 1, today, "Harbor Picking", "d", null, false);
    }

    ResultActions search(Cookie session, String q) throws Exception {
        return mvc.perform(get(PATH).param("q", q).header("HX-Request", "true").cookie(session));
    }

    @Test
    void anAuthorIsOfferedOnlyTheCoursesOfTheirOrganizationThatARuleMayName() throws Exception {
        var author = WebSessions.signIn(mvc, Role.CURRICULUM_AUTHOR);
        search(author, subject.toLowerCase())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-code=\"" + subject + " 101\"")))
                .andExpect(content().string(containsString("Northfield Picking")))
                .andExpect(content().string(not(containsString("Harbor Picking"))))
                .andExpect(content().string(not(containsString(subject + " 201"))))
                // A retired course cannot be named by a rule, so it is not offered.
                .andExpect(content().string(not(containsString("Northfield Retired"))))
                // Only the options, not a page.
                .andExpect(content().string(not(containsString("<nav"))));
        // By title, and by code written without the space.
        search(author, "northfield picking")
                .andExpect(content().string(containsString("data-code=\"" + subject + " 101\"")));
        search(author, subject + "101")
                .andExpect(content().string(containsString("data-code=\"" + subject + " 101\"")));
        search(author, subject + " 9")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No course in the catalog matches")));
    }

    @Test
    void theSamePersonSeesTheCoursesOfWhicheverOrganizationTheyActIn() throws Exception {
        var email = authorOf("northfield", "harbor");
        var session = WebSessions.signIn(mvc, email, PASSWORD);

        switchTo(session, harbor);
        search(session, subject)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Harbor Picking")))
                .andExpect(content().string(not(containsString("Northfield Picking"))));

        switchTo(session, northfield);
        search(session, subject)
                .andExpect(content().string(containsString("Northfield Picking")))
                .andExpect(content().string(not(containsString("Harbor Picking"))));
    }

    @Test
    void onlyThoseWhoMayWriteProposalsMaySearch() throws Exception {
        for (var role : new Role[] {Role.COMMITTEE_MEMBER, Role.AUDITOR, Role.LEARNER, Role.INSTRUCTOR}) {
            search(WebSessions.signIn(mvc, role), subject).andExpect(status().isForbidden());
        }
        for (var role : new Role[] {Role.CATALOG_EDITOR, Role.REGISTRAR, Role.ADMINISTRATOR}) {
            search(WebSessions.signIn(mvc, role), subject)
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Northfield Picking")));
        }
        mvc.perform(get(PATH).param("q", subject))
                .andExpect(status().is3xxRedirection())
                .andExpect(content().string(not(containsString("Northfield Picking"))));
    }

    /** A new curriculum author in the organizations given by slug; returns the email. */
    String authorOf(String... slugs) {
        var email = "picker-" + UUID.randomUUID() + "@example.test";
        var personId = UUID.randomUUID();
        jdbc.sql("INSERT INTO person (id, email, display_name, password_hash, created_at)"
                        + " VALUES (?, ?, 'Pia Picker', ?, CURRENT_TIMESTAMP)")
                .params(personId, email, encoder.encode(PASSWORD))
                .update();
        for (var slug : slugs) {
            var membershipId = UUID.randomUUID();
            jdbc.sql("INSERT INTO membership (id, organization_id, person_id, active, created_at)"
                            + " VALUES (?, ?, ?, true, CURRENT_TIMESTAMP)")
                    .params(membershipId, fixtures.organization(slug), personId)
                    .update();
            jdbc.sql("INSERT INTO membership_role (membership_id, role) VALUES (?, 'CURRICULUM_AUTHOR')")
                    .param(membershipId)
                    .update();
        }
        return email;
    }

    void switchTo(Cookie session, UUID organizationId) throws Exception {
        mvc.perform(post("/organizations/switch")
                        .cookie(session)
                        .with(csrf())
                        .param("organizationId", organizationId.toString()))
                .andExpect(status().is3xxRedirection());
    }
}
