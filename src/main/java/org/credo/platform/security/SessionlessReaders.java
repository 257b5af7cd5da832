package org.credo.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a reader of the public pages without a session: the layout and {@code th:action} forms would otherwise ask
 * for the CSRF token, which is kept in the session, so that every crawler's visit stored a session row. Without a
 * session the page carries no token; the forms it shows post to endpoints that need none, because they act for nobody
 * in particular (ADR 29). A reader who has a session (a signed-in user, an earner) keeps their token.
 */
class SessionlessReaders extends OncePerRequestFilter {

    /** The request attribute under which Spring Security offers the token to views (its default name). */
    static final String CSRF_ATTRIBUTE = "_csrf";

    private final RequestMatcher publicPages;

    SessionlessReaders(RequestMatcher publicPages) {
        this.publicPages = publicPages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) == null && publicPages.matches(request)) {
            // By name only: asking the deferred token anything would create it, and with it the session.
            request.removeAttribute(CSRF_ATTRIBUTE);
            request.removeAttribute(CsrfToken.class.getName());
        }
        chain.doFilter(request, response);
    }
}
