package org.credo.admissions.application;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credo.admissions.cycle.Cycles;
import org.credo.platform.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the page where an application is answered, for the applicant's portal and for staff entering an
 * application on an applicant's behalf: the form version it is answered on, the answers (or what was just typed),
 * which questions show, the documents, the checklist and the history.
 */
@Component
public class AnswerPage {

    /** The prefix of answer parameters: the answer to question {@code statement} is posted as {@code a.statement}. */
    public static final String PREFIX = "a.";

    private final Applications applications;
    private final Cycles cycles;

    AnswerPage(Applications applications, Cycles cycles) {
        this.applications = applications;
        this.cycles = cycles;
    }

    /** The answers among posted parameters, by question key. */
    public static Map<String, String> answers(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(e -> e.getKey().startsWith(PREFIX))
                .collect(Collectors.toMap(
                        e -> e.getKey().substring(PREFIX.length()),
                        Map.Entry::getValue,
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    /** The problems of a refused request as form errors by field key. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> errors(ProblemException e) {
        var errors = new LinkedHashMap<String, String>();
        if (e.properties().get("errors") instanceof List<?> list) {
            for (var item : list) {
                if (item instanceof Map<?, ?> m) {
                    errors.put(String.valueOf(m.get("field")), String.valueOf(m.get("message")));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.put("", e.getMessage());
        }
        return errors;
    }

    /**
     * Puts the page's model together.
     *
     * @param typed what was just posted, shown instead of the stored answers; null to show the stored ones
     */
    public void fill(
            Model model, Application application, String base, Map<String, String> typed, Map<String, String> errors) {
        var org = application.organizationId();
        var stored = applications.answers(org, application.id());
        var values = new HashMap<>(stored);
        values.putAll(typed);
        var form = applications.form(application);
        model.addAttribute("app", application);
        model.addAttribute("cycle", cycles.find(org, application.cycleId()));
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute(
                "visible", form.visibleFields(values).stream().map(f -> f.key()).collect(Collectors.toSet()));
        model.addAttribute("documents", applications.documents(org, application.id()));
        model.addAttribute("checklist", Checklist.of(form, stored));
        model.addAttribute("history", applications.history(org, application.id()));
        model.addAttribute("errors", errors);
        model.addAttribute(
                "problems",
                errors.entrySet().stream()
                        .map(e -> Map.of(
                                "field", e.getKey().isEmpty() ? "" : "q-" + e.getKey(), "message", message(form, e)))
                        .toList());
        model.addAttribute("base", base);
    }

    private static String message(org.credo.admissions.form.FormDefinition form, Map.Entry<String, String> e) {
        var field = form.field(e.getKey());
        return field == null ? e.getValue() : field.label() + ": " + e.getValue();
    }
}
