package org.credo.credentials.signing;

import java.util.Arrays;

/** A did:key identifier of an Ed25519 public key ({@code did:key:z6Mk...}). */
public final class DidKey {

    private static final String PREFIX = "did:key:";

    private final byte[] publicKey;
    private final String multibase;
    private final String verificationMethodId;

    private DidKey(byte[] publicKey) {
        this.multibase = Multikey.encodePublicKey(publicKey);
        this.publicKey = publicKey.clone();
        this.verificationMethodId = PREFIX + multibase + "#" + multibase;
    }

    /** The did:key of a 32-byte Ed25519 public key. */
    public static DidKey of(byte[] publicKey) {
        return new DidKey(publicKey);
    }

    /**
     * Parses a did:key, or a did:key verification method id ({@code did:key:z6Mk...#z6Mk...}).
     *
     * @throws IllegalArgumentException if it is not an Ed25519 did:key, or the fragment names another key
     */
    public static DidKey parse(String didOrVerificationMethod) {
        if (!didOrVerificationMethod.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a did:key: " + didOrVerificationMethod);
        }
        String rest = didOrVerificationMethod.substring(PREFIX.length());
        int hash = rest.indexOf('#');
        String identifier = hash < 0 ? rest : rest.substring(0, hash);
        if (hash >= 0 && !rest.substring(hash + 1).equals(identifier)) {
            throw new IllegalArgumentException(
                    "the fragment of a did:key verification method must repeat its key: " + didOrVerificationMethod);
        }
        return new DidKey(Multikey.decodePublicKey(identifier));
    }

    /** The DID, {@code did:key:z6Mk...}. */
    public String did() {
        return PREFIX + multibase;
    }

    /** The id of its one verification method, {@code did:key:z6Mk...#z6Mk...}. */
    public String verificationMethodId() {
        return verificationMethodId;
    }

    /** The public key as Multikey, {@code z6Mk...}. */
    public String publicKeyMultibase() {
        return multibase;
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DidKey that && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return did();
    }
}
