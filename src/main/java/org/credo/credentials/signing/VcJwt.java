package org.credo.credentials.signing;

import static org.credo.credentials.signing.JwtRejected.Reason.CRITICAL_HEADER;
import static org.credo.credentials.signing.JwtRejected.Reason.ENCRYPTED;
import static org.credo.credentials.signing.JwtRejected.Reason.MALFORMED;
import static org.credo.credentials.signing.JwtRejected.Reason.PRIVATE_KEY;
import static org.credo.credentials.signing.JwtRejected.Reason.SYMMETRIC;
import static org.credo.credentials.signing.JwtRejected.Reason.UNSIGNED;
import static org.credo.credentials.signing.JwtRejected.Reason.UNSUPPORTED_ALGORITHM;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A VC-JWT as read from its compact serialization (a JWS whose payload is a credential, or holds one in its {@code vc}
 * claim), not yet trusted. Reading it checks only its shape; {@link #checkHeader()} refuses what no key can make
 * trustworthy, and {@link #signedBy(JwsKey)} checks the signature.
 */
public final class VcJwt {

    /** The asymmetric algorithms Credo checks. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.EdDSA,
            JWSAlgorithm.Ed25519,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);

    // Base64url of '{"' is "eyJ": a JOSE header always starts so, which tells a token from JSON or other text.
    private static final Pattern COMPACT = Pattern.compile("eyJ[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){2,4}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Header header;
    private final String signingInput;
    private final Base64URL signature;
    private final JsonObject claims;

    private VcJwt(Header header, String signingInput, Base64URL signature, JsonObject claims) {
        this.header = header;
        this.signingInput = signingInput;
        this.signature = signature;
        this.claims = claims;
    }

    /** Whether text is a compact JOSE serialization (maybe wrapped over lines) rather than JSON or anything else. */
    public static boolean looksLikeOne(String text) {
        // A compact JWS starts with "eyJ" (a base64url JSON object); JSON text, the usual input, is told at once.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                if (c != 'e') {
                    return false;
                }
                break;
            }
        }
        return COMPACT.matcher(WHITESPACE.matcher(text).replaceAll("")).matches();
    }

    /**
     * Reads a compact JWS; whitespace, as when a token was wrapped over lines, is ignored.
     *
     * @throws JwtRejected if it is not a compact JWS with a JSON object as header and as payload
     */
    public static VcJwt parse(String compact) throws JwtRejected {
        var parts = WHITESPACE.matcher(compact).replaceAll("").split("\\.", -1);
        if (parts.length == 5) {
            throw new JwtRejected(ENCRYPTED, "this is an encrypted JWT (JWE); Credo verifies signed JWTs (JWS) only");
        }
        if (parts.length != 3) {
            throw new JwtRejected(
                    MALFORMED, "a compact JWS has three parts separated by dots (header.payload.signature)");
        }
        var header = header(new Base64URL(parts[0]));
        JsonObject claims;
        var payload = decode(parts[1], "payload");
        // The payload is a credential like any other: bounded before it is parsed (ADR 21).
        DocumentLimits.check(payload, "The JWT payload");
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            claims = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new JwtRejected(MALFORMED, "the JWT payload is not a JSON object");
        }
        decode(parts[2], "signature");
        return new VcJwt(header, parts[0] + "." + parts[1], new Base64URL(parts[2]), claims);
    }

    private static Header header(Base64URL encoded) throws JwtRejected {
        var text = decode(encoded.toString(), "header");
        // nimbus bounds a header it parses from text; parsed here first, it gets the same bound.
        if (text.length() > Header.MAX_HEADER_STRING_LENGTH) {
            throw new JwtRejected(
                    MALFORMED, "the JWT header is longer than " + Header.MAX_HEADER_STRING_LENGTH + " characters");
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new JwtRejected(MALFORMED, "the JWT header is not a JSON object");
        }
        if (json.get("jwk") instanceof Map<?, ?> jwk && (jwk.containsKey("d") || jwk.containsKey("k"))) {
            throw new JwtRejected(
                    PRIVATE_KEY,
                    "the jwk in the JWT header holds a private or secret key: a token names only its public key"
                            + " (and this key is now exposed)");
        }
        try {
            var header = Header.parse(json, encoded);
            if (header instanceof JWEHeader) {
                throw new JwtRejected(
                        ENCRYPTED, "this is an encrypted JWT (JWE); Credo verifies signed JWTs (JWS) only");
            }
            return header;
        } catch (ParseException e) {
            throw new JwtRejected(MALFORMED, "the JWT header cannot be read: " + e.getMessage());
        }
    }

    private static String decode(String part, String name) throws JwtRejected {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new JwtRejected(MALFORMED, "the JWT " + name + " is not base64url");
        }
    }

    /** The header's {@code alg}, as written. */
    public String algorithm() {
        return header.getAlgorithm().getName();
    }

    /** The header's {@code kid}, if any. */
    public @Nullable String keyId() {
        return header instanceof JWSHeader jws ? jws.getKeyID() : null;
    }

    /**
     * The public key in the header's {@code jwk}, if any.
     *
     * @throws JwtRejected if it is a key Credo does not check
     */
    public @Nullable JwsKey headerKey() throws JwtRejected {
        return header instanceof JWSHeader jws && jws.getJWK() != null ? JwsKey.of(jws.getJWK()) : null;
    }

    /** The payload: the JWT claims, which are the credential itself or hold it in {@code vc}. */
    public JsonObject claims() {
        return claims;
    }

    /**
     * Refuses a header that no key can make trustworthy: no signature, a shared secret, an algorithm Credo does not
     * check, or a critical parameter it does not understand.
     */
    public void checkHeader() throws JwtRejected {
        Algorithm alg = header.getAlgorithm();
        if (Algorithm.NONE.equals(alg) || !(header instanceof JWSHeader jws)) {
            throw new JwtRejected(
                    UNSIGNED, "alg none: the token is not signed, so anyone could have written it; Credo refuses it");
        }
        if (JWSAlgorithm.Family.HMAC_SHA.contains(jws.getAlgorithm())) {
            throw new JwtRejected(
                    SYMMETRIC,
                    "alg " + alg + " is an HMAC: it proves only that someone holding a shared secret wrote the token,"
                            + " not that the issuer did; Credo refuses HMAC (HS256, HS384, HS512)");
        }
        if (!ALGORITHMS.contains(jws.getAlgorithm())) {
            throw new JwtRejected(
                    UNSUPPORTED_ALGORITHM,
                    "alg " + alg + " is not one Credo checks (EdDSA, ES256, ES384, ES512, RS256, RS384, RS512,"
                            + " PS256, PS384, PS512)");
        }
        var critical = jws.getCriticalParams();
        if (critical != null && !critical.isEmpty()) {
            throw new JwtRejected(
                    CRITICAL_HEADER,
                    "the header marks " + String.join(", ", critical)
                            + " as critical (crit), which Credo does not understand; a verifier must then refuse"
                            + " the token");
        }
    }

    /**
     * Whether this token's signature was made with a key.
     *
     * @throws JwtRejected if the header is refused ({@link #checkHeader()}) or its algorithm does not fit the key
     */
    public boolean signedBy(JwsKey key) throws JwtRejected {
        checkHeader();
        return key.verifies((JWSHeader) header, signingInput.getBytes(StandardCharsets.US_ASCII), signature);
    }
}
