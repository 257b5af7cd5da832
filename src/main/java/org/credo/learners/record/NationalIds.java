package org.credo.learners.record;

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
 * Seals national identifiers at rest with AES-256-GCM under a key derived from the configured key-encryption secret.
 * Nothing in Credo opens them again yet: the masked form is all that is shown.
 */
@Component
class NationalIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    NationalIds(EncryptionKey encryptionKey) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("credo national-id encryption v1\0".getBytes(StandardCharsets.UTF_8));
            key = new SecretKeySpec(digest.digest(encryptionKey.secret().getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identifier sealed, bound to the learner it belongs to. */
    String seal(String value, String learnerId) {
        try {
            var nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(learnerId.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            var out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a national identifier", e);
        }
    }

    /** The last four digits or letters, the only part ever shown. */
    static String lastFour(String value) {
        var plain = value.replaceAll("[^A-Za-z0-9]", "");
        return plain.length() <= 4 ? plain : plain.substring(plain.length() - 4);
    }
}
