package org.credo.credentials.issuer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.credo.platform.config.EncryptionKey;
import org.springframework.stereotype.Component;

/**
 * Encrypts issuer secret keys at rest with AES-256-GCM under a key derived from the configured
 * key-encryption secret. The output names its scheme ({@code v1:}) so that the scheme can change.
 */
@Component
class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;

    SecretBox(EncryptionKey encryptionKey) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("credo issuer-key encryption v1\0".getBytes(StandardCharsets.UTF_8));
            key = new SecretKeySpec(digest.digest(encryptionKey.secret().getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String seal(byte[] secret, String context) {
        try {
            var nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(secret);
            var out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an issuer key", e);
        }
    }

    byte[] open(String sealed, String context) {
        if (!sealed.startsWith("v1:")) {
            throw new IllegalStateException("unknown key encryption scheme");
        }
        try {
            var bytes = Base64.getDecoder().decode(sealed.substring(3));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot decrypt an issuer key: CREDO_ENCRYPTION_KEY differs from the one it was encrypted with", e);
        }
    }
}
