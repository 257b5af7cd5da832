package org.credo.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.credo.platform.UploadRefusal;
import org.credo.platform.api.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the servlet container shows for errors no controller handled: Problem Details for API
 * paths, a plain page for people. Neither ever shows a stack trace or an exception message.
 */
@Controller
class CredoErrorController implements ErrorController {

    private final DataSize uploadLimit;

    CredoErrorController(@Value("${spring.servlet.multipart.max-request-size:50MB}") DataSize uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        var status = status(request);
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            // The container refused a form's upload while the security filters read its token: back to the form.
            var back = UploadRefusal.backToPage(
                    request, response, originalPath(request), UploadRefusal.tooLarge(uploadLimit.toBytes()));
            if (back.isPresent()) {
                var redirect = new RedirectView(back.get(), true);
                redirect.setStatusCode(HttpStatus.SEE_OTHER);
                return new ModelAndView(redirect);
            }
        }
        if (Problems.isApi(originalPath(request))) {
            // A browser asked for an API path: still answer as the API would, in readable form.
            var view = new ModelAndView("error/problem", status);
            view.addObject("title", title(status));
            view.addObject("detail", detail(status));
            return view;
        }
        var template = switch (status) {
            case FORBIDDEN -> "error/403";
            case NOT_FOUND -> "error/404";
            default -> status.is4xxClientError() ? "error/problem" : "error/500";
        };
        var view = new ModelAndView(template, status);
        view.addObject("title", title(status));
        view.addObject("detail", detail(status));
        return view;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        var status = status(request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title(status), detail(status), originalPath(request)));
    }

    private static HttpStatus status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String originalPath(HttpServletRequest request) {
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path ? path : "";
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Forbidden";
            case UNAUTHORIZED -> "Sign in required";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case CONTENT_TOO_LARGE -> "Request too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
            default -> status.is4xxClientError() ? "Bad request" : "Internal error";
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address. Check the URL, or start again from the home page.";
            case FORBIDDEN -> "Your roles in this organization do not allow this. Ask an administrator if you need it.";
            case UNAUTHORIZED -> "Sign in, or send a valid API token as 'Authorization: Bearer <token>'.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that HTTP method; see /v3/api-docs.";
            case CONTENT_TOO_LARGE -> "The request body is larger than this endpoint accepts; send less.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            default ->
                status.is4xxClientError()
                        ? "The request could not be understood; check it against /v3/api-docs."
                        : "Something went wrong on our side. Quote the request id when you report it.";
        };
    }
}
