package org.credo.credentials.oid4vci;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.util.BigIntegers;
import org.credo.credentials.signing.Base58Btc;

/**
 * The wallet's public key and the DID the delivered credential names as its subject: a {@code did:key} (Ed25519 or
 * P-256) resolved locally, without any network, or a JWK sent in the proof, named as {@code did:jwk}.
 */
final class HolderKeys {

    private static final String DID_KEY = "did:key:";
    private static final byte[] ED25519 = {(byte) 0xed, 0x01};
    private static final byte[] P256 = {(byte) 0x80, 0x24};

    private HolderKeys() {}

    /** A resolved holder key. */
    record HolderKey(String did, JWK jwk) {}

    /**
     * The key of a did:key verification method ({@code did:key:z...#z...}) or DID.
     *
     * @throws IllegalArgumentException if it is not an Ed25519 or P-256 did:key
     */
    static HolderKey fromDidKey(String kid) {
        if (!kid.startsWith(DID_KEY)) {
            throw new IllegalArgumentException("kid " + kid + " is not a did:key; send a did:key or a jwk header");
        }
        var rest = kid.substring(DID_KEY.length());
        int hash = rest.indexOf('#');
        var identifier = hash < 0 ? rest : rest.substring(0, hash);
        if (hash >= 0 && !rest.substring(hash + 1).equals(identifier)) {
            throw new IllegalArgumentException("the fragment of a did:key verification method must repeat its key");
        }
        if (!identifier.startsWith("z") || identifier.length() > 200) {
            throw new IllegalArgumentException("a did:key is base58btc multibase (starts with z)");
        }
        var bytes = Base58Btc.decode(identifier.substring(1));
        if (bytes.length == 34 && bytes[0] == ED25519[0] && bytes[1] == ED25519[1]) {
            var x = Arrays.copyOfRange(bytes, 2, 34);
            return new HolderKey(
                    DID_KEY + identifier, new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build());
        }
        if (bytes.length == 35 && bytes[0] == P256[0] && bytes[1] == P256[1]) {
            var params = NISTNamedCurves.getByName("P-256");
            var point = params.getCurve()
                    .decodePoint(Arrays.copyOfRange(bytes, 2, 35))
                    .normalize();
            var x = BigIntegers.asUnsignedByteArray(32, point.getAffineXCoord().toBigInteger());
            var y = BigIntegers.asUnsignedByteArray(32, point.getAffineYCoord().toBigInteger());
            return new HolderKey(
                    DID_KEY + identifier,
                    new ECKey.Builder(Curve.P_256, Base64URL.encode(x), Base64URL.encode(y)).build());
        }
        throw new IllegalArgumentException("only Ed25519 (z6Mk...) and P-256 (zDn...) did:key are supported");
    }

    /**
     * A public JWK from a proof header, with its did:jwk.
     *
     * @throws IllegalArgumentException if it holds a private key, or is not an Ed25519 or P-256 key
     */
    static HolderKey fromJwk(JWK jwk) {
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException("the jwk header holds a private key; send only the public key");
        }
        String json;
        if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            json = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + okp.getX() + "\"}";
        } else if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            json = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + ec.getX() + "\",\"y\":\"" + ec.getY() + "\"}";
        } else {
            throw new IllegalArgumentException("only Ed25519 (OKP) and P-256 (EC) keys are supported");
        }
        // The members of the key only, in lexicographic order (as for a JWK thumbprint): one key, one did:jwk.
        return new HolderKey("did:jwk:" + Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)), jwk.toPublicJWK());
    }
}
