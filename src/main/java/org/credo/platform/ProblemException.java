package org.credo.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be done, with a title and a detail that tell the caller what to fix. The
 * API renders it as RFC 9457 Problem Details; the UI shows the detail next to the form.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public static ProblemException badRequest(String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, title, detail, Map.of());
    }

    /** A rejected field value, reported under {@code errors} like a failed bean validation. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                field + ": " + message,
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", what + " was not found.", Map.of());
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, title, detail, Map.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** The field this problem is about, when it is about one field. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<String> field() {
        var errors = properties.get("errors");
        if (errors instanceof java.util.List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> m) {
            return java.util.Optional.ofNullable((String) ((Map<String, Object>) m).get("field"));
        }
        return java.util.Optional.empty();
    }
}
