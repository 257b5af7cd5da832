package org.credo.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Credo's own settings, under {@code credo.*}; every one can be set by an environment variable. */
@ConfigurationProperties("credo")
public record CredoProperties(
        Mode mode,
        String baseUrl,
        String encryptionKey,
        Security security,
        Api api,
        Mail mail,
        @Nullable Passkeys passkeys) {

    /** Demo mode seeds demo data and accepts laptop defaults; production mode refuses them. */
    public enum Mode {
        DEMO,
        PRODUCTION
    }

    /**
     * Sign-in and token rules. Password sign-in pauses for {@code signInPause} after {@code maxFailedSignIns}
     * failures for one email, or {@code maxFailedSignInsPerSource} from one source network, within that time;
     * the wallet sends no more sign-in links to anyone for a network that asked for
     * {@code maxSignInLinksPerSource} within that time.
     */
    public record Security(
            int maxFailedSignIns,
            int maxFailedSignInsPerSource,
            int maxSignInLinksPerSource,
            Duration signInPause,
            Duration invitationValidity,
            Duration passwordResetValidity,
            Duration apiTokenMaxValidity) {}

    /** REST API limits. */
    public record Api(DataSize maxBodySize) {}

    /** Outgoing mail. */
    public record Mail(String from, Transport transport) {}

    /**
     * The WebAuthn relying party. Left empty, the id is the host of {@link #baseUrl()} and the only
     * allowed origin is the base URL's origin.
     */
    public record Passkeys(
            String rpName, @Nullable String rpId, @Nullable List<String> allowedOrigins) {}

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

    /** The relying party id for passkeys: configured, or the host of the base URL. */
    public String passkeyRpId() {
        var configured = passkeys == null ? null : passkeys.rpId();
        return configured == null || configured.isBlank() ? URI.create(baseUrl).getHost() : configured;
    }

    /** The origins that passkey ceremonies may come from: configured, or the base URL's origin. */
    public Set<String> passkeyOrigins() {
        var configured = passkeys == null ? null : passkeys.allowedOrigins();
        var origins = new LinkedHashSet<String>();
        if (configured != null) {
            configured.stream().filter(o -> !o.isBlank()).map(String::strip).forEach(origins::add);
        }
        if (origins.isEmpty()) {
            var uri = URI.create(baseUrl);
            origins.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        }
        return origins;
    }

    /** The name authenticators show for Credo. */
    public String passkeyRpName() {
        return passkeys == null
                        || passkeys.rpName() == null
                        || passkeys.rpName().isBlank()
                ? "Credo"
                : passkeys.rpName();
    }
}
