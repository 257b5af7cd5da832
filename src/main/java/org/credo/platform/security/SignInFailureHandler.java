package org.credo.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed sign-in back to the form with the email that was typed. */
class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        // One reason for every failure but one that needs the right password (ADR 20): the page must not tell
        // an unknown email from a known one, nor a paused sign-in from a wrong password.
        var reason = e instanceof DisabledException ? "disabled" : "bad";
        var email = request.getParameter("email");
        var target = request.getContextPath() + "/login?error=" + reason
                + (email == null ? "" : "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        response.sendRedirect(target);
    }
}
