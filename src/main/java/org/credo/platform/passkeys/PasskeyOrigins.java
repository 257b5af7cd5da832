package org.credo.platform.passkeys;

import java.util.LinkedHashSet;
import java.util.Set;
import org.credo.platform.config.CredoProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The origins passkey ceremonies may come from: {@code credo.passkeys.allowed-origins} or the base URL's origin.
 * In demo mode on localhost the port the server actually listens on is allowed too, so that
 * {@code --server.port=9090} and tests on a random port work without configuration.
 */
final class PasskeyOrigins implements ApplicationListener<WebServerInitializedEvent> {

    private final CredoProperties properties;
    private volatile Set<String> allowed;

    PasskeyOrigins(CredoProperties properties) {
        this.properties = properties;
        this.allowed = Set.copyOf(properties.passkeyOrigins());
    }

    /** The origins allowed now; a new set (not a changed one) once the server knows its port. */
    Set<String> allowed() {
        return allowed;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (properties.demo() && "localhost".equals(properties.passkeyRpId())) {
            var origins = new LinkedHashSet<>(properties.passkeyOrigins());
            origins.add("http://localhost:" + event.getWebServer().getPort());
            allowed = Set.copyOf(origins);
        }
    }
}
