package org.credo.platform.people;

import org.credo.platform.CredoUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds Spring Security's sign-in outcomes into the lockout count. */
@Component
class SignInAttempts {

    private final Accounts accounts;

    SignInAttempts(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String email) {
            accounts.recordFailedSignIn(email);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CredoUser user) {
            accounts.recordSuccessfulSignIn(user.personId());
        }
    }
}
