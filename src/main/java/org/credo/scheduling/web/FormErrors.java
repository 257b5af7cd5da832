package org.credo.scheduling.web;

import java.util.List;
import org.credo.platform.ProblemException;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Puts a refusal on the form field it names, or on the whole form, so the page marks it. */
final class FormErrors {

    private FormErrors() {}

    /** The message without the field's name in front ('endsOn: the term must end...' reads 'the term must end...'). */
    static String message(ProblemException e) {
        var m = e.getMessage() == null ? "" : e.getMessage();
        return e.field().isPresent() ? m.replaceFirst("^[^:]+: ", "") : m;
    }

    /** Marks the named field when the form has it, else the whole form. */
    static void reject(BindingResult binding, ProblemException e, List<String> fields) {
        var field = e.field().orElse("");
        var message = message(e);
        if (fields.contains(field) || field.matches("parts\\[\\d]\\.[a-zA-Z]+")) {
            binding.rejectValue(field, "invalid", message);
        } else {
            binding.reject("invalid", message);
        }
    }

    /** For the small forms that post and come back: the message on top, linked to the field. */
    static void flash(RedirectAttributes redirect, ProblemException e, String prefix) {
        if (e.status().value() == 404) {
            throw e;
        }
        redirect.addFlashAttribute("flashError", prefix + message(e));
        e.field().ifPresent(f -> redirect.addFlashAttribute("flashErrorField", f));
    }
}
