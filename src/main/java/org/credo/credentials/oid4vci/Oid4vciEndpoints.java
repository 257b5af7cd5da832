package org.credo.credentials.oid4vci;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wallet-facing endpoints of OpenID4VCI 1.0: metadata, token (pre-authorized code), nonce and credential.
 * Every response is {@code application/json}; errors are OAuth error objects, never Problem Details, because
 * wallets read {@code error}. The token and credential endpoints authenticate by their own secrets (the code, the
 * access token), never by a session.
 */
@RestController
class Oid4vciEndpoints {

    private final CredentialIssuerMetadata metadata;
    private final WalletIssuance issuance;
    private final Offers offers;

    Oid4vciEndpoints(CredentialIssuerMetadata metadata, WalletIssuance issuance, Offers offers) {
        this.metadata = metadata;
        this.issuance = issuance;
        this.offers = offers;
    }

    @GetMapping("/.well-known/openid-credential-issuer")
    ResponseEntity<String> issuerMetadata() {
        return json(HttpStatus.OK, metadata.issuer(), CacheControl.maxAge(Duration.ofMinutes(5)));
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    ResponseEntity<String> authorizationServerMetadata() {
        return json(HttpStatus.OK, metadata.authorizationServer(), CacheControl.maxAge(Duration.ofMinutes(5)));
    }

    @PostMapping("/oid4vci/token")
    ResponseEntity<String> token(@RequestParam MultiValueMap<String, String> form) {
        var grantType = form.getFirst("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.badRequest(
                    "invalid_request", "Send grant_type, form-encoded (application/x-www-form-urlencoded).");
        }
        if (!grantType.equals(CredentialIssuerMetadata.PRE_AUTHORIZED_GRANT)) {
            throw OAuthError.badRequest(
                    "unsupported_grant_type",
                    "Credo supports only the grant type " + CredentialIssuerMetadata.PRE_AUTHORIZED_GRANT + ".");
        }
        var code = form.getFirst("pre-authorized_code");
        if (code == null || code.isBlank()) {
            throw OAuthError.badRequest("invalid_request", "Send the pre-authorized_code from the credential offer.");
        }
        var grant = issuance.token(code);
        var body = Json.createObjectBuilder()
                .add("access_token", grant.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", Offers.TOKEN_VALIDITY.toSeconds())
                .build();
        return json(HttpStatus.OK, body, CacheControl.noStore());
    }

    @PostMapping("/oid4vci/nonce")
    ResponseEntity<String> nonce() {
        var body = Json.createObjectBuilder().add("c_nonce", issuance.nonce()).build();
        return json(HttpStatus.OK, body, CacheControl.noStore());
    }

    @PostMapping("/oid4vci/credential")
    ResponseEntity<String> credential(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable String body) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new OAuthError(
                    HttpStatus.UNAUTHORIZED,
                    "invalid_token",
                    "Send the access token from the token endpoint as 'Authorization: Bearer <token>'.");
        }
        var binding = offers.authorize(authorization.substring(7).trim())
                .orElseThrow(() -> new OAuthError(
                        HttpStatus.UNAUTHORIZED,
                        "invalid_token",
                        "The access token is unknown or expired; redeem a new credential offer."));
        var request = CredentialRequest.parse(body == null ? "" : body);
        var credential = issuance.deliver(binding, request);
        var response = Json.createObjectBuilder()
                .add(
                        "credentials",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("credential", credential)))
                .build();
        return json(HttpStatus.OK, response, CacheControl.noStore());
    }

    @ExceptionHandler(OAuthError.class)
    ResponseEntity<String> error(OAuthError error) {
        var body = Json.createObjectBuilder().add("error", error.code()).add("error_description", error.getMessage());
        if (error.code().equals("invalid_nonce")) {
            // Saves the wallet a round trip; it may equally ask the nonce endpoint.
            body.add("c_nonce", issuance.nonce());
        }
        var response = json(error.status(), body.build(), CacheControl.noStore());
        if (error.status() == HttpStatus.UNAUTHORIZED) {
            return ResponseEntity.status(error.status())
                    .headers(response.getHeaders())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.code() + "\"")
                    .body(response.getBody());
        }
        return response;
    }

    private static ResponseEntity<String> json(HttpStatus status, JsonObject body, CacheControl cache) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(cache)
                .body(body.toString());
    }
}
