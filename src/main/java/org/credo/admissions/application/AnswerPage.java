package org.credo.admissions.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credo.admissions.cycle.Cycles;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page where an application is answered, for the applicant's portal and for staff entering an application on an
 * applicant's behalf: saving, submitting and uploading answers, and filling the model (the form version it is
 * answered on, the answers or what was just typed, which questions show, the documents, the checklist and the
 * history), again with the bad questions marked when a change is refused.
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

    /** What a save did: the application after it, and whether it was also submitted. */
    public record Saved(Application application, boolean submitted) {}

    /**
     * Saves the answers among posted parameters, and submits them too when the action is {@code submit}. Returns what
     * was done; when the change is refused, returns null and the model holds the page again with what was typed and
     * the bad questions marked (titled {@code notSaved} for a save).
     */
    public @Nullable Saved save(
            Model model,
            Application application,
            String base,
            Map<String, String> parameters,
            String action,
            String notSaved) {
        var org = application.organizationId();
        var typed = answers(parameters);
        boolean submit = "submit".equals(action);
        try {
            var saved = submit
                    ? applications.saveAndSubmit(org, application.id(), typed, Instant.now())
                    : applications.saveAnswers(org, application.id(), typed);
            return new Saved(saved, submit);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            fill(model, applications.find(org, application.id()), base, typed, errors(e));
            model.addAttribute("errorTitle", submit ? "The application was not submitted" : notSaved);
            return null;
        }
    }

    /**
     * Stores an uploaded file as the answer to a file question. Returns true when stored; when refused (no file, a
     * type or size the question does not take), false, and the model holds the page again with the question marked.
     */
    public boolean upload(Model model, Application application, String base, String key, @Nullable MultipartFile file) {
        var org = application.organizationId();
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalidField(key, "choose a file to upload.");
            }
            var name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
            try (var content = file.getInputStream()) {
                applications.attach(org, application.id(), key, name, content);
            }
            return true;
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            fill(
                    model,
                    application,
                    base,
                    Map.of(),
                    Map.of(key, errors(e).values().iterator().next()));
            model.addAttribute("errorTitle", "The file was not uploaded");
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
