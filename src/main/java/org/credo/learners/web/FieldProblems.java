package org.credo.learners.web;

import java.util.List;
import java.util.Map;
import org.credo.platform.ProblemException;
import org.springframework.validation.BindingResult;

/** Puts the field errors of a refused change on the subform that asked for it, so the page marks each bad field. */
final class FieldProblems {

    private FieldProblems() {}

    /**
     * Rejects every field the problem names that the form has; a problem about no field of the form goes on
     * {@code fallback}. Returns false for a problem that is not about input (not found, forbidden), which the
     * caller handles as before.
     */
    static boolean reject(BindingResult binding, ProblemException e, List<String> fields, String fallback) {
        if (e.status().value() != 400 && e.status().value() != 409) {
            return false;
        }
        var rejected = false;
        if (e.properties().get("errors") instanceof List<?> errors) {
            for (var error : errors) {
                if (error instanceof Map<?, ?> m
                        && m.get("field") instanceof String field
                        && fields.contains(field)
                        && m.get("message") instanceof String message) {
                    binding.rejectValue(field, "invalid", message);
                    rejected = true;
                }
            }
        }
        if (!rejected) {
            binding.rejectValue(fallback, "invalid", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
        }
        return true;
    }
}
