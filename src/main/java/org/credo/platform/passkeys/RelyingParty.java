package org.credo.platform.passkeys;

import java.util.Set;
import org.credo.platform.config.CredoProperties;
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
 * Credo as a WebAuthn relying party over one store of passkeys: Spring Security's webauthn4j implementation with
 * the id and name from {@code credo.base-url} / {@code credo.passkeys.*} and the origins of {@link PasskeyOrigins}.
 * Staff passkeys have one; each store of {@link org.credo.platform.PasskeyCeremonies} has its own.
 */
final class RelyingParty implements WebAuthnRelyingPartyOperations {

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final UserCredentialRepository credentials;
    private final PasskeyOrigins origins;
    private final PublicKeyCredentialRpEntity entity;
    private volatile Built built;

    private record Built(Set<String> origins, Webauthn4JRelyingPartyOperations operations) {}

    RelyingParty(
            PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials,
            CredoProperties properties,
            PasskeyOrigins origins) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.origins = origins;
        this.entity = PublicKeyCredentialRpEntity.builder()
                .id(properties.passkeyRpId())
                .name(properties.passkeyRpName())
                .build();
        this.built = build(origins.allowed());
    }

    /** The relying party's id and name, as registration options carry them. */
    PublicKeyCredentialRpEntity entity() {
        return entity;
    }

    private Built build(Set<String> allowed) {
        return new Built(allowed, new Webauthn4JRelyingPartyOperations(userEntities, credentials, entity, allowed));
    }

    /** The operations for the origins allowed now (they change once, when a demo server learns its port). */
    private Webauthn4JRelyingPartyOperations delegate() {
        var current = built;
        var allowed = origins.allowed();
        if (current.origins() != allowed) {
            current = build(allowed);
            built = current;
        }
        return current.operations();
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return delegate().createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return delegate().registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return delegate().createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return delegate().authenticate(request);
    }
}
