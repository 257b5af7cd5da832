package org.credo.platform.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.credo.platform.PasskeyCeremonies;
import org.credo.platform.PasskeyStore;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PasskeyCeremonies} on Spring Security's webauthn4j relying party, one per store, with the options, JSON
 * and checks of staff passkeys: discoverable credentials, user verification preferred, no attestation.
 */
final class StoreCeremonies implements PasskeyCeremonies {

    private static final Logger log = LoggerFactory.getLogger(StoreCeremonies.class);

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    static final int MAX_LABEL = 100;

    private final CredoProperties properties;
    private final PasskeyOrigins origins;
    private final Map<PasskeyStore, RelyingParty> parties = new ConcurrentHashMap<>();
    private final JsonMapper json =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    StoreCeremonies(CredoProperties properties, PasskeyOrigins origins) {
        this.properties = properties;
        this.origins = origins;
    }

    @Override
    public String registrationOptions(HttpServletRequest request, PasskeyStore store, PasskeyUser user) {
        var exclude = store.ofUser(user.handle()).stream()
                .map(p -> PublicKeyCredentialDescriptor.builder()
                        .id(Bytes.fromBase64(p.credentialId()))
                        .transports(p.transports().stream()
                                .map(AuthenticatorTransport::valueOf)
                                .collect(java.util.stream.Collectors.toSet()))
                        .build())
                .toList();
        var options = PublicKeyCredentialCreationOptions.builder()
                .rp(party(store).entity())
                .user(ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(Bytes.fromBase64(user.handle()))
                        .name(user.name())
                        .displayName(user.displayName())
                        .build())
                .challenge(Bytes.random())
                .pubKeyCredParams(
                        PublicKeyCredentialParameters.EdDSA,
                        PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.PREFERRED)
                        .build())
                .attestation(AttestationConveyancePreference.NONE)
                .excludeCredentials(exclude)
                .extensions(new ImmutableAuthenticationExtensionsClientInputs(
                        ImmutableAuthenticationExtensionsClientInput.credProps))
                .timeout(TIMEOUT)
                .build();
        creations(store).keep(request, options);
        return json.writeValueAsString(options);
    }

    @Override
    public PasskeyStore.Passkey register(
            HttpServletRequest request, PasskeyStore store, String userHandle, String body) {
        // Used up whatever happens next: a second answer to the same challenge is refused.
        var options = creations(store).take(request);
        if (options == null || !options.getUser().getId().toBase64UrlString().equals(userHandle)) {
            throw new Refused("The registration expired or was started elsewhere; start it again.");
        }
        RelyingPartyPublicKey publicKey;
        try {
            var tree = json.readTree(body).get("publicKey");
            publicKey = tree == null ? null : json.treeToValue(tree, RelyingPartyPublicKey.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Refused("The browser's answer could not be read; try again.", e);
        }
        if (publicKey == null || publicKey.getCredential() == null) {
            throw new Refused("The browser's answer could not be read; try again.");
        }
        var label = publicKey.getLabel() == null ? "" : publicKey.getLabel().strip();
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            throw new Refused("Give the passkey a name of 1 to " + MAX_LABEL + " characters, such as 'Phone'.");
        }
        try {
            var record = party(store)
                    .registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                            options, new RelyingPartyPublicKey(publicKey.getCredential(), label)));
            return StoreAdapters.passkey(record);
        } catch (RuntimeException e) {
            log.info("Passkey registration refused for store {}: {}", store.name(), e.toString());
            throw new Refused("The passkey was not accepted; try again, or use another device.", e);
        }
    }

    @Override
    public String signInOptions(HttpServletRequest request, PasskeyStore store) {
        var anyone = new AnonymousAuthenticationToken(
                "passkeys", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        var options = party(store)
                .createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(anyone));
        request.getSession().setAttribute(requestAttribute(store), options);
        return json.writeValueAsString(options);
    }

    @Override
    public PasskeyStore.Passkey signIn(HttpServletRequest request, PasskeyStore store, String body) {
        var options = takeRequestOptions(request, store);
        if (options == null) {
            throw new Refused("The sign-in expired; choose \"Sign in with a passkey\" again.");
        }
        PublicKeyCredential<AuthenticatorAssertionResponse> assertion;
        try {
            assertion =
                    json.readValue(body, new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {});
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Refused("The browser's answer could not be read; try again.", e);
        }
        if (assertion == null || assertion.getRawId() == null || assertion.getResponse() == null) {
            throw new Refused("The browser's answer could not be read; try again.");
        }
        var id = assertion.getRawId().toBase64UrlString();
        var stored = store.find(id);
        var handle = assertion.getResponse().getUserHandle();
        if (stored == null || (handle != null && !handle.toBase64UrlString().equals(stored.userHandle()))) {
            throw new Refused("This passkey is not registered here; sign in another way and register it.");
        }
        try {
            party(store).authenticate(new RelyingPartyAuthenticationRequest(options, assertion));
        } catch (RuntimeException e) {
            log.info("Passkey sign-in refused for store {}: {}", store.name(), e.toString());
            throw new Refused("The passkey was not accepted; try again.", e);
        }
        var used = store.find(id);
        return used == null ? stored : used;
    }

    private RelyingParty party(PasskeyStore store) {
        return parties.computeIfAbsent(
                store,
                s -> new RelyingParty(
                        new StoreAdapters.Users(), new StoreAdapters.Credentials(s), properties, origins));
    }

    private static CreationOptionsInSession creations(PasskeyStore store) {
        return new CreationOptionsInSession(StoreCeremonies.class.getName() + "." + store.name() + ".CREATION");
    }

    private static String requestAttribute(PasskeyStore store) {
        return StoreCeremonies.class.getName() + "." + store.name() + ".REQUEST";
    }

    private static @Nullable PublicKeyCredentialRequestOptions takeRequestOptions(
            HttpServletRequest request, PasskeyStore store) {
        var session = request.getSession(false);
        if (session == null) {
            return null;
        }
        var options = session.getAttribute(requestAttribute(store));
        session.removeAttribute(requestAttribute(store));
        return options instanceof PublicKeyCredentialRequestOptions o ? o : null;
    }
}
