package org.credo.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.credo.platform.api.Problems;
import org.credo.platform.config.CredoProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One body limit for every path ({@code credo.api.max-body-size}), answered with 413 Problem Details
 * before anything reads the body, whether the client announced the length or streams it. Multipart
 * uploads have their own, larger limit ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final JsonMapper json;

    BodySizeLimitFilter(CredoProperties properties, JsonMapper json) {
        this.limit = properties.api().maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            reject(request, response);
            return;
        }
        if (announced >= 0) {
            // The server never reads past the announced length.
            chain.doFilter(request, response);
            return;
        }
        // A streamed body is read here, up to one byte past the limit, so that the answer is 413 before
        // a controller starts on it: reading it later, a JSON parser or a form reader would report the
        // cut-off body as malformed (400), or, where nothing counted, read it whole.
        var body = readAtMost(request, limit + 1);
        if (body.length > limit) {
            reject(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static byte[] readAtMost(HttpServletRequest request, long max) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        var in = request.getInputStream();
        int n;
        while (out.size() < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(
                request,
                response,
                json,
                HttpStatus.CONTENT_TOO_LARGE,
                "Request too large",
                "The body is larger than " + limit
                        + " bytes; send less, or upload a file as multipart/form-data where the endpoint takes one.");
    }
}
