package org.credo.documents.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.credo.platform.UploadRefusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

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
        var message = UploadRefusal.tooLarge(most);
        var back = UploadRefusal.backToPage(request, response, request.getRequestURI(), message);
        if (back.isPresent()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(back.get()))
                    .build();
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
        problem.setTitle("Upload too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }
}
