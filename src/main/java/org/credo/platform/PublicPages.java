package org.credo.platform;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Conditional GET for the pages anyone may open (catalog, verification, share): an entity tag computed from what the
 * page shows, not from its rendered body, so that an unchanged page costs one cheap look-up and a {@code 304}.
 * Anonymous readers get {@code public} caching; a signed-in reader, whose page carries their name and navigation,
 * gets {@code private} caching and a tag of their own (ADR 29).
 */
public final class PublicPages {

    /**
     * Tags differ from one start of the application to the next, so that a new release's templates are never hidden
     * behind a tag a browser kept from the previous one.
     */
    private static final String RELEASE =
            Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime());

    private PublicPages() {}

    /**
     * Sets {@code Cache-Control}, {@code Vary} and the entity tag of a public page showing {@code shown}, and answers
     * {@code 304 Not Modified} (true: render nothing) when the reader's {@code If-None-Match} names that tag.
     */
    public static boolean notModified(ServletWebRequest request, Duration maxAge, Object... shown) {
        var user = CurrentUser.find();
        var key = new StringBuilder(RELEASE);
        user.ifPresent(u -> key.append('\u001f')
                .append(u.personId())
                .append('\u001f')
                .append(u.organizationId())
                .append('\u001f')
                .append(u.roles()));
        for (var part : shown) {
            key.append('\u001e').append(part);
        }
        var response = request.getResponse();
        if (response != null) {
            var cache = CacheControl.maxAge(maxAge);
            response.setHeader(
                    HttpHeaders.CACHE_CONTROL,
                    (user.isPresent() ? cache.cachePrivate() : cache.cachePublic()).getHeaderValue());
            response.setHeader(HttpHeaders.VARY, "Cookie, HX-Request");
        }
        return request.checkNotModified("W/\"" + digest(key.toString()) + "\"");
    }

    private static String digest(String text) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
