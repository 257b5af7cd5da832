package org.credo.credentials.oid4vci;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.credo.credentials.issuance.CredentialDocuments;
import org.credo.platform.config.CredoProperties;
import org.springframework.stereotype.Component;

/**
 * The one credential issuer of this server (ADR 0009): its identifier is the base URL, without a trailing slash,
 * and it is its own authorization server. Any organization's credentials are issued under it; each credential
 * still names its own organization as issuer and is signed with that organization's key.
 */
@Component
class CredentialIssuerMetadata {

    /** The only credential configuration: an Open Badges 3.0 credential as a Data Integrity secured VC. */
    static final String OPEN_BADGE = "OpenBadgeCredential";

    static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private final CredoProperties properties;

    CredentialIssuerMetadata(CredoProperties properties) {
        this.properties = properties;
    }

    /** The credential issuer identifier; the authorization server's issuer equals it byte for byte. */
    String identifier() {
        return properties.link("");
    }

    String tokenEndpoint() {
        return properties.link("/oid4vci/token");
    }

    String credentialEndpoint() {
        return properties.link("/oid4vci/credential");
    }

    String nonceEndpoint() {
        return properties.link("/oid4vci/nonce");
    }

    /** {@code /.well-known/openid-credential-issuer}, in the shape of OpenID4VCI 1.0 (section 12.2). */
    JsonObject issuer() {
        var configuration = Json.createObjectBuilder()
                .add("format", "ldp_vc")
                .add(
                        "credential_definition",
                        Json.createObjectBuilder()
                                .add("@context", strings(CredentialDocuments.CONTEXTS))
                                .add("type", strings(List.of("VerifiableCredential", OPEN_BADGE))))
                .add("cryptographic_binding_methods_supported", strings(List.of("did:key", "jwk")))
                .add("credential_signing_alg_values_supported", strings(List.of("eddsa-rdfc-2022", "eddsa-jcs-2022")))
                .add(
                        "proof_types_supported",
                        Json.createObjectBuilder()
                                .add(
                                        "jwt",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "proof_signing_alg_values_supported",
                                                        strings(List.of("EdDSA", "ES256")))))
                .add(
                        "credential_metadata",
                        Json.createObjectBuilder()
                                .add(
                                        "display",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("name", "Open Badge")
                                                        .add("locale", "en")
                                                        .add(
                                                                "description",
                                                                "An Open Badges 3.0 credential: an achievement, who earned it and who issued it.")
                                                        .add("background_color", "#1d4e89")
                                                        .add("text_color", "#ffffff"))));
        return Json.createObjectBuilder()
                .add("credential_issuer", identifier())
                .add("credential_endpoint", credentialEndpoint())
                .add("nonce_endpoint", nonceEndpoint())
                .add(
                        "display",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", "Credo")
                                        .add("locale", "en")))
                .add(
                        "credential_configurations_supported",
                        Json.createObjectBuilder().add(OPEN_BADGE, configuration))
                .build();
    }

    /** {@code /.well-known/oauth-authorization-server} (RFC 8414): only the pre-authorized code grant, anonymously. */
    JsonObject authorizationServer() {
        return Json.createObjectBuilder()
                .add("issuer", identifier())
                .add("token_endpoint", tokenEndpoint())
                .add("grant_types_supported", strings(List.of(PRE_AUTHORIZED_GRANT)))
                .add("token_endpoint_auth_methods_supported", strings(List.of("none")))
                .add("response_types_supported", Json.createArrayBuilder())
                .add("pre-authorized_grant_anonymous_access_supported", true)
                .build();
    }

    /** The credential offer object (section 4.1.1) for a pre-authorized code. */
    JsonObject offer(String preAuthorizedCode) {
        return Json.createObjectBuilder()
                .add("credential_issuer", identifier())
                .add("credential_configuration_ids", strings(List.of(OPEN_BADGE)))
                .add(
                        "grants",
                        Json.createObjectBuilder()
                                .add(
                                        PRE_AUTHORIZED_GRANT,
                                        Json.createObjectBuilder().add("pre-authorized_code", preAuthorizedCode)))
                .build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        var array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
