package org.credo.credentials.network;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How verification reaches other servers, under {@code credo.verification.network.*}.
 *
 * @param enabled whether did:web issuers and status lists of other servers are fetched at all
 * @param connectTimeout the longest wait for one TCP connection
 * @param timeout the longest a whole fetch may take: name lookup, connections, redirects and reading
 * @param maxRedirects how many redirects a fetch follows
 * @param didDocumentMaxSize the largest DID document read
 * @param statusListMaxSize the largest status list credential read
 * @param defaultCacheAge how long an answer without {@code Cache-Control} or {@code Expires} is reused
 * @param maxCacheAge the longest any answer is reused, whatever its {@code max-age}
 * @param cacheSize the memory the cache of answers may take
 * @param testHosts test only, refused in production mode: host names resolved to the given (private) addresses
 * @param testTrustStore test only, refused in production mode: a PKCS12 trust store used instead of the JDK's
 * @param testTrustStorePassword the password of {@code testTrustStore}
 */
@ConfigurationProperties("credo.verification.network")
public record NetworkSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int maxRedirects,
        @DefaultValue("256KB") DataSize didDocumentMaxSize,
        @DefaultValue("2MB") DataSize statusListMaxSize,
        @DefaultValue("30s") Duration defaultCacheAge,
        @DefaultValue("1h") Duration maxCacheAge,
        @DefaultValue("16MB") DataSize cacheSize,
        @Nullable Map<String, String> testHosts,
        @Nullable String testTrustStore,
        @Nullable String testTrustStorePassword) {

    /** Copies the test hosts, keyed by lower-case name. */
    public NetworkSettings {
        var hosts = new java.util.HashMap<String, String>();
        if (testHosts != null) {
            testHosts.forEach((host, address) -> hosts.put(host.toLowerCase(java.util.Locale.ROOT), address));
        }
        testHosts = Map.copyOf(hosts);
    }

    /** Whether a setting meant only for tests is present. */
    boolean testOnlySettingsPresent() {
        return !testHosts.isEmpty() || (testTrustStore != null && !testTrustStore.isBlank());
    }
}
