package org.credo.credentials.signing;

import java.util.Arrays;

/** Multikey encoding of Ed25519 keys: multibase base58btc ({@code z}) over a multicodec header and the raw key. */
final class Multikey {

    private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
    private static final byte[] ED25519_PRIV = {(byte) 0x80, 0x26};
    static final int KEY_LENGTH = 32;

    private Multikey() {}

    static String encodePublicKey(byte[] publicKey) {
        return encode(ED25519_PUB, publicKey);
    }

    static String encodeSecretKey(byte[] secretKey) {
        return encode(ED25519_PRIV, secretKey);
    }

    static byte[] decodePublicKey(String multibase) {
        return decode(ED25519_PUB, multibase, "Ed25519 public key (multicodec 0xed01)");
    }

    static byte[] decodeSecretKey(String multibase) {
        return decode(ED25519_PRIV, multibase, "Ed25519 secret key (multicodec 0x8026)");
    }

    private static String encode(byte[] header, byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 key has 32 bytes, not " + key.length);
        }
        byte[] bytes = new byte[header.length + key.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(key, 0, bytes, header.length, key.length);
        return "z" + Base58Btc.encode(bytes);
    }

    private static byte[] decode(byte[] header, String multibase, String what) {
        if (multibase.isEmpty() || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("not a base58btc multibase value (must start with 'z'): " + multibase);
        }
        byte[] bytes = Base58Btc.decode(multibase.substring(1));
        if (bytes.length != header.length + KEY_LENGTH || bytes[0] != header[0] || bytes[1] != header[1]) {
            throw new IllegalArgumentException("not an " + what + ": " + multibase);
        }
        return Arrays.copyOfRange(bytes, header.length, bytes.length);
    }
}
