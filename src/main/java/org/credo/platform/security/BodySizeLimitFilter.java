package org.credo.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.credo.platform.api.Problems;
import org.credo.platform.config.CredoProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API bodies over the configured size with 413, whether the client announced the length or
 * streams it. Multipart uploads have their own, larger limit.
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
        return !Problems.isApi(request.getRequestURI()) || (type != null && type.startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            reject(request, response);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                reject(request, response);
            }
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(
                request,
                response,
                json,
                HttpStatus.CONTENT_TOO_LARGE,
                "Request too large",
                "The body is larger than " + limit + " bytes; send less, or use a bulk upload endpoint.");
    }

    /** Thrown while reading past the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the limit");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            var in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new TooLarge();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new TooLarge();
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
