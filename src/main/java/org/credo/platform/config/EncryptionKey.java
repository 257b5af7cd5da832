package org.credo.platform.config;

import org.springframework.stereotype.Component;

/** The key-encryption secret from configuration; the demo key is used only in demo mode. */
@Component
public class EncryptionKey {

    private final String secret;

    EncryptionKey(CredoProperties properties) {
        var configured = properties.encryptionKey();
        this.secret = (configured == null || configured.isBlank()) && properties.demo()
                ? ProductionReadiness.DEMO_ENCRYPTION_KEY
                : configured;
    }

    /** The configured secret; never logged. */
    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "EncryptionKey[redacted]";
    }
}
