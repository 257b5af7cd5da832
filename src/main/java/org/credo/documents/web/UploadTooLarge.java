package org.credo.documents.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload past the servlet's multipart limit is refused before any controller runs: an API caller gets a Problem
 * (413), a person on a page is sent back to the page they came from with a message saying what to do.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadTooLarge {

    private final org.springframework.util.unit.DataSize limit;

    UploadTooLarge(
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:50MB}")
                    org.springframework.util.unit.DataSize limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(
            MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        var most = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : this.limit.toBytes();
        var message = "The file is larger than " + most / (1024 * 1024)
                + " MB, the most Credo takes in one upload; make it smaller" + " and upload it again.";
        var referer = request.getHeader("Referer");
        if (!request.getRequestURI().startsWith("/api/") && referer != null && sameOrigin(referer, request)) {
            var flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("flashError", message);
            var manager = RequestContextUtils.getFlashMapManager(request);
            var path = URI.create(referer).getRawPath();
            flash.setTargetRequestPath(path);
            if (manager != null) {
                manager.saveOutputFlashMap(flash, request, response);
            }
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(path))
                    .build();
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
        problem.setTitle("Upload too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    private static boolean sameOrigin(String referer, HttpServletRequest request) {
        try {
            var uri = URI.create(referer);
            return uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
