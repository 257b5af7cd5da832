package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.credo.credentials.JwtFixtures;
import org.credo.credentials.JwtFixtures.TestKey;
import org.credo.credentials.signing.JwtRejected.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading VC-JWTs and checking their signatures, with tokens signed by nimbus and by Credo's Ed25519 keys. */
class VcJwtTest {

    private static final TestKey ED25519 = JwtFixtures.ed25519();
    private static final TestKey P256 = JwtFixtures.p256();
    private static final TestKey RSA = JwtFixtures.rsa();

    private static String token(TestKey key) {
        return JwtFixtures.sign(key, JwtFixtures.openBadge(key.did()));
    }

    private static JwsKey keyOf(TestKey key) throws JwtRejected {
        return JwsKey.ofDid(key.kid()).orElseThrow();
    }

    @Test
    void tokensSignedWithEd25519P256AndRsaKeysNamedByTheirDidsVerify() throws Exception {
        for (var key : new TestKey[] {ED25519, P256, RSA}) {
            var jwt = VcJwt.parse(token(key));

            assertThat(jwt.signedBy(keyOf(key))).as("%s", key.alg()).isTrue();
            assertThat(jwt.algorithm()).isEqualTo(key.alg().getName());
            assertThat(jwt.keyId()).isEqualTo(key.kid());
            assertThat(jwt.claims().getJsonObject("issuer").getString("id")).isEqualTo(key.did());
        }
        assertThat(keyOf(ED25519).description()).isEqualTo("Ed25519");
        assertThat(keyOf(P256).description()).isEqualTo("EC P-256");
        assertThat(keyOf(RSA).description()).isEqualTo("RSA 2048-bit");
    }

    @Test
    void didKeysAndDidJwksGiveTheKeyTheyName() throws Exception {
        assertThat(keyOf(ED25519).sameKeyAs(JwsKey.of(ED25519.publicJwk()))).isTrue();
        assertThat(keyOf(P256).sameKeyAs(JwsKey.of(P256.publicJwk()))).isTrue();
        assertThat(keyOf(RSA).sameKeyAs(JwsKey.of(RSA.publicJwk()))).isTrue();
        assertThat(keyOf(P256).sameKeyAs(keyOf(ED25519))).isFalse();
        assertThat(JwsKey.ofDid("did:web:university.example#key-1")).isEmpty();
        assertThatThrownBy(() -> JwsKey.ofDid(ED25519.did() + "#z6MkOther"))
                .isInstanceOf(JwtRejected.class)
                .hasMessageContaining("must repeat its key");
        assertThatThrownBy(() -> JwsKey.ofDid(RSA.did() + "#1"))
                .isInstanceOf(JwtRejected.class)
                .hasMessageContaining("#0");
    }

    @Test
    void aChangedPayloadDoesNotVerify() throws Exception {
        var forged = JwtFixtures.withPayload(token(ED25519), JwtFixtures.openBadge(ED25519.did()));

        assertThat(VcJwt.parse(forged).signedBy(keyOf(ED25519))).isFalse();
    }

    @Test
    void anotherKeysSignatureDoesNotVerify() throws Exception {
        var other = JwtFixtures.p256();

        assertThat(VcJwt.parse(token(other)).signedBy(keyOf(P256))).isFalse();
    }

