package org.credo.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.credo.platform.CredoUser;
import org.credo.platform.people.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a signed-in user's roles on every page request, so that an administrator's change (or a
 * deactivation) applies to open sessions at once instead of at the next sign-in.
 */
class CurrentMembershipFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final SecurityContextRepository repository;

    CurrentMembershipFilter(Accounts accounts, SecurityContextRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CredoUser user) {
            var current = accounts.current(user);
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (current.get() != user) {
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(
                        current.get(), null, current.get().getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
