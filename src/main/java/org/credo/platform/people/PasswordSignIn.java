package org.credo.platform.people;

import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in, for the login form and {@code POST /api/v1/auth/tokens} alike. Every
 * failure looks the same from outside (ADR 20): an unknown email, a wrong password, a paused email or
 * a paused source each cost one password hash check and throw the same {@link BadCredentialsException}.
 * Only someone who gave the right password learns that the account has no active membership.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final Accounts accounts;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;

    // Checked against when there is no hash to check, so that every attempt costs the same.
    private final String decoy;

    PasswordSignIn(Accounts accounts, SignInThrottle throttle, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwords = passwords;
        this.decoy = passwords.encode(SecretTokens.generate("decoy-"));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var email = authentication.getName();
        var password = String.valueOf(authentication.getCredentials());
        var source = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        var user = find(email);
        var hash = user == null ? null : user.getPassword();
        // An invited person without a password yet is checked against the decoy like an unknown email.
        var matches = passwords.matches(password, hash == null ? decoy : hash) && hash != null;
        if (throttle.paused(email, source)) {
            // Even the right password: a guesser must not learn that they found it.
            throw failed();
        }
        if (!matches || user == null) {
            throttle.failed(email, source);
            throw failed();
        }
        if (!user.isEnabled()) {
            throw new DisabledException("no active membership");
        }
        throttle.forget(email);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private @Nullable CredoUser find(String email) {
        try {
            return accounts.loadUserByUsername(email);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static BadCredentialsException failed() {
        return new BadCredentialsException("wrong email or password, or password sign-in paused");
    }
}
