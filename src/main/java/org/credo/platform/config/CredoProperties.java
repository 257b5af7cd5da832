package org.credo.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Credo's own settings, under {@code credo.*}; every one can be set by an environment variable. */
@ConfigurationProperties("credo")
public record CredoProperties(Mode mode, String baseUrl, String encryptionKey, Security security, Api api, Mail mail) {

    /** Demo mode seeds demo data and accepts laptop defaults; production mode refuses them. */
    public enum Mode {
        DEMO,
        PRODUCTION
    }

    /** Sign-in and token rules. */
    public record Security(
            int maxFailedSignIns,
            Duration lockout,
            Duration invitationValidity,
            Duration passwordResetValidity,
            Duration apiTokenMaxValidity) {}

    /** REST API limits. */
    public record Api(DataSize maxBodySize) {}

    /** Outgoing mail. */
    public record Mail(String from, Transport transport) {}

    /** How mail leaves Credo. */
    public enum Transport {
        SMTP,
        MAILBOX
    }

    public boolean demo() {
        return mode == Mode.DEMO;
    }

    /** An absolute URL on this server, for links in emails. */
    public String link(String path) {
        var base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
