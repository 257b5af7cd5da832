package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.platform.config.CredoProperties;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The wallet's sign-in is throttled per source network on top of the per-address limits: one network asking for
 * too many links, or guessing too many passwords, is paused whether the addresses are known or not, and the answers
 * do not tell the cases apart. Each test comes from IPv6 /64 networks of its own, so tests do not count against each
 * other.
 */
@CredoTest
class EarnerSignInThrottleTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Earners earners;

    @Autowired
    CredoProperties properties;

    @Test
    void aNetworkThatAskedForTooManyLinksGetsNoMoreAndTheSameAnswer() throws Exception {
        var network = newSource();
        var known = newEarner();
        int limit = properties.security().maxSignInLinksPerSource();
        MockHttpServletResponse unknownAnswer = null;
        for (int i = 0; i < limit; i++) {
            // Addresses nobody has, from several addresses of one /64: all count against the network.
            unknownAnswer = requestLink(stranger(), network.replace("::1", "::" + Integer.toHexString(i + 2)));
            assertThat(unknownAnswer.getStatus()).isEqualTo(200);
        }

        var paused = requestLink(known, network);
        assertThat(paused.getStatus()).isEqualTo(200);
        assertThat(main(paused, known))
                .isEqualTo(main(requestLink("someone@example.org", network), "someone@example.org"));
        assertThat(outboxTo(known)).isZero();

        // Another network is not held back.
        assertThat(requestLink(known, newSource()).getStatus()).isEqualTo(200);
        assertThat(outboxTo(known)).isEqualTo(1);
    }

    @Test
    void aNetworkGuessingPasswordsIsPausedForEveryAddress() throws Exception {
        var network = newSource();
        var known = newEarner();
        var unknownAnswer = signIn(stranger(), "a guess", network);
        assertThat(unknownAnswer.getStatus()).isEqualTo(400);
        var wrongAnswer = signIn(known, "not the password", newSource());
        assertThat(main(wrongAnswer, known)).isEqualTo(main(unknownAnswer, null));

        for (int i = 1; i < properties.security().maxFailedSignInsPerSource(); i++) {
            // A new address each time, as credential stuffing does: no account reaches its own limit.
            signIn(stranger(), "guess " + i, network);
        }

        var paused = signIn(known, PASSWORD, network);
        assertThat(paused.getStatus()).isEqualTo(400);
        assertThat(paused.getRedirectedUrl()).isNull();
        assertThat(main(paused, known)).isEqualTo(main(wrongAnswer, known));
        assertThat(paused.getContentAsString()).contains("from your network");

        // The earner elsewhere signs in as usual, and staff sign-in from the paused network is not held back.
        assertThat(signIn(known, PASSWORD, newSource()).getRedirectedUrl()).isEqualTo("/wallet");
        var staff = mvc.perform(post("/login")
                        .with(csrf())
                        .with(from(network))
                        .param("email", DemoData.email(org.credo.platform.Role.REGISTRAR))
                        .param("password", DemoData.PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(staff.getRedirectedUrl()).isEqualTo("/");
    }

    private String newEarner() {
        var email = stranger();
        var account = earners.openByClaim(email, "Tess Throttle", CredentialFixtures.northfield(jdbc));
        earners.setPassword(account.id(), null, PASSWORD);
        return email;
    }

    private MockHttpServletResponse requestLink(String email, String source) throws Exception {
        return mvc.perform(post("/wallet/sign-in/link")
                        .with(csrf())
                        .with(from(source))
                        .param("email", email))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse signIn(String email, String password, String source) throws Exception {
        return mvc.perform(post("/wallet/sign-in/password")
                        .with(csrf())
                        .with(from(source))
                        .param("email", email)
                        .param("password", password))
                .andReturn()
                .getResponse();
    }

    /** What the page says, without the session's CSRF token and with the typed address blanked. */
    private static String main(MockHttpServletResponse response, @org.jspecify.annotations.Nullable String email)
            throws Exception {
        var page = response.getContentAsString();
        var main = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        return main.replaceAll("value=\"[^\"]*\"", "value=\"\"")
                .replace(email == null ? "\u0000" : email, "ADDRESS")
                .replaceAll("earner-[0-9a-f]{8}@example\\.org|someone@example\\.org", "ADDRESS");
    }

    private long outboxTo(String email) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE recipient = ? AND subject LIKE '%sign-in%'")
                .param(email)
                .query(Long.class)
                .single();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address in a /64 of its own. */
    private static String newSource() {
        var random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x::1".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
    }

    private static String stranger() {
        return "earner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
