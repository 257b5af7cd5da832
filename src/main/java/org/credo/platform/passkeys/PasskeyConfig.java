package org.credo.platform.passkeys;

import org.credo.platform.config.CredoProperties;
import org.credo.platform.people.Accounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Spring Security's WebAuthn pieces, stored in the database (tables of {@code V3__passkeys.sql}).
 * {@code http.webAuthn()} picks these beans up; the relying party is a bean (rather than the DSL's
 * rpId/rpName/allowedOrigins) because {@link PasskeyAuthenticationProvider} needs the same instance.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfig {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    AuditedCredentials passkeyCredentials(
            JdbcOperations jdbc,
            PublicKeyCredentialUserEntityRepository userEntities,
            Accounts accounts,
            ApplicationEventPublisher events) {
        return new AuditedCredentials(new JdbcUserCredentialRepository(jdbc), userEntities, accounts, events);
    }

    @Bean
    PasskeyOrigins passkeyOrigins(CredoProperties properties) {
        return new PasskeyOrigins(properties);
    }

    @Bean
    RelyingParty passkeyRelyingParty(
            PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials,
            CredoProperties properties,
            PasskeyOrigins origins) {
        return new RelyingParty(userEntities, credentials, properties, origins);
    }

    @Bean
    StoreCeremonies passkeyCeremonies(CredoProperties properties, PasskeyOrigins origins) {
        return new StoreCeremonies(properties, origins);
    }

    @Bean
    PasskeySignIn passkeySignIn(
            WebAuthnRelyingPartyOperations relyingParty, Accounts accounts, ApplicationEventPublisher events) {
        return new PasskeySignIn(new PasskeyAuthenticationProvider(relyingParty, accounts), events);
    }
}
