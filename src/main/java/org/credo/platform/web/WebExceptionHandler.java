package org.credo.platform.web;

import org.credo.platform.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A {@link ProblemException} that a page controller did not turn into a form error becomes a plain page. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        var template = switch (e.status()) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            default -> "error/problem";
        };
        var view = new ModelAndView(template, e.status());
        view.addObject("title", e.title());
        view.addObject("detail", e.getMessage());
        return view;
    }
}
