package org.credo.platform.passkeys;

import java.util.LinkedHashSet;
import java.util.Set;
import org.credo.platform.config.CredoProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Credo as a WebAuthn relying party: Spring Security's webauthn4j implementation with the id, name
 * and origins from {@code credo.base-url} / {@code credo.passkeys.*}. In demo mode on localhost the
 * port the server actually listens on is allowed too, so that {@code --server.port=9090} and tests
 * on a random port work without configuration.
 */
final class RelyingParty implements WebAuthnRelyingPartyOperations, ApplicationListener<WebServerInitializedEvent> {

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final UserCredentialRepository credentials;
    private final CredoProperties properties;
    private volatile Webauthn4JRelyingPartyOperations delegate;
    private volatile Set<String> allowed = Set.of();

    RelyingParty(
            PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials,
            CredoProperties properties) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.properties = properties;
        this.delegate = build(properties.passkeyOrigins());
    }

    /** The origins ceremonies may come from. */
    Set<String> allowedOrigins() {
        return allowed;
    }

    private Webauthn4JRelyingPartyOperations build(Set<String> origins) {
        allowed = Set.copyOf(origins);
        var rp = PublicKeyCredentialRpEntity.builder()
                .id(properties.passkeyRpId())
                .name(properties.passkeyRpName())
                .build();
        return new Webauthn4JRelyingPartyOperations(userEntities, credentials, rp, allowed);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (properties.demo() && "localhost".equals(properties.passkeyRpId())) {
            var origins = new LinkedHashSet<>(properties.passkeyOrigins());
            origins.add("http://localhost:" + event.getWebServer().getPort());
            delegate = build(origins);
        }
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return delegate.createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return delegate.registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return delegate.createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return delegate.authenticate(request);
    }
}
