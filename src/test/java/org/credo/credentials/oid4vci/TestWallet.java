package org.credo.credentials.oid4vci;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.credo.credentials.signing.Base58Btc;
import org.credo.credentials.signing.Ed25519KeyPair;

/**
 * A wallet's holder key in a test, and the key proof JWTs it makes: Ed25519 (BouncyCastle through Credo's key pair,
 * since nimbus needs Google Tink for Ed25519) or P-256 (generated and signed by nimbus), named by did:key or sent as
 * a JWK.
 */
final class TestWallet {

    enum Kind {
        ED25519_DID_KEY,
        ED25519_JWK,
        P256_DID_KEY,
        P256_JWK
    }

    final Kind kind;
    private final Ed25519KeyPair ed25519;
    private final ECKey p256;

    TestWallet(Kind kind) {
        this.kind = kind;
        this.ed25519 = Ed25519KeyPair.generate();
        try {
            this.p256 = new ECKeyGenerator(Curve.P_256).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean ed() {
        return kind == Kind.ED25519_DID_KEY || kind == Kind.ED25519_JWK;
    }

    boolean usesJwk() {
        return kind == Kind.ED25519_JWK || kind == Kind.P256_JWK;
    }

    /** The DID Credo should put in credentialSubject.id. */
    String did() {
        if (!usesJwk()) {
            return didKey();
        }
        var json = ed()
                ? "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64URL.encode(ed25519.publicKey()) + "\"}"
                : "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + p256.getX() + "\",\"y\":\"" + p256.getY() + "\"}";
        return "did:jwk:" + Base64URL.encode(json.getBytes(StandardCharsets.UTF_8));
    }

    String didKey() {
        if (ed()) {
            return ed25519.didKey().did();
        }
        var x = p256.getX().decode();
        var y = p256.getY().decode();
        var bytes = new byte[35];
        bytes[0] = (byte) 0x80;
        bytes[1] = 0x24;
        bytes[2] = (byte) ((y[y.length - 1] & 1) == 0 ? 0x02 : 0x03);
        System.arraycopy(x, 0, bytes, 3, 32);
        return "did:key:z" + Base58Btc.encode(bytes);
    }

    /** The header a well-behaved wallet sends. */
    JWSHeader.Builder header() {
        var header = new JWSHeader.Builder(ed() ? JWSAlgorithm.EdDSA : JWSAlgorithm.ES256)
                .type(new JOSEObjectType("openid4vci-proof+jwt"));
        if (usesJwk()) {
            header.jwk(
                    ed()
                            ? new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(ed25519.publicKey())).build()
                            : p256.toPublicJWK());
        } else {
            var did = didKey();
            header.keyID(did + "#" + did.substring("did:key:".length()));
        }
        return header;
    }

    /** The claims a well-behaved wallet sends. */
    static JWTClaimsSet.Builder claims(String audience, String nonce) {
        return new JWTClaimsSet.Builder()
                .audience(audience)
                .issueTime(Date.from(Instant.now()))
                .claim("nonce", nonce);
    }

    String proof(String audience, String nonce) {
        return proof(audience, nonce, h -> {}, c -> {});
    }

    String proof(
            String audience, String nonce, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
        var h = header();
        header.accept(h);
        var c = claims(audience, nonce);
        claims.accept(c);
        return sign(h.build(), c.build(), this);
    }

    /** A proof whose header names this wallet's key but that another wallet signed. */
    String proofSignedBy(TestWallet other, String audience, String nonce) {
        return sign(header().build(), claims(audience, nonce).build(), other);
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, TestWallet signer) {
        var input =
                header.toBase64URL() + "." + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Base64URL signature = signer.ed()
                    ? Base64URL.encode(signer.ed25519.sign(input.getBytes(StandardCharsets.US_ASCII)))
                    : new ECDSASigner(signer.p256)
                            .sign(
                                    new JWSHeader.Builder(JWSAlgorithm.ES256).build(),
                                    input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + signature;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
