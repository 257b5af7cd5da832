package org.credo.credentials.network;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.credo.credentials.network.FetchFailure.Reason;
import org.credo.credentials.network.HttpsExchange.Response;
import org.credo.platform.config.CredoProperties;
import org.springframework.stereotype.Component;

/**
 * Reads JSON documents that other servers publish, over HTTPS only, from public addresses only: every address a
 * name resolves to is checked before connecting, on the first request and on every redirect, and the connection goes
 * to the checked address. Fetches are bounded in time and size, and answers are cached as their
 * {@code Cache-Control} allows.
 */
@Component
public class RemoteDocuments {

    /** What is fetched; it decides the size limit and what the request accepts. */
    public enum Kind {
        DID_DOCUMENT("application/did+json, application/did+ld+json, application/json;q=0.9"),
        STATUS_LIST("application/vc+ld+json, application/vc, application/ld+json, application/json;q=0.9");

        private final String accept;

        Kind(String accept) {
            this.accept = accept;
        }
    }

    private static final int MAX_PARALLEL_LOOKUPS = 8;
    // The JSON parser recurses per level: a few hundred kilobytes of brackets would overflow its stack.
    private static final int MAX_DEPTH = 64;

    private final NetworkSettings settings;
    private final boolean testing;
    private final DocumentCache cache;
    private final ThreadPoolExecutor lookups;
    private final ScheduledExecutorService watchdog;

