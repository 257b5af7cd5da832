package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.demo.DemoData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token acts in the organization named when it was made, or in its owner's only organization; never
 * in whichever one its owner last chose in the UI.
 */
@CredoTest
class TokenOrganizationTest {

    static final String PASSWORD = "correct horse battery";
    static final String HARBOR = "harbor";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JsonMapper json;

    ResultActions createToken(String email, @Nullable String organization) throws Exception {
        var body = new HashMap<String, Object>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("name", "integration");
        if (organization != null) {
            body.put("organization", organization);
        }
        return mvc.perform(post("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    String token(ResultActions created) throws Exception {
        var response = created.andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("token").asString();
    }

    // Other tests rename the demo organization; the page shows whatever it is called now.
    String organizationName(String slug) {
        return jdbc.sql("SELECT name FROM organization WHERE slug = ?")
                .param(slug)
                .query(String.class)
                .single();
    }

    UUID organizationId(String slug) {
        return jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(slug)
                .query(UUID.class)
                .single();
    }

    void switchTo(Cookie session, String slug) throws Exception {
        mvc.perform(post("/organizations/switch")
                        .cookie(session)
                        .with(csrf())
                        .param("organizationId", organizationId(slug).toString()))
                .andExpect(status().is3xxRedirection());
    }

    ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token));
    }

    @Test
    void aMemberOfSeveralOrganizationsMustNameOne() throws Exception {
        var email = TestPeople.learner(jdbc, encoder, PASSWORD, DemoData.ORGANIZATION, HARBOR);
        createToken(email, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("organization")))
                .andExpect(jsonPath(
                        "$.detail",
                        allOf(
                                containsString("'northfield'"),
                                containsString("'harbor'"),
                                containsString("name the organization"))));
    }

    @Test
    void theTokenKeepsTheOrganizationNamedAtCreationWhateverTheUiChoosesLater() throws Exception {
        var email = TestPeople.learner(jdbc, encoder, PASSWORD, DemoData.ORGANIZATION, HARBOR);
        var session = WebSessions.signIn(mvc, email, PASSWORD);
        var token = token(createToken(email, HARBOR));

        switchTo(session, DemoData.ORGANIZATION);
        me(token).andExpect(status().isOk()).andExpect(jsonPath("$.organizationName", is("Harbor Coding Bootcamp")));
    }

    @Test
    void aMemberOfOneOrganizationNeedNotNameIt() throws Exception {
        var email = TestPeople.learner(jdbc, encoder, PASSWORD, HARBOR);
        me(token(createToken(email, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationName", is("Harbor Coding Bootcamp")));
    }

    @Test
    void theTokenPageMakesTheTokenInTheOrganizationItShowed() throws Exception {
        var email = TestPeople.learner(jdbc, encoder, PASSWORD, DemoData.ORGANIZATION, HARBOR);
        var session = WebSessions.signIn(mvc, email, PASSWORD);
        switchTo(session, DemoData.ORGANIZATION);
        mvc.perform(get("/account/tokens").cookie(session))
                .andExpect(content()
                        .string(containsString(
                                "name=\"organization\" value=\"" + organizationId(DemoData.ORGANIZATION) + "\"")));

        // Another tab switches to Harbor before the form, showing Northfield, is sent.
        switchTo(session, HARBOR);
        var page = mvc.perform(post("/account/tokens")
                        .cookie(session)
                        .with(csrf())
                        .param("name", "from the page")
                        .param(
                                "organization",
                                organizationId(DemoData.ORGANIZATION).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(organizationName(DemoData.ORGANIZATION) + "</strong>.")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var matcher = Pattern.compile("id=\"new-token\">([^<]+)<").matcher(page);
        assertThat(matcher.find()).isTrue();
        me(matcher.group(1)).andExpect(jsonPath("$.organizationName", is(organizationName(DemoData.ORGANIZATION))));

        // A form that names none, from a member of two organizations, is refused with the reason.
        mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", "no organization"))
                .andExpect(content().string(containsString("name the organization this token acts in")));
    }
}
