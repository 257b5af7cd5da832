package org.credo.platform.passkeys;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;

/**
 * How the web filter chain turns on passkeys: Spring Security's WebAuthn endpoints
 * ({@code /webauthn/register/options}, {@code /webauthn/register}, {@code /webauthn/authenticate/options},
 * {@code /login/webauthn}) with Credo's own pages instead of the generated ones, registration options
 * kept in the session in a serializable form, and a sign-in that yields a {@code CredoUser}.
 */
public final class PasskeySignIn {

    private final PasskeyAuthenticationProvider provider;
    private final ApplicationEventPublisher events;

    PasskeySignIn(PasskeyAuthenticationProvider provider, ApplicationEventPublisher events) {
        this.provider = provider;
        this.events = events;
    }

    /** Configures {@code http.webAuthn(...)} of the web filter chain. */
    public void configure(WebAuthnConfigurer<HttpSecurity> webAuthn) {
        webAuthn.disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new CreationOptionsInSession())
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        var manager = new ProviderManager(provider);
                        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
                        filter.setAuthenticationManager(manager);
                        // As form login does: a new session id and a new CSRF token after signing in.
                        filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                                new ChangeSessionIdAuthenticationStrategy(),
                                new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
                        return filter;
                    }
                });
    }
}