    RemoteDocuments(NetworkSettings settings, CredoProperties properties) {
        // ProductionReadiness refuses to start with test-only settings; should it ever be bypassed, they are ignored.
        this.testing = properties.demo() && settings.testOnlySettingsPresent();
        this.settings = settings;
        this.cache = new DocumentCache(settings.cacheSize().toBytes());
        // Name lookups cannot be given a timeout, so they run on a few threads of their own and are waited for only
        // until the deadline; when all are stuck, further fetches fail at once instead of piling up.
        this.lookups = new ThreadPoolExecutor(
                0, MAX_PARALLEL_LOOKUPS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("credo-dns"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("credo-fetch-watchdog"));
    }

    /** Whether the operator allows fetching from other servers. */
    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * The body of a document at an https URL, from the cache while it is fresh.
     *
     * @throws FetchFailure when it cannot or may not be read; its message says why in plain words
     */
    public String fetch(URI url, Kind kind) {
        if (!settings.enabled()) {
            throw new FetchFailure(
                    Reason.DISABLED,
                    "this server does not fetch documents from other servers"
                            + " (its operator turned off credo.verification.network.enabled)");
        }
        var key = kind + " " + url;
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        var deadline = Deadline.after(settings.timeout());
        var current = url;
        for (int redirects = 0; ; redirects++) {
            allowed(current);
            var response = exchange(current, kind, deadline);
            if (response.redirect()) {
                if (redirects >= settings.maxRedirects()) {
                    throw new FetchFailure(
                            Reason.TOO_MANY_REDIRECTS,
                            url + " redirects more than " + settings.maxRedirects() + " times");
                }
                current = redirectTarget(current, response);
                continue;
            }
            if (response.status() != 200) {
                throw new FetchFailure(Reason.BAD_RESPONSE, current + " answered HTTP " + response.status());
            }
            var type = response.header("content-type");
            if (type != null && !type.toLowerCase(Locale.ROOT).matches("(?s).*(json|application/vc).*")) {
                throw new FetchFailure(Reason.BAD_RESPONSE, current + " answered " + type + ", not JSON");
            }
            var body = new String(response.body(), StandardCharsets.UTF_8);
            if (deeperThan(body, MAX_DEPTH)) {
                throw new FetchFailure(
                        Reason.BAD_RESPONSE, current + " nests its JSON deeper than " + MAX_DEPTH + " levels");
            }
            cache.put(key, body, freshness(response));
            return body;
        }
    }

    /** Forgets every cached answer. */
    public void forgetCached() {
        cache.clear();
    }

    /** Whether arrays and objects nest deeper than the limit, brackets inside strings not counted. */
    static boolean deeperThan(String json, int limit) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limit) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }

    private static void allowed(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new FetchFailure(
                    Reason.NOT_ALLOWED, url + " is not an https URL with a host; Credo fetches only over HTTPS");
        }
    }

    private static URI redirectTarget(URI from, Response response) {
        var location = response.header("location");
        if (location == null) {
            throw new FetchFailure(Reason.BAD_RESPONSE, from + " redirects without saying where");
        }
        try {
            return from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchFailure(Reason.BAD_RESPONSE, from + " redirects to an address that is not a URL");
        }
    }

    private Response exchange(URI url, Kind kind, Deadline deadline) {
        var exchange = new HttpsExchange(tls(), settings.connectTimeout(), watchdog);
        IOException last = null;
        for (var address : addresses(url.getHost(), deadline)) {
            try {
                return exchange.get(url, address, deadline, maxBytes(kind), kind.accept);
            } catch (ConnectException | NoRouteToHostException e) {
                last = e; // another address of the same name may answer
            } catch (SocketTimeoutException e) {
                if (deadline.explains()) {
                    throw deadline.expired();
                }
                last = e;
            } catch (SSLException e) {
                if (deadline.explains()) {
                    throw deadline.expired();
                }
                throw new FetchFailure(
                        Reason.UNREACHABLE, "a secure connection to " + url.getHost() + " failed: " + e.getMessage());
            } catch (IOException e) {
                if (deadline.explains()) {
                    throw deadline.expired();
                }
                throw new FetchFailure(Reason.UNREACHABLE, url + " could not be read: " + e.getMessage());
            }
        }
        throw new FetchFailure(
                Reason.UNREACHABLE,
                "no connection to " + url.getHost() + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    /** Every address of a host, each checked to be public; a test host maps to its configured address instead. */
    private List<InetAddress> addresses(String host, Deadline deadline) {
        var override = testing ? settings.testHosts().get(host.toLowerCase(Locale.ROOT)) : null;
        if (override != null) {
            try {
                return List.of(InetAddress.getByName(override));
            } catch (UnknownHostException e) {
                throw new FetchFailure(Reason.UNKNOWN_HOST, "the test address of " + host + " is not an address");
            }
        }
        InetAddress[] all;
        try {
            all = lookups.submit(() -> InetAddress.getAllByName(host))
                    .get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            throw new FetchFailure(Reason.UNREACHABLE, "too many host names are being looked up at once; try again");
        } catch (TimeoutException e) {
            throw deadline.expired();
        } catch (ExecutionException e) {
            throw new FetchFailure(Reason.UNKNOWN_HOST, "the host " + host + " does not exist (DNS has no address)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(Reason.UNREACHABLE, "the fetch was interrupted");
        }
        var checked = new ArrayList<InetAddress>();
        for (var address : all) {
            if (!PublicAddresses.isPublic(address)) {
                throw new FetchFailure(
                        Reason.PRIVATE_ADDRESS,
                        "the host " + host + " is, or resolves to, " + address.getHostAddress()
                                + ", which is not a public internet address; Credo never connects there");
            }
            checked.add(address);
        }
        return checked;
    }

    private long maxBytes(Kind kind) {
        return switch (kind) {
            case DID_DOCUMENT -> settings.didDocumentMaxSize().toBytes();
            case STATUS_LIST -> settings.statusListMaxSize().toBytes();
        };
    }

    /** How long an answer may be reused: RFC 9111's max-age and Expires, capped; no-store and no-cache mean never. */
    private Duration freshness(Response response) {
        var control = response.header("cache-control");
        Duration fresh = null;
        if (control != null) {
            for (var directive : control.toLowerCase(Locale.ROOT).split(",")) {
                var d = directive.trim();
                if (d.equals("no-store") || d.equals("no-cache")) {
                    return Duration.ZERO;
                }
                if (d.startsWith("max-age=")) {
                    try {
                        fresh = Duration.ofSeconds(Long.parseLong(d.substring(8).replace("\"", "")));
                    } catch (NumberFormatException e) {
                        return Duration.ZERO;
                    }
                }
            }
        }
        if (fresh == null && response.header("expires") != null) {
            try {
                var expires = ZonedDateTime.parse(response.header("expires"), DateTimeFormatter.RFC_1123_DATE_TIME);
                fresh = Duration.between(ZonedDateTime.now(), expires);
            } catch (DateTimeParseException e) {
                return Duration.ZERO; // an invalid Expires means already expired
            }
        }
        if (fresh == null) {
            fresh = settings.defaultCacheAge();
        }
        var age = response.header("age");
        if (age != null && age.trim().matches("\\d{1,9}")) {
            fresh = fresh.minusSeconds(Long.parseLong(age.trim()));
        }
        return fresh.compareTo(settings.maxCacheAge()) > 0 ? settings.maxCacheAge() : fresh;
    }

    private SSLSocketFactory tls() {
        var store = settings.testTrustStore();
        if (!testing || store == null || store.isBlank()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        // Read on every fetch: tests write the trust store of the server they start after this bean exists.
        try (InputStream in = Files.newInputStream(Path.of(store))) {
            var password = settings.testTrustStorePassword() == null
                    ? new char[0]
                    : settings.testTrustStorePassword().toCharArray();
            var keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new FetchFailure(Reason.UNREACHABLE, "the test trust store " + store + " cannot be read");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
        watchdog.shutdownNow();
    }
}
