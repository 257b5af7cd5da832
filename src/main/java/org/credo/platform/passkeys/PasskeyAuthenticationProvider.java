package org.credo.platform.passkeys;

import org.credo.platform.people.Accounts;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Verifies a passkey assertion and signs the person in as a {@link org.credo.platform.CredoUser},
 * exactly as a password sign-in does. Spring Security's own provider would make the principal a
 * WebAuthn user entity and skip the disabled check, which Credo needs. Paused password sign-in does
 * not stop a passkey (ADR 20): a passkey cannot be guessed.
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final Accounts accounts;
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

    PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, Accounts accounts) {
        this.relyingParty = relyingParty;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var request = (WebAuthnAuthenticationRequestToken) authentication;
        String email;
        try {
            email = relyingParty.authenticate(request.getWebAuthnRequest()).getName();
        } catch (RuntimeException e) {
            throw new BadCredentialsException("The passkey was not accepted", e);
        }
        var user = accounts.loadUserByUsername(email);
        status.check(user);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
