package org.credo.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.credo.platform.ProblemException;
import org.credo.platform.json.JsonLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure of a REST controller into RFC 9457 Problem Details that say what to fix. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        var problem = Problems.of(e.status(), e.title(), e.getMessage(), request.getRequestURI());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), request.getRequestURI());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        var detail = "'" + e.getValue() + "' is not a valid " + e.getName()
                + (e.getRequiredType() == null
                        ? "."
                        : "; expected " + e.getRequiredType().getSimpleName() + ".");
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "Invalid parameter", detail, request.getRequestURI()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        "Changed meanwhile",
                        "Someone else changed this record at the same time; fetch it again and repeat your change.",
                        request.getRequestURI()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        // Let Spring Security's entry point and access-denied handler answer, as for every other request.
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError()
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "Something went wrong on our side; nothing you sent was the cause. Quote the request id when you report it.",
                        request.getRequestURI()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), path(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> Map.of(
                                "field",
                                String.valueOf(r.getMethodParameter().getParameterName()),
                                "message",
                                String.valueOf(err.getDefaultMessage()))))
                .toList();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), path(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof StreamConstraintsException) {
            return ResponseEntity.badRequest().body(tooDeep(path(request)));
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request body", unreadable(e), path(request)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Upload too large",
                        "The upload is larger than the limit of " + e.getMaxUploadSize()
                                + " bytes; split it into smaller files.",
                        path(request)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            var stamped = Problems.of(
                    status,
                    problem.getTitle() == null ? "Request failed" : problem.getTitle(),
                    problem.getDetail() == null ? "The request failed." : problem.getDetail(),
                    path(request));
            if (problem.getProperties() != null) {
                problem.getProperties().forEach(stamped::setProperty);
            }
            return new ResponseEntity<>(stamped, headers, status);
        }
        return new ResponseEntity<>(body, headers, status);
    }

    // Jackson stops at the first level past the limit, so the depth actually sent is not known: name the limit.
    private static ProblemDetail tooDeep(String path) {
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "Nested too deeply",
                "The body is nested too deeply: more than " + JsonLimits.MAX_DEPTH
                        + " levels of arrays and objects, and " + JsonLimits.MAX_DEPTH + " is the most Credo reads.",
                path);
        problem.setProperty("limit", "depth");
        problem.setProperty("maximum", JsonLimits.MAX_DEPTH);
        return problem;
    }

    static String unreadable(HttpMessageNotReadableException e) {
        var cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'; the fields this request takes are "
                    + unknown.getKnownPropertyIds() + ".";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + pathOf(invalid) + "' has the value " + invalid.getValue() + ", which is not a valid "
                    + invalid.getTargetType().getSimpleName()
                    + (invalid.getTargetType().isEnum()
                            ? "; use one of " + List.of(invalid.getTargetType().getEnumConstants()) + "."
                            : ".");
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "Field '" + pathOf(mismatched) + "' has the wrong type; expected "
                    + (mismatched.getTargetType() == null
                            ? "another type"
                            : mismatched.getTargetType().getSimpleName()) + ".";
        }
        if (cause instanceof JacksonException json) {
            return "The body is not valid JSON: " + json.getOriginalMessage() + " (line "
                    + (json.getLocation() == null ? "?" : json.getLocation().getLineNr()) + ").";
        }
        return "The request body is missing or cannot be read; send a JSON object as described in /v3/api-docs.";
    }

    private static String pathOf(JacksonException e) {
        return String.join(
                ".",
                e.getPath().stream()
                        .map(ref ->
                                ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                        .toList());
    }

    private static String describe(List<Map<String, String>> errors) {
        return String.join(
                        "; ",
                        errors.stream()
                                .map(e -> e.get("field") + ": " + e.get("message"))
                                .toList()) + ".";
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : "";
    }
}
