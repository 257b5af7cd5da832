package org.credo.platform.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the pending registration options in the HTTP session as a serializable snapshot. Spring
 * Security 7.0's {@link PublicKeyCredentialCreationOptions} is not {@link Serializable}
 * (spring-security#16431), and Credo's sessions live in the database through Spring Session JDBC,
 * which serializes every attribute.
 */
final class CreationOptionsInSession implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = CreationOptionsInSession.class.getName() + ".OPTIONS";

    private final String attribute;

    /** Staff registration's options. */
    CreationOptionsInSession() {
        this(ATTRIBUTE);
    }

    /** Options under an attribute of their own, for another store's registrations. */
    CreationOptionsInSession(String attribute) {
        this.attribute = attribute;
    }

    private static final Map<Long, PublicKeyCredentialParameters> ALGORITHMS = Map.of(
            -8L, PublicKeyCredentialParameters.EdDSA,
            -7L, PublicKeyCredentialParameters.ES256,
            -35L, PublicKeyCredentialParameters.ES384,
            -36L, PublicKeyCredentialParameters.ES512,
            -257L, PublicKeyCredentialParameters.RS256,
            -258L, PublicKeyCredentialParameters.RS384,
            -259L, PublicKeyCredentialParameters.RS512,
            -65535L, PublicKeyCredentialParameters.RS1);

    private static final Map<String, UserVerificationRequirement> VERIFICATION = Map.of(
            "required", UserVerificationRequirement.REQUIRED,
            "preferred", UserVerificationRequirement.PREFERRED,
            "discouraged", UserVerificationRequirement.DISCOURAGED);

    @Override
    public void save(
            HttpServletRequest request,
            HttpServletResponse response,
            @Nullable PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            var session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(attribute);
            }
            return;
        }
        request.getSession().setAttribute(attribute, Snapshot.of(options));
    }

    @Override
    public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(attribute) instanceof Snapshot snapshot
                ? snapshot.options()
                : null;
    }

    /** Keeps the options of a registration just started. */
    void keep(HttpServletRequest request, PublicKeyCredentialCreationOptions options) {
        request.getSession().setAttribute(attribute, Snapshot.of(options));
    }

    /** The pending options, removed from the session: each challenge is answered once. */
    @Nullable
    PublicKeyCredentialCreationOptions take(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) {
            return null;
        }
        var snapshot = session.getAttribute(attribute);
        session.removeAttribute(attribute);
        return snapshot instanceof Snapshot s ? s.options() : null;
    }

    /** The options as plain serializable values. */
    record Snapshot(
            String rpId,
            String rpName,
            PublicKeyCredentialUserEntity user,
            Bytes challenge,
            List<Long> algorithms,
            @Nullable Duration timeout,
            List<PublicKeyCredentialDescriptor> excludeCredentials,
            @Nullable String attachment,
            @Nullable String residentKey,
            @Nullable String userVerification,
            @Nullable String attestation)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static Snapshot of(PublicKeyCredentialCreationOptions options) {
            var selection = options.getAuthenticatorSelection();
            return new Snapshot(
                    options.getRp().getId(),
                    options.getRp().getName(),
                    options.getUser(),
                    options.getChallenge(),
                    options.getPubKeyCredParams().stream()
                            .map(p -> p.getAlg().getValue())
                            .toList(),
                    options.getTimeout(),
                    options.getExcludeCredentials() == null
                            ? List.of()
                            : new ArrayList<>(options.getExcludeCredentials()),
                    selection == null || selection.getAuthenticatorAttachment() == null
                            ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null
                            ? null
                            : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null
                            ? null
                            : selection.getUserVerification().getValue(),
                    options.getAttestation() == null
                            ? null
                            : options.getAttestation().getValue());
        }

        PublicKeyCredentialCreationOptions options() {
            var selection = AuthenticatorSelectionCriteria.builder();
            if (attachment != null) {
                selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(attachment));
            }
            if (residentKey != null) {
                selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
            }
            if (userVerification != null) {
                selection.userVerification(VERIFICATION.get(userVerification));
            }
            var builder = PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder()
                            .id(rpId)
                            .name(rpName)
                            .build())
                    .user(user)
                    .challenge(challenge)
                    .pubKeyCredParams(algorithms.stream().map(ALGORITHMS::get).toList())
                    .timeout(timeout)
                    .excludeCredentials(excludeCredentials)
                    .authenticatorSelection(selection.build())
                    // The only extension Spring Security asks for; the registration check does not read it.
                    .extensions(new ImmutableAuthenticationExtensionsClientInputs(
                            ImmutableAuthenticationExtensionsClientInput.credProps));
            if (attestation != null) {
                builder.attestation(AttestationConveyancePreference.valueOf(attestation));
            }
            return builder.build();
        }
    }
}
