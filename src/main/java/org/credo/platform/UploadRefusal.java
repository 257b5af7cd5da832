package org.credo.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload refused for its size before any controller saw it. Whether the servlet container refused it while the
 * security filters read the form's token, or Spring while resolving the multipart request, a person on a page goes
 * back to that page with one message saying what to do; an API caller gets the Problem.
 */
public final class UploadRefusal {

    private UploadRefusal() {}

    /** The message for a file over the request limit. */
    public static String tooLarge(long maxBytes) {
        return "The file is larger than " + maxBytes / (1024 * 1024)
                + " MB, the most Credo takes in one upload; make it smaller and upload it again.";
    }

    /**
     * Saves the message for the page the request came from and returns that page's path, when the request came from
     * a page of this site (its {@code Referer} is of this host) and is not an API call; empty otherwise.
     */
    public static Optional<String> backToPage(
            HttpServletRequest request, HttpServletResponse response, String requestPath, String message) {
        if (requestPath.startsWith("/api/")) {
            return Optional.empty();
        }
        var path = sameOriginPath(request);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("flashError", message);
        flash.setTargetRequestPath(path.get());
        var manager = RequestContextUtils.getFlashMapManager(request);
        if (manager != null) {
            manager.saveOutputFlashMap(flash, request, response);
        }
        return path;
    }

    private static Optional<String> sameOriginPath(HttpServletRequest request) {
        var referer = request.getHeader("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        try {
            var uri = URI.create(referer);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return Optional.empty();
            }
            var path = uri.getRawPath();
            return path == null || path.isEmpty() || !path.startsWith("/") || path.startsWith("//")
                    ? Optional.empty()
                    : Optional.of(path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
