package org.credo.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Base58Btc;
import org.credo.credentials.signing.Ed25519KeyPair;

/**
 * VC-JWTs for tests, signed with nimbus (EC and RSA through the JDK; Ed25519 through Credo's BouncyCastle key pair,
 * since nimbus would need Google Tink for it), and tokens no honest issuer makes.
 */
public final class JwtFixtures {

    private JwtFixtures() {}

    /** A key that signs test tokens: the DID it is known by, the kid naming it, its public JWK and its signer. */
    public record TestKey(String did, String kid, JWK publicJwk, JWSAlgorithm alg, JWSSigner signer) {

        /** The same key, named by another DID and kid (a did:web of this server, say). */
        public TestKey named(String otherDid, String otherKid) {
            return new TestKey(otherDid, otherKid, publicJwk, alg, signer);
        }

        /** The header a token of this key carries: its alg and kid. */
        public JWSHeader.Builder header() {
            return new JWSHeader.Builder(alg).keyID(kid);
        }
    }

    /** A new Ed25519 key named by its did:key. */
    public static TestKey ed25519() {
        return ed25519(Ed25519KeyPair.generate());
    }

    /** An Ed25519 key pair named by its did:key. */
    public static TestKey ed25519(Ed25519KeyPair pair) {
        var jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(pair.publicKey())).build();
        return new TestKey(
                pair.didKey().did(),
                pair.didKey().verificationMethodId(),
                jwk,
                JWSAlgorithm.EdDSA,
                new Ed25519JwsSigner(pair));
    }

    /** A new P-256 key named by its did:key ({@code zDn...}), signing ES256. */
    public static TestKey p256() {
        try {
            var key = new ECKeyGenerator(Curve.P_256).generate();
            var x = key.getX().decode();
            var y = key.getY().decode();
            var bytes = new byte[2 + 33];
            bytes[0] = (byte) 0x80; // multicodec p256-pub (0x1200) as a varint
            bytes[1] = 0x24;
            bytes[2] = (byte) ((y[y.length - 1] & 1) == 0 ? 0x02 : 0x03); // compressed point
            System.arraycopy(x, 0, bytes, 3, 32);
            var multibase = "z" + Base58Btc.encode(bytes);
            return new TestKey(
                    "did:key:" + multibase,
                    "did:key:" + multibase + "#" + multibase,
                    key.toPublicJWK(),
                    JWSAlgorithm.ES256,
                    new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new RSA 2048-bit key named by its did:jwk, signing RS256. */
    public static TestKey rsa() {
        try {
            var key = new RSAKeyGenerator(2048).generate();
            var did = "did:jwk:" + Base64URL.encode(key.toPublicJWK().toJSONString());
            return new TestKey(did, did + "#0", key.toPublicJWK(), JWSAlgorithm.RS256, new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of a payload, signed by a key with its usual header. */
    public static String sign(TestKey key, JsonObject payload) {
        return sign(key.header().build(), payload, key.signer());
    }

    /** A token of a payload with any header, signed by any signer. */
    public static String sign(JWSHeader header, JsonObject payload, JWSSigner signer) {
        try {
            var jws = new JWSObject(header, new Payload(payload.toString()));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token put together from a header and a payload as written, and a signature as given. */
    public static String compact(String headerJson, JsonObject payload, byte[] signature) {
        return Base64URL.encode(headerJson) + "." + Base64URL.encode(payload.toString()) + "."
                + Base64URL.encode(signature);
    }

    /** The token with another payload and the original signature, as a forger would leave it. */
    public static String withPayload(String token, JsonObject payload) {
        var parts = token.split("\\.");
        return parts[0] + "." + Base64URL.encode(payload.toString()) + "." + parts[2];
    }

    /** The payload of a token. */
    public static JsonObject payload(String token) {
        var json = new Base64URL(token.split("\\.")[1]).decodeToString();
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** An Open Badges 3.0 credential without a proof, conformant to the OB schema, issued by a DID. */
    public static JsonObject openBadge(String issuerDid) {
        var text = """
                {
                  "@context": [
                    "https://www.w3.org/ns/credentials/v2",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
                  ],
                  "id": "urn:uuid:%s",
                  "type": ["VerifiableCredential", "OpenBadgeCredential"],
                  "name": "Certificate in Data Analysis",
                  "issuer": {
                    "id": "%s",
                    "type": ["Profile"],
                    "name": "Example State University"
                  },
                  "validFrom": "2026-01-01T00:00:00Z",
                  "credentialSubject": {
                    "id": "did:example:learner-42",
                    "type": ["AchievementSubject"],
                    "achievement": {
                      "id": "https://university.example/achievements/data-analysis",
                      "type": ["Achievement"],
                      "name": "Certificate in Data Analysis",
                      "description": "Awarded for completing three courses in statistics and data analysis.",
                      "criteria": {"narrative": "Pass STAT 101, STAT 210 and DATA 300."}
                    }
                  }
                }
                """.formatted(UUID.randomUUID(), issuerDid);
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** A credential Credo issued, without its Data Integrity proof. */
    public static JsonObject unsigned(IssuedCredential credential) {
        var document =
                Json.createReader(new StringReader(credential.document())).readObject();
        return Json.createObjectBuilder(document).remove("proof").build();
    }

    /** The key that signed a credential Credo just issued, named by the verification method its proof names. */
    public static TestKey issuerKey(IssuedCredential credential, Issuers issuers) {
        var document =
                Json.createReader(new StringReader(credential.document())).readObject();
        var proof = document.get("proof") instanceof JsonArray proofs
                ? proofs.getJsonObject(0)
                : document.getJsonObject("proof");
        var method = proof.getString("verificationMethod");
        return ed25519(issuers.issuer(credential.organizationId()).key())
                .named(method.substring(0, method.indexOf('#')), method);
    }

    /** A credential Credo just issued, signed again as a VC-JWT with its issuer's key. */
    public static String vcJwt(IssuedCredential credential, Issuers issuers) {
        return sign(issuerKey(credential, issuers), unsigned(credential));
    }

    /** Signs JWS EdDSA with a Credo key pair (BouncyCastle). */
    private record Ed25519JwsSigner(Ed25519KeyPair pair) implements JWSSigner {

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            return Base64URL.encode(pair.sign(signingInput));
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }

    /** Bytes of text, for hand-made signatures. */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
