package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.platform.config.CredoProperties;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failed password sign-ins pause password sign-in per email and per source network, never the
 * account's tokens, and every failure looks the same whether the email exists or not. Each test signs
 * in from its own IPv6 /64, so that the tests do not count against each other.
 */
@CredoTest
class SignInThrottleTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JsonMapper json;

    @Autowired
    CredoProperties properties;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address in a /64 of its own. */
    static String newSource() {
        var random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x::1".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
    }

    String newPerson() {
        return TestPeople.learner(jdbc, encoder, PASSWORD, DemoData.ORGANIZATION);
    }

    String form(String email, String password, String source) throws Exception {
        return mvc.perform(post("/login")
                        .with(csrf())
                        .with(from(source))
                        .param("email", email)
                        .param("password", password))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    MockHttpServletResponse api(String email, String password, String source) throws Exception {
        var body = json.writeValueAsString(Map.of(
                "email", email, "password", password, "name", "throttle test", "organization", DemoData.ORGANIZATION));
        return mvc.perform(post("/api/v1/auth/tokens")
                        .with(from(source))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    /** What a caller can tell apart in an API answer: status, title and detail. */
    Map<String, Object> visible(MockHttpServletResponse response) throws Exception {
        var problem = json.readTree(response.getContentAsString());
        return Map.of(
                "status", response.getStatus(),
                "title", problem.get("title").asString(),
                "detail", problem.get("detail").asString());
    }

    void pause(String email) throws Exception {
        for (int i = 0; i < properties.security().maxFailedSignIns(); i++) {
            // From a new network each time: only the email's count reaches its limit.
            form(email, "wrong guess " + i, newSource());
        }
    }

    @Test
    void theFormAnswersAlikeForUnknownKnownAndPausedEmails() throws Exception {
        var source = newSource();
        var known = newPerson();
        var paused = newPerson();
        pause(paused);
        var unknown = "nobody-" + UUID.randomUUID() + "@example.test";

        assertThat(form(unknown, "some password", source)).isEqualTo("/login?error=bad&email=" + encoded(unknown));
        assertThat(form(known, "wrong password", source)).isEqualTo("/login?error=bad&email=" + encoded(known));
        // The right password on a paused email gets the very same answer as a wrong one.
        assertThat(form(paused, PASSWORD, source)).isEqualTo("/login?error=bad&email=" + encoded(paused));
        assertThat(form(known, PASSWORD, source)).isEqualTo("/");
        // The one message names both causes and the ways out.
        var page =
                mvc.perform(get("/login?error=bad")).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains("the email or password is wrong, or password sign-in is paused for")
                .contains("paused for 15 minutes")
                .contains("sign in with a passkey")
                .doesNotContain("locked");
    }

    @Test
    void theApiAnswersAlikeForUnknownKnownAndPausedEmails() throws Exception {
        var source = newSource();
        var known = newPerson();
        var paused = newPerson();
        pause(paused);

        var unknownAnswer = visible(api("nobody-" + UUID.randomUUID() + "@example.test", "some password", source));
        assertThat(unknownAnswer).containsEntry("status", 401).containsEntry("title", "Sign-in failed");
        assertThat(visible(api(known, "wrong password", source))).isEqualTo(unknownAnswer);
        assertThat(visible(api(paused, PASSWORD, source))).isEqualTo(unknownAnswer);
        assertThat(api(known, PASSWORD, source).getStatus()).isEqualTo(201);
    }

    @Test
    void unknownEmailsArePausedLikeKnownOnes() throws Exception {
        var unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        pause(unknown);
        // Had it not been counted, a guesser could tell it from a real, paused account.
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE paused_until > CURRENT_TIMESTAMP")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(visible(api(unknown, "some password", newSource())))
                .containsEntry("status", 401)
                .containsEntry("title", "Sign-in failed");
    }

    @Test
    void aPausedPasswordLeavesTheTokensWorkingAndIsAudited() throws Exception {
        var email = newPerson();
        var created = api(email, PASSWORD, newSource());
        assertThat(created.getStatus()).isEqualTo(201);
        var token = json.readTree(created.getContentAsString()).get("token").asString();

        pause(email);

        assertThat(api(email, PASSWORD, newSource()).getStatus()).isEqualTo(401);
        var me = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(me.getStatus()).isEqualTo(200);
        assertThat(me.getContentAsString()).contains(email);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM audit_entry WHERE action = 'person.sign-in-paused' AND summary LIKE ?")
                                .param("%" + email + "%")
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void failuresFromOneNetworkPauseItForEveryEmail() throws Exception {
        var email = newPerson();
        var network = newSource();
        for (int i = 0; i < properties.security().maxFailedSignInsPerSource(); i++) {
            // Each guess on another email, as credential stuffing does: no email reaches its own limit.
            var guessed = "stuffed-" + UUID.randomUUID() + "@example.test";
            // Another address of the same /64 counts as the same source.
            form(guessed, "password " + i, network.replace("::1", "::" + Integer.toHexString(i + 2)));
        }
        assertThat(form(email, PASSWORD, network)).startsWith("/login?error=bad");
        // Someone elsewhere signs in as usual with the same email.
        assertThat(form(email, PASSWORD, newSource())).isEqualTo("/");
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() throws Exception {
        var email = newPerson();
        int limit = properties.security().maxFailedSignIns();
        for (int i = 0; i < limit - 1; i++) {
            form(email, "wrong " + i, newSource());
        }
        assertThat(form(email, PASSWORD, newSource())).isEqualTo("/");
        form(email, "one more wrong", newSource());
        assertThat(form(email, PASSWORD, newSource())).isEqualTo("/");
    }

    private static String encoded(String email) {
        return email.replace("@", "%40");
    }
}
