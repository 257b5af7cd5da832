package org.credo.platform;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
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

    /** The view name that answers with the kept body of an anonymous page (see {@link #kept}). */
    public static final String KEPT_VIEW = "publicpages:kept";

    /** The request attribute naming the entity tag of an anonymous page, for keeping its rendered body. */
    public static final String TAG = PublicPages.class.getName() + ".tag";

    /** The request attribute holding the kept body that {@link #KEPT_VIEW} writes. */
    public static final String KEPT = PublicPages.class.getName() + ".kept";

    /**
     * Rendered bodies of anonymous pages by entity tag. The tag names everything the page shows, so a body is
     * current for as long as its tag is; nobody's session or token is in them (anonymous readers have neither).
     */
    private static final BoundedCache<String, Rendered> RENDERED = new BoundedCache<>(1_000, Duration.ofMinutes(10));

    /** A page as it was sent. */
    public record Rendered(String contentType, byte[] body) {}

    private PublicPages() {}

    /**
     * {@link #KEPT_VIEW} when the page of this request was rendered before for an anonymous reader with the same tag
     * (then the view writes those bytes), or null: render it.
     */
    public static @Nullable String kept(ServletWebRequest request) {
        if (request.getAttribute(TAG, ServletWebRequest.SCOPE_REQUEST) instanceof String tag) {
            var kept = RENDERED.find(tag);
            if (kept != null) {
                request.setAttribute(KEPT, kept, ServletWebRequest.SCOPE_REQUEST);
                return KEPT_VIEW;
            }
        }
        return null;
    }

    /** Keeps the body of an anonymous page rendered under {@code tag}. */
    public static void keep(String tag, Rendered rendered) {
        RENDERED.put(tag, rendered);
    }

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
        var tag = "W/\"" + digest(key.toString()) + "\"";
        if (user.isEmpty() && "GET".equals(request.getHttpMethod().name())) {
            request.setAttribute(TAG, tag, ServletWebRequest.SCOPE_REQUEST);
        }
        return request.checkNotModified(tag);
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
