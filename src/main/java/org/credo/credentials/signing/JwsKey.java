package org.credo.credentials.signing;

import static org.credo.credentials.signing.JwtRejected.Reason.ALGORITHM_KEY_MISMATCH;
import static org.credo.credentials.signing.JwtRejected.Reason.MALFORMED;
import static org.credo.credentials.signing.JwtRejected.Reason.PRIVATE_KEY;
import static org.credo.credentials.signing.JwtRejected.Reason.UNSUPPORTED_ALGORITHM;
import static org.credo.credentials.signing.JwtRejected.Reason.UNSUPPORTED_KEY;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.util.BigIntegers;

/**
 * A public key that checks JWS signatures: Ed25519, EC P-256, P-384 or P-521, or RSA of at least 2048 bits. It comes
 * from a JWK, from the DID of a key ({@code did:key}, {@code did:jwk}), or from the raw Ed25519 key of a verification
 * method.
 */
public final class JwsKey {

    static final int MIN_RSA_BITS = 2048;
    private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
    private static final byte[] P256_PUB = {(byte) 0x80, 0x24};
    private static final Map<JWSAlgorithm, Curve> EC_CURVES = Map.of(
            JWSAlgorithm.ES256, Curve.P_256,
            JWSAlgorithm.ES384, Curve.P_384,
            JWSAlgorithm.ES512, Curve.P_521);

    private final JWK jwk;

    private JwsKey(JWK jwk) {
        this.jwk = jwk;
    }

    /**
     * The key of a public JWK.
     *
     * @throws JwtRejected if the JWK holds a private key, or a key Credo does not check
     */
    public static JwsKey of(JWK jwk) throws JwtRejected {
        if (jwk.isPrivate()) {
            throw new JwtRejected(
                    PRIVATE_KEY,
                    "the jwk holds a private key: a token names only its public key (this one is exposed)");
        }
        if (jwk instanceof OctetKeyPair okp
                && Curve.Ed25519.equals(okp.getCurve())
                && okp.getX().decode().length == Multikey.KEY_LENGTH) {
            return new JwsKey(jwk);
        }
        if (jwk instanceof ECKey ec && EC_CURVES.containsValue(ec.getCurve())) {
            return new JwsKey(jwk);
        }
        if (jwk instanceof RSAKey) {
            if (jwk.size() < MIN_RSA_BITS) {
                throw new JwtRejected(
                        UNSUPPORTED_KEY,
                        "an RSA key of " + jwk.size() + " bits is too weak to trust; RSA keys need at least "
                                + MIN_RSA_BITS + " bits");
            }
            return new JwsKey(jwk);
        }
        throw new JwtRejected(
                UNSUPPORTED_KEY,
                "the key is " + nameOf(jwk) + "; Credo checks Ed25519, EC P-256, P-384, P-521 and RSA keys");
    }

