package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator invites, changes roles and deactivates; the invited person accepts by email. */
@CredoTest
class PeopleAdministrationTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void invitedPersonSetsAPasswordByEmailedLinkAndSignsIn() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        var email = "invitee-" + UUID.randomUUID() + "@example.test";
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "Ivy Invitee")
                        .param("roles", "INSTRUCTOR"))
                .andExpect(redirectedUrl("/admin/users"));
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/invitations/");

        mvc.perform(get(link)).andExpect(content().string(containsString(email)));
        mvc.perform(post(link)
                        .with(csrf())
                        .param("password", "a long enough passphrase")
                        .param("passwordConfirmation", "different one here"))
                .andExpect(content().string(containsString("the two passwords differ")));
        mvc.perform(post(link)
                        .with(csrf())
                        .param("password", "a long enough passphrase")
                        .param("passwordConfirmation", "a long enough passphrase"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get(link)).andExpect(content().string(containsString("already used")));

        var session = WebSessions.signIn(mvc, email, "a long enough passphrase");
        mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("Instructor home")));
    }

    @Test
    void duplicateInvitationIsRefusedAndKeepsWhatWasTyped() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("email", "registrar@northfield.test")
                        .param("displayName", "Someone Else")
                        .param("roles", "BURSAR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already belongs to Northfield College")))
                .andExpect(content().string(containsString("value=\"Someone Else\"")));
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void invalidInvitationMarksTheFields() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("email", "not an email")
                        .param("displayName", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The invitation was not sent")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("value=\"not an email\"")));
    }

    @Test
    void roleChangesApplyToAnOpenSessionAndDeactivationSignsOut() throws Exception {
        var email = "member-" + UUID.randomUUID() + "@example.test";
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(post("/admin/users")
                .cookie(admin)
                .with(csrf())
                .param("email", email)
                .param("displayName", "Mo Member")
                .param("roles", "LEARNER"));
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/invitations/");
        mvc.perform(post(link)
                .with(csrf())
                .param("password", "member passphrase")
                .param("passwordConfirmation", "member passphrase"));
        var member = WebSessions.signIn(mvc, email, "member passphrase");
        var personId = jdbc.sql("SELECT id FROM person WHERE email = ?")
                .param(email)
                .query(UUID.class)
                .single();

        mvc.perform(get("/audit").cookie(member)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + personId + "/roles")
                        .cookie(admin)
                        .with(csrf())
                        .param("roles", "LEARNER", "AUDITOR"))
                .andExpect(redirectedUrl("/admin/users/" + personId));
        mvc.perform(get("/audit").cookie(member)).andExpect(status().isOk());

        mvc.perform(
                post("/admin/users/" + personId + "/deactivate").cookie(admin).with(csrf()));
        mvc.perform(get("/").cookie(member)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theLastAdministratorCannotBeRemoved() throws Exception {
        var adminId = jdbc.sql("SELECT id FROM person WHERE email = 'administrator@northfield.test'")
                .query(UUID.class)
                .single();
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(post("/admin/users/" + adminId + "/roles")
                .cookie(admin)
                .with(csrf())
                .param("roles", "LEARNER"));
        mvc.perform(get("/admin/users/" + adminId).cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("last active administrator")));
    }

    @Test
    void membersCanBeSearched() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(get("/admin/users?q=rosa").cookie(admin).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rosa Registrar")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Bea Bursar"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }

    @Test
    void anotherOrganizationsMemberIsNotFound() throws Exception {
        var harborOnly = UUID.randomUUID();
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        jdbc.sql(
                        "INSERT INTO person (id, email, display_name, created_at) VALUES (?, ?, 'Hal Harbor', CURRENT_TIMESTAMP)")
                .params(harborOnly, "hal-" + harborOnly + "@harbor.test")
                .update();
        jdbc.sql(
                        "INSERT INTO membership (id, organization_id, person_id, active, created_at) VALUES (?, ?, ?, true, CURRENT_TIMESTAMP)")
                .params(harborOnly, harbor, harborOnly)
                .update();
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(get("/admin/users/" + harborOnly).cookie(admin)).andExpect(status().isNotFound());
    }

    @Test
    void organizationSwitcherChangesWhereTheUserActs() throws Exception {
        var learner = WebSessions.signIn(mvc, Role.LEARNER);
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        mvc.perform(get("/").cookie(learner)).andExpect(content().string(containsString("Harbor Coding Bootcamp")));
        mvc.perform(post("/organizations/switch")
                        .cookie(learner)
                        .with(csrf())
                        .param("organizationId", harbor.toString()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(learner))
                .andExpect(
                        content().string(containsString("You are working in <strong>Harbor Coding Bootcamp</strong>")));
        var northfield = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
        mvc.perform(post("/organizations/switch")
                .cookie(learner)
                .with(csrf())
                .param("organizationId", northfield.toString()));
    }

    @Test
    void organizationSlugIsValidatedAndSettingsChangesAreAudited() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(post("/organizations")
                        .cookie(admin)
                        .with(csrf())
                        .param("slug", "Not A Slug!")
                        .param("name", "X")
                        .param("timeZone", "UTC"))
                .andExpect(content().string(containsString("lowercase letters")));
        mvc.perform(post("/organizations")
                        .cookie(admin)
                        .with(csrf())
                        .param("slug", "northfield")
                        .param("name", "X")
                        .param("timeZone", "UTC"))
                .andExpect(content().string(containsString("is taken")));
        mvc.perform(post("/organizations")
                        .cookie(admin)
                        .with(csrf())
                        .param("slug", "ok-slug")
                        .param("name", "X")
                        .param("timeZone", "Mars/Olympus"))
                .andExpect(content().string(containsString("IANA time zone")));
    }

    @Test
    void apiInvitationOfAnExistingMemberIsAConflict() throws Exception {
        var token = tokens.create(
                        accounts.loadUserByUsername("administrator@northfield.test"),
                        new org.credo.platform.tokens.ApiTokenRequest("people test", null, 1))
                .token();
        mvc.perform(
                        post("/api/v1/users")
                                .header("Authorization", "Bearer " + token)
                                .contentType("application/json")
                                .content(
                                        "{\"email\":\"Registrar@Northfield.test\",\"displayName\":\"R\",\"roles\":[\"BURSAR\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Already a member")));
    }

    @Autowired
    org.credo.platform.tokens.ApiTokenService tokens;

    @Autowired
    org.credo.platform.people.Accounts accounts;
}
