package org.credo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.credo.platform.PublicPages;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered body of a public page sent to an anonymous reader under its entity tag, and sends it again to the
 * next anonymous reader whose page has the same tag ({@link PublicPages#kept}): the tag names all the page shows, so
 * the body is the one rendering would give (ADR 29).
 */
@Configuration
class KeptPages {

    @Bean(PublicPages.KEPT_VIEW)
    View keptPage() {
        return new View() {
            @Override
            public String getContentType() {
                return "text/html;charset=UTF-8";
            }

            @Override
            public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                var kept = (PublicPages.Rendered) request.getAttribute(PublicPages.KEPT);
                response.setContentType(kept.contentType());
                response.setContentLength(kept.body().length);
                response.getOutputStream().write(kept.body());
            }
        };
    }

    @Bean
    FilterRegistrationBean<Recorder> keptPageRecorder() {
        var registration = new FilterRegistrationBean<>(new Recorder());
        registration.addUrlPatterns("/catalog", "/catalog/*", "/verify/*", "/share/*");
        return registration;
    }

    /** Records what an anonymous GET of a tagged page sent, unless it opened a session. */
    static class Recorder extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"GET".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            var recorded = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, recorded);
                var tag = request.getAttribute(PublicPages.TAG);
                var type = recorded.getContentType();
                if (tag instanceof String etag
                        && request.getAttribute(PublicPages.KEPT) == null
                        && recorded.getStatus() == 200
                        && type != null
                        && type.startsWith("text/html")
                        && request.getSession(false) == null) {
                    PublicPages.keep(etag, new PublicPages.Rendered(type, recorded.getContentAsByteArray()));
                }
            } finally {
                recorded.copyBodyToResponse();
            }
        }
    }
}
