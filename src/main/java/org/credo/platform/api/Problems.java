package org.credo.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.credo.platform.RequestIds;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds and writes RFC 9457 Problem Details the same way everywhere. */
public final class Problems {

    /** Paths whose callers are programs and get Problem Details instead of HTML pages. */
    public static boolean isApi(String path) {
        return path.startsWith("/api/")
                || path.startsWith("/actuator/")
                || path.startsWith("/credentials/")
                || path.startsWith("/presentations/");
    }

    private Problems() {}

    /** A problem with a title and a detail that says what to fix, stamped with the request id. */
    public static ProblemDetail of(HttpStatusCode status, String title, String detail, String instance) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://credo.example/problems/" + slug(status)));
        if (!instance.isBlank()) {
            problem.setInstance(URI.create(instance));
        }
        var requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** Writes a problem as the whole response, for filters that run before Spring MVC. */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            JsonMapper json,
            HttpStatus status,
            String title,
            String detail)
            throws IOException {
        var problem = of(status, title, detail, request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String slug(HttpStatusCode status) {
        var resolved = HttpStatus.resolve(status.value());
        return resolved == null
                ? String.valueOf(status.value())
                : resolved.name().toLowerCase().replace('_', '-');
    }
}
