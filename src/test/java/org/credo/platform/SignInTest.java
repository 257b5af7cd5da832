package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.credo.platform.demo.DemoData;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@CredoTest
class SignInTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    String newPerson(String password) {
        var email = "p-" + UUID.randomUUID() + "@example.test";
        var personId = UUID.randomUUID();
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(DemoData.ORGANIZATION)
                .query(UUID.class)
                .single();
        jdbc.sql(
                        "INSERT INTO person (id, email, display_name, password_hash, created_at) VALUES (?, ?, 'Pat Person', ?, CURRENT_TIMESTAMP)")
                .params(personId, email, encoder.encode(password))
                .update();
        jdbc.sql(
                        "INSERT INTO membership (id, organization_id, person_id, active, created_at) VALUES (?, ?, ?, true, CURRENT_TIMESTAMP)")
                .params(personId, org, personId)
                .update();
        jdbc.sql("INSERT INTO membership_role (membership_id, role) VALUES (?, 'LEARNER')")
                .param(personId)
                .update();
        return email;
    }

    @Test
    void demoAdministratorSignsInAndSeesTheirHome() throws Exception {
        var session = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Administrator home")));
    }

    @Test
    void wrongPasswordIsRefusedWithTheTypedEmailKept() throws Exception {
        var email = newPerson("correct horse battery");
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "wrong guess here"))
                .andExpect(redirectedUrl("/login?error=bad&email=" + email.replace("@", "%40")));
    }

    @Test
    void fiveFailedSignInsPauseThePasswordUntilAResetByEmailedLink() throws Exception {
        var email = newPerson("correct horse battery");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "wrong " + i));
        }
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "correct horse battery"))
                .andExpect(redirectedUrl("/login?error=bad&email=" + email.replace("@", "%40")));

        mvc.perform(post("/password/forgot").with(csrf()).param("email", email));
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/password/reset");
        mvc.perform(post("/password/reset")
                        .with(csrf())
                        .param("token", link.substring(link.indexOf("token=") + 6))
                        .param("password", "a brand new passphrase")
                        .param("passwordConfirmation", "a brand new passphrase"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void passwordResetByEmailedLinkWorksOnceAndUnlocks() throws Exception {
        var email = newPerson("old password here");
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("we sent it a link")));
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/password/reset");
        var token = link.substring(link.indexOf("token=") + 6);

        mvc.perform(post("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "short")
                        .param("passwordConfirmation", "short"))
                .andExpect(content().string(Matchers.containsString("at least 12 characters")));
        mvc.perform(post("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "a brand new passphrase")
                        .param("passwordConfirmation", "a brand new passphrase"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "another new passphrase")
                        .param("passwordConfirmation", "another new passphrase"))
                .andExpect(content().string(Matchers.containsString("already used")));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void expiredResetLinkIsRefused() throws Exception {
        var email = newPerson("old password here");
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email));
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/password/reset");
        jdbc.sql("UPDATE account_token SET expires_at = ? WHERE person_id = (SELECT id FROM person WHERE email = ?)")
                .params(Timestamps.sql(java.time.Instant.now().minusSeconds(60)), email)
                .update();
        mvc.perform(get(link)).andExpect(content().string(Matchers.containsString("has expired")));
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoMail() throws Exception {
        mvc.perform(post("/password/forgot").with(csrf()).param("email", "nobody@example.test"))
                .andExpect(content().string(Matchers.containsString("we sent it a link")));
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}
