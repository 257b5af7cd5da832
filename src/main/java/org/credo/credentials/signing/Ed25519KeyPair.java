package org.credo.credentials.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 key pair: the 32-byte public key and the 32-byte secret seed. Signs with BouncyCastle.
 *
 * <p>{@link #toString()} never shows the secret key.
 */
public final class Ed25519KeyPair {

    private static final SecureRandom RANDOM = new SecureRandom();
    // Decoding a public key is a square root on the curve; issuers are few, so decode each once.
    private static final Map<String, Ed25519PublicKeyParameters> VERIFYING_KEYS = new ConcurrentHashMap<>();

    private final byte[] publicKey;
    private final byte[] secretKey;
    // Kept so that BouncyCastle derives the public point once, not on every signature.
    private final Ed25519PrivateKeyParameters signingKey;
    private final DidKey didKey;

    private Ed25519KeyPair(byte[] secretKey) {
        if (secretKey.length != Multikey.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 secret key has 32 bytes, not " + secretKey.length);
        }
        this.secretKey = secretKey.clone();
        this.signingKey = new Ed25519PrivateKeyParameters(this.secretKey, 0);
        this.publicKey = signingKey.generatePublicKey().getEncoded();
        this.didKey = DidKey.of(publicKey);
    }

    /** A new random key pair. */
    public static Ed25519KeyPair generate() {
        return fromSecretKey(new Ed25519PrivateKeyParameters(RANDOM).getEncoded());
    }

    /** The key pair of a 32-byte secret seed. */
    public static Ed25519KeyPair fromSecretKey(byte[] secretKey) {
        return new Ed25519KeyPair(secretKey);
    }

    /** The key pair of a Multikey secret key ({@code z3u2...}). */
    public static Ed25519KeyPair fromSecretKeyMultibase(String secretKeyMultibase) {
        return fromSecretKey(Multikey.decodeSecretKey(secretKeyMultibase));
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The raw 32-byte secret seed; handle with care. */
    public byte[] secretKey() {
        return secretKey.clone();
    }

    /** The public key as Multikey ({@code z6Mk...}). */
    public String publicKeyMultibase() {
        return didKey.publicKeyMultibase();
    }

    /** The secret key as Multikey ({@code z3u2...}); handle with care. */
    public String secretKeyMultibase() {
        return Multikey.encodeSecretKey(secretKey);
    }

    /** The did:key of the public key. */
    public DidKey didKey() {
        return didKey;
    }

    /** The deterministic Ed25519 signature (64 bytes) of a message. */
    public byte[] sign(byte[] message) {
        var signer = new Ed25519Signer();
        signer.init(true, signingKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Whether a signature over a message was made with the secret key of a public key. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Multikey.KEY_LENGTH || signature.length != 64) {
            return false;
        }
        Ed25519PublicKeyParameters key;
        try {
            key = VERIFYING_KEYS.computeIfAbsent(
                    HexFormat.of().formatHex(publicKey), hex -> new Ed25519PublicKeyParameters(publicKey, 0));
        } catch (IllegalArgumentException e) {
            return false; // not a point on the curve
        }
        if (VERIFYING_KEYS.size() > 4096) {
            VERIFYING_KEYS.clear();
        }
        var verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519KeyPair that && Arrays.equals(secretKey, that.secretKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[" + publicKeyMultibase() + "]";
    }
}
