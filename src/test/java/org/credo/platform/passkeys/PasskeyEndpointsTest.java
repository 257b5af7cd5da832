package org.credo.platform.passkeys;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Spring Security's WebAuthn endpoints as Credo configures them, through real database sessions. */
@CredoTest
class PasskeyEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void signedInUserGetsRegistrationOptionsForLocalhostAndKeepsTheSession() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(post("/webauthn/register/options").with(csrf()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rp.id").value("localhost"))
                .andExpect(jsonPath("$.rp.name").value("Credo"))
                .andExpect(jsonPath("$.user.name").value(DemoData.email(Role.REGISTRAR)))
                .andExpect(jsonPath("$.challenge").isNotEmpty())
                .andExpect(jsonPath("$.pubKeyCredParams").isNotEmpty());
        // The pending options were stored in the database session (they must serialize) and it still works.
        mvc.perform(get("/account/passkeys").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Register a passkey")));
    }

    @Test
    void anonymousCallerGetsNoRegistrationOptions() throws Exception {
        // Spring Security's options filter runs before authorization and answers 400 without a user.
        mvc.perform(post("/webauthn/register/options").with(csrf()))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(Matchers.not(Matchers.containsString("challenge"))));
    }

    @Test
    void anonymousCallerGetsAuthenticationOptions() throws Exception {
        mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rpId").value("localhost"))
                .andExpect(jsonPath("$.challenge").isNotEmpty());
    }

    @Test
    void optionsNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/webauthn/authenticate/options")).andExpect(status().isForbidden());
    }

    @Test
    void aForgedAssertionDoesNotSignIn() throws Exception {
        mvc.perform(post("/login/webauthn")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id":"AAAA","rawId":"AAAA","type":"public-key","clientExtensionResults":{},
                                 "response":{"authenticatorData":"AAAA","clientDataJSON":"AAAA","signature":"AAAA"}}
                                """))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void loginPageOffersPasskeys() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Sign in with a passkey")))
                .andExpect(content().string(Matchers.containsString("/js/passkeys.js")));
    }
}
