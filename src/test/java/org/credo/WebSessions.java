package org.credo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.springframework.test.web.servlet.MockMvc;

/** Signs in through the real login form and returns the session cookie (sessions live in the database). */
public final class WebSessions {

    private WebSessions() {}

    public static Cookie signIn(MockMvc mvc, String email, String password) throws Exception {
        var result = mvc.perform(
                        post("/login").with(csrf()).param("email", email).param("password", password))
                .andReturn();
        var cookie = result.getResponse().getCookie("CREDO_SESSION");
        var location = result.getResponse().getRedirectedUrl();
        if (cookie == null || !"/".equals(location)) {
            throw new AssertionError("Sign-in of " + email + " failed: redirected to " + location);
        }
        return cookie;
    }

    /** Signs in as the demo user of a role. */
    public static Cookie signIn(MockMvc mvc, Role role) throws Exception {
        return signIn(mvc, DemoData.email(role), DemoData.PASSWORD);
    }
}