    @Test
    void algNoneIsRefusedAsUnsigned() throws Exception {
        var unsigned = JwtFixtures.compact("{\"alg\":\"none\"}", JwtFixtures.openBadge(ED25519.did()), new byte[0]);
        var jwt = VcJwt.parse(unsigned);

        assertThat(jwt.algorithm()).isEqualTo("none");
        assertThatThrownBy(jwt::checkHeader)
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSIGNED))
                .hasMessageContaining("alg none");
        assertThatThrownBy(() -> jwt.signedBy(keyOf(ED25519))).isInstanceOf(JwtRejected.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void hmacIsRefusedEvenWithTheIssuersPublicKeyAsTheSecret(String alg) throws Exception {
        // The classic confusion: the public key, known to all, used as an HMAC secret.
        var x = ((OctetKeyPair) ED25519.publicJwk()).getX().decode();
        var secret = new byte[64];
        System.arraycopy(x, 0, secret, 0, 32);
        System.arraycopy(x, 0, secret, 32, 32);
        var header = new JWSHeader.Builder(JWSAlgorithm.parse(alg))
                .keyID(ED25519.kid())
                .build();
        var token = JwtFixtures.sign(header, JwtFixtures.openBadge(ED25519.did()), new MACSigner(secret));

        assertThatThrownBy(() -> VcJwt.parse(token).signedBy(keyOf(ED25519)))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.SYMMETRIC))
                .hasMessageContaining("HMAC");
    }

    @Test
    void aCriticalHeaderParameterIsRefused() throws Exception {
        var header = ED25519.header()
                .criticalParams(Set.of("urn:example:policy"))
                .customParam("urn:example:policy", "strict")
                .build();
        var token = JwtFixtures.sign(header, JwtFixtures.openBadge(ED25519.did()), ED25519.signer());

        assertThatThrownBy(() -> VcJwt.parse(token).signedBy(keyOf(ED25519)))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.CRITICAL_HEADER))
                .hasMessageContaining("urn:example:policy")
                .hasMessageContaining("crit");
    }

    @Test
    void anAlgorithmThatDoesNotFitTheKeyIsRefused() throws Exception {
        var es256 = JwtFixtures.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256).build(), JwtFixtures.openBadge(ED25519.did()), P256.signer());
        var es384 = JwtFixtures.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES384).build(),
                JwtFixtures.openBadge(P256.did()),
                new ECDSASigner(new ECKeyGenerator(Curve.P_384).generate()));
        var eddsa = token(ED25519);
        var rs256 = token(RSA);

        assertMismatch(es256, keyOf(ED25519), "alg ES256 needs an EC P-256 key, but the key is Ed25519");
        assertMismatch(es384, keyOf(P256), "alg ES384 needs an EC P-384 key, but the key is EC P-256");
        assertMismatch(eddsa, keyOf(P256), "alg EdDSA needs an Ed25519 key, but the key is EC P-256");
        assertMismatch(rs256, keyOf(ED25519), "alg RS256 needs an RSA key");
    }

    private static void assertMismatch(String token, JwsKey key, String message) {
        assertThatThrownBy(() -> VcJwt.parse(token).signedBy(key))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALGORITHM_KEY_MISMATCH))
                .hasMessageContaining(message);
    }

    @Test
    void anAlgorithmCredoDoesNotCheckIsRefused() throws Exception {
        var token = JwtFixtures.compact(
                "{\"alg\":\"ES256K\",\"kid\":\"" + P256.kid() + "\"}", JwtFixtures.openBadge(P256.did()), new byte[64]);

        assertThatThrownBy(() -> VcJwt.parse(token).checkHeader())
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM))
                .hasMessageContaining("ES256K");
    }

    @Test
    void aPrivateKeyInTheHeaderIsRefused() throws Exception {
        var secret = new ECKeyGenerator(Curve.P_256).generate();
        var header = "{\"alg\":\"ES256\",\"jwk\":" + secret.toJSONString() + "}";
        var token = JwtFixtures.compact(header, JwtFixtures.openBadge(P256.did()), new byte[64]);
        var symmetric = new OctetSequenceKeyGenerator(256).generate();
        var withSecret = JwtFixtures.compact(
                "{\"alg\":\"HS256\",\"jwk\":" + symmetric.toJSONString() + "}",
                JwtFixtures.openBadge(P256.did()),
                new byte[32]);

        for (var t : new String[] {token, withSecret}) {
            assertThatThrownBy(() -> VcJwt.parse(t))
                    .isInstanceOfSatisfying(
                            JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRIVATE_KEY))
                    .hasMessageContaining("private or secret key");
        }
    }

    @Test
    void anRsaKeyUnder2048BitsIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        var pair = generator.generateKeyPair();
        var weak = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build();
        var token = JwtFixtures.sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(weak).build(),
                JwtFixtures.openBadge(RSA.did()),
                new RSASSASigner((RSAPrivateKey) pair.getPrivate(), true));

        assertThatThrownBy(() -> VcJwt.parse(token).headerKey())
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_KEY))
                .hasMessageContaining("1024 bits");
    }

    @Test
    void anEncryptedOrBrokenTokenIsNotReadAsASignedOne() {
        assertThatThrownBy(() -> VcJwt.parse("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkExMjhHQ00ifQ.a.b.c.d"))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED));
        assertThatThrownBy(() -> VcJwt.parse("eyJhbGciOiJFUzI1NiJ9.e30"))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("three parts");
        assertThatThrownBy(() -> VcJwt.parse("eyJhbGciOiJFUzI1NiJ9.WzFd.c2ln"))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("payload is not a JSON object");
    }

    @Test
    void tokensAreToldApartFromJsonAndOtherText() {
        var token = token(ED25519);
        var wrapped = token.substring(0, 40) + "\n  " + token.substring(40, 90) + "\r\n" + token.substring(90);

        assertThat(VcJwt.looksLikeOne(token)).isTrue();
        assertThat(VcJwt.looksLikeOne(" " + wrapped + "\n")).isTrue();
        assertThat(VcJwt.looksLikeOne("{\"@context\": []}")).isFalse();
        assertThat(VcJwt.looksLikeOne("eyJ but not a token")).isFalse();
        assertThat(VcJwt.looksLikeOne("")).isFalse();
    }
}
