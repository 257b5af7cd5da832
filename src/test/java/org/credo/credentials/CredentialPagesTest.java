package org.credo.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A registrar defines, publishes, issues and revokes through the staff pages. */
@CredoTest
class CredentialPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCryptosuiteWaitsFoldedUnderAdvancedWithTheDefaultChosen() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var page = Jsoup.parse(mvc.perform(get("/manage/credentials/new").cookie(registrar))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        var advanced = page.getElementById("advanced");
        assertThat(advanced).isNotNull();
        assertThat(advanced.tagName()).isEqualTo("details");
        assertThat(advanced.hasAttr("open")).isFalse();
        assertThat(advanced.selectFirst("summary").text()).isEqualTo("Advanced");
        assertThat(advanced.select("input[name=cryptosuite]")).hasSize(2);
        assertThat(advanced.selectFirst("input[name=cryptosuite][checked]").val())
                .isEqualTo("RDFC");
        assertThat(advanced.text()).contains("Learner Credential Wallet").contains("does not issue JWT credentials");

        // A form sent back with another suite shows the choice unfolded.
        var again = Jsoup.parse(mvc.perform(post("/manage/credentials")
                        .cookie(registrar)
                        .with(csrf())
                        .param("recipientName", "Jo Sample")
                        .param("cryptosuite", "JCS")
                        .param("requestKey", UUID.randomUUID().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var unfolded = again.getElementById("advanced");
        assertThat(unfolded).isNotNull();
        assertThat(unfolded.hasAttr("open")).isTrue();
        assertThat(unfolded.selectFirst("input[name=cryptosuite][checked]").val())
                .isEqualTo("JCS");
    }

    @Test
    void registrarDefinesPublishesIssuesAndRevokes() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var name = "Welding Basics " + UUID.randomUUID().toString().substring(0, 5);
        var created = mvc.perform(post("/manage/achievements")
                        .cookie(registrar)
                        .with(csrf())
                        .param("name", name)
                        .param("achievementType", "Badge")
                        .param("description", "Basic welding.")
                        .param("criteriaNarrative", "Pass the practical.")
                        .param("resultDescriptions", "Score | Percent"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var achievementId = created.substring(created.lastIndexOf('/') + 1);
        mvc.perform(post("/manage/achievements/" + achievementId + "/publish")
                .cookie(registrar)
                .with(csrf()));
        mvc.perform(get("/manage/achievements/" + achievementId).cookie(registrar))
                .andExpect(content().string(containsString("PUBLISHED")));

        var issued = mvc.perform(post("/manage/credentials")
                        .cookie(registrar)
                        .with(csrf())
                        .param("achievementId", achievementId)
                        .param("recipientName", "Wes <b>Welder</b>")
                        .param("recipientEmail", "wes@example.test")
                        .param("resultName", "Score")
                        .param("resultValue", "92")
                        .param("cryptosuite", "RDFC")
                        .param("requestKey", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(issued).cookie(registrar))
                .andExpect(content().string(containsString("Wes &lt;b&gt;Welder&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("Wes <b>Welder</b>"))))
                .andExpect(content().string(containsString("eddsa-rdfc-2022")));

        mvc.perform(post(issued + "/revoke").cookie(registrar).with(csrf()).param("reason", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(issued).cookie(registrar)).andExpect(content().string(containsString("say why")));
        mvc.perform(post(issued + "/revoke").cookie(registrar).with(csrf()).param("reason", "Wrong person"));
        mvc.perform(get(issued).cookie(registrar))
                .andExpect(content().string(containsString("id=\"credential-status\">Revoked")))
                .andExpect(content().string(containsString("Wrong person")));
    }

    @Test
    void doubleSubmittedIssueFormIssuesOnce() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var achievement = jdbc.sql(
                        "SELECT id FROM achievement WHERE status = 'PUBLISHED' AND name = 'Laboratory Safety Badge'")
                .query(UUID.class)
                .single();
        var key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/manage/credentials")
                    .cookie(registrar)
                    .with(csrf())
                    .param("achievementId", achievement.toString())
                    .param("recipientName", "Dee Double")
                    .param("recipientEmail", "dee@example.test")
                    .param("cryptosuite", "JCS")
                    .param("requestKey", key));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM issued_credential WHERE recipient_email = 'dee@example.test'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void invalidIssueFormKeepsWhatWasTypedAndMarksFields() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(post("/manage/credentials")
                        .cookie(registrar)
                        .with(csrf())
                        .param("recipientName", "Kim Kept")
                        .param("recipientEmail", "not-an-email")
                        .param("cryptosuite", "RDFC"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("choose the achievement to issue")))
                .andExpect(content().string(containsString("value=\"Kim Kept\"")))
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void demoCredentialsAreListedAndSearchable() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/credentials?q=Mia").cookie(registrar).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mia Moreno")))
                .andExpect(content().string(not(containsString("Sam Sato"))));
        mvc.perform(get("/manage/credentials?status=SUSPENDED").cookie(registrar))
                .andExpect(content().string(containsString("Sam Sato")));
    }

    @Test
    void administratorDescribesTheIssuerAndNewCredentialsCarryIt() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        mvc.perform(post("/manage/issuer/profile")
                        .cookie(admin)
                        .with(csrf())
                        .param("description", "Northfield's <registrar>")
                        .param("imageUrl", "http://not-https.example/logo.png"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/manage/issuer").cookie(admin))
                .andExpect(content().string(containsString("must be an https URL")));
        mvc.perform(post("/manage/issuer/profile")
                .cookie(admin)
                .with(csrf())
                .param("description", "Northfield's <registrar>")
                .param("imageUrl", "https://northfield.test/logo.png"));
        mvc.perform(get("/manage/issuer").cookie(admin))
                .andExpect(content().string(containsString("Northfield&#39;s &lt;registrar&gt;")))
                .andExpect(content().string(containsString("did:key:z6Mk")));
        var achievement = jdbc.sql(
                        "SELECT id FROM achievement WHERE status = 'PUBLISHED' AND name = 'Laboratory Safety Badge'")
                .query(UUID.class)
                .single();
        var issued = mvc.perform(post("/manage/credentials")
                        .cookie(admin)
                        .with(csrf())
                        .param("achievementId", achievement.toString())
                        .param("recipientName", "Pia Profile")
                        .param("recipientEmail", "pia@example.test")
                        .param("cryptosuite", "RDFC")
                        .param("requestKey", UUID.randomUUID().toString()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var json = mvc.perform(get(issued + ".json").cookie(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .contains("\"description\":\"Northfield's <registrar>\"")
                .contains("https://northfield.test/logo.png");
        mvc.perform(post("/manage/issuer/profile")
                .cookie(admin)
                .with(csrf())
                .param("description", "")
                .param("imageUrl", ""));
    }

    @Test
    void publicAchievementDescriptionHidesDrafts() throws Exception {
        var published = jdbc.sql(
                        "SELECT id FROM achievement WHERE status = 'PUBLISHED' AND name = 'Laboratory Safety Badge'")
                .query(UUID.class)
                .single();
        mvc.perform(get("/achievements/" + published))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Laboratory Safety Badge")));
        mvc.perform(get("/achievements/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }
}
