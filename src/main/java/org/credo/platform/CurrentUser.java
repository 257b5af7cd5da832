package org.credo.platform;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Finds the {@link CredoUser} behind the current request. */
public final class CurrentUser {

    private CurrentUser() {}

    /** The caller, if someone is signed in or presented an API token. */
    public static Optional<CredoUser> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CredoUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The caller; fails when nobody is signed in, which the security rules should have prevented. */
    public static CredoUser require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first."));
    }
}