    /** The key of a raw 32-byte Ed25519 public key. */
    public static JwsKey ed25519(byte[] publicKey) {
        return new JwsKey(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey)).build());
    }

    /**
     * The key a DID carries in itself: a {@code did:key} (Ed25519 or P-256) or a {@code did:jwk}, with or without
     * its fragment. Empty for any other DID method, whose keys live elsewhere.
     *
     * @throws JwtRejected if it is a did:key or did:jwk that does not hold a key Credo checks
     */
    public static Optional<JwsKey> ofDid(String didUrl) throws JwtRejected {
        int hash = didUrl.indexOf('#');
        var did = hash < 0 ? didUrl : didUrl.substring(0, hash);
        var fragment = hash < 0 ? null : didUrl.substring(hash + 1);
        if (did.startsWith("did:key:")) {
            var multibase = did.substring("did:key:".length());
            if (fragment != null && !fragment.equals(multibase)) {
                throw new JwtRejected(MALFORMED, "the fragment of a did:key must repeat its key: " + didUrl);
            }
            return Optional.of(ofMultikey(multibase));
        }
        if (did.startsWith("did:jwk:")) {
            if (fragment != null && !fragment.equals("0")) {
                throw new JwtRejected(MALFORMED, "the one key of a did:jwk is #0, not #" + fragment);
            }
            try {
                var json = new Base64URL(did.substring("did:jwk:".length())).decodeToString();
                return Optional.of(of(JWK.parse(json)));
            } catch (ParseException | IllegalArgumentException e) {
                throw new JwtRejected(MALFORMED, "the did:jwk does not hold a JWK: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    // Multikey with the multicodec of an Ed25519 (0xed01) or a compressed P-256 (0x1200) public key.
    private static JwsKey ofMultikey(String multibase) throws JwtRejected {
        if (multibase.length() < 2 || multibase.length() > 200 || multibase.charAt(0) != 'z') {
            throw new JwtRejected(MALFORMED, "a did:key is base58btc multibase, starting with z: " + multibase);
        }
        byte[] bytes;
        try {
            bytes = Base58Btc.decode(multibase.substring(1));
        } catch (IllegalArgumentException e) {
            throw new JwtRejected(MALFORMED, "the did:key is not base58btc: " + multibase);
        }
        if (bytes.length == 2 + Multikey.KEY_LENGTH && startsWith(bytes, ED25519_PUB)) {
            return ed25519(Arrays.copyOfRange(bytes, 2, bytes.length));
        }
        if (bytes.length == 2 + 33 && startsWith(bytes, P256_PUB)) {
            try {
                var point = NISTNamedCurves.getByName("P-256")
                        .getCurve()
                        .decodePoint(Arrays.copyOfRange(bytes, 2, bytes.length))
                        .normalize();
                var x = BigIntegers.asUnsignedByteArray(
                        32, point.getAffineXCoord().toBigInteger());
                var y = BigIntegers.asUnsignedByteArray(
                        32, point.getAffineYCoord().toBigInteger());
                return new JwsKey(new ECKey.Builder(Curve.P_256, Base64URL.encode(x), Base64URL.encode(y)).build());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new JwtRejected(MALFORMED, "the did:key does not hold a point on P-256: " + multibase);
            }
        }
        throw new JwtRejected(
                UNSUPPORTED_KEY,
                "the did:key " + multibase + " is not an Ed25519 (z6Mk...) or P-256 (zDn...) key, the ones Credo"
                        + " checks");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes[0] == prefix[0] && bytes[1] == prefix[1];
    }

    /** The key in words, such as "Ed25519", "EC P-256" or "RSA 3072-bit". */
    public String description() {
        return nameOf(jwk);
    }

    /** Whether another key is the same public key, whatever else the JWKs say (kid, use, alg). */
    public boolean sameKeyAs(JwsKey other) {
        return jwk.getRequiredParams().equals(other.jwk.getRequiredParams());
    }

    /**
     * Whether a signature over a JWS signing input was made with this key.
     *
     * @throws JwtRejected if the header's algorithm is not one for this key
     */
    boolean verifies(JWSHeader header, byte[] signingInput, Base64URL signature) throws JwtRejected {
        var alg = header.getAlgorithm();
        try {
            if (JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg)) {
                if (!(jwk instanceof OctetKeyPair okp)) {
                    throw mismatch(alg, "an Ed25519 key");
                }
                // BouncyCastle, as Credo signs: nimbus would need Google Tink for Ed25519.
                return Ed25519KeyPair.verify(okp.getX().decode(), signingInput, signature.decode());
            }
            if (EC_CURVES.containsKey(alg)) {
                var curve = EC_CURVES.get(alg);
                if (!(jwk instanceof ECKey ec) || !curve.equals(ec.getCurve())) {
                    throw mismatch(alg, "an EC " + curve.getName() + " key");
                }
                return new ECDSAVerifier(ec).verify(header, signingInput, signature);
            }
            if (JWSAlgorithm.Family.RSA.contains(alg)) {
                if (!(jwk instanceof RSAKey rsa)) {
                    throw mismatch(alg, "an RSA key");
                }
                return new RSASSAVerifier(rsa).verify(header, signingInput, signature);
            }
        } catch (JOSEException e) {
            return false; // a signature that cannot even be read does not match
        }
        throw new JwtRejected(UNSUPPORTED_ALGORITHM, "Credo does not check " + alg + " signatures");
    }

    private JwtRejected mismatch(JWSAlgorithm alg, String needed) {
        return new JwtRejected(
                ALGORITHM_KEY_MISMATCH,
                "alg " + alg + " needs " + needed + ", but the key is " + description()
                        + ": the algorithm does not fit the key");
    }

    private static String nameOf(JWK jwk) {
        if (jwk instanceof OctetKeyPair okp) {
            return okp.getCurve().getName();
        }
        if (jwk instanceof ECKey ec) {
            return "EC " + ec.getCurve().getName();
        }
        if (jwk instanceof RSAKey) {
            return "RSA " + jwk.size() + "-bit";
        }
        return jwk.getKeyType().getValue();
    }

    @Override
    public String toString() {
        return "JwsKey[" + description() + "]";
    }
}
