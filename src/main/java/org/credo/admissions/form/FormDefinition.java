package org.credo.admissions.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credo.documents.Documents;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questions of an application form and the rules that follow from them: which fields a set of answers makes
 * visible, what a well-formed definition is, and what a well-formed answer to each type is.
 */
public record FormDefinition(List<FormField> fields) {

    /** The most fields a form may have. */
    public static final int MAX_FIELDS = 60;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A problem with one field of a definition (index is its position, -1 for the whole form). */
    public record Problem(int index, String property, String message) {}

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    /** Reads a definition from its stored JSON. */
    public static FormDefinition parse(String json) {
        return JSON.readValue(json, FormDefinition.class);
    }

    /** The stored JSON. */
    public String json() {
        return JSON.writeValueAsString(this);
    }

    /** The field with this key, if any. */
    public @Nullable FormField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /** What is wrong with this definition, field by field: empty when it may be published. */
    public List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        if (fields.isEmpty()) {
            problems.add(new Problem(-1, "fields", "Add at least one question."));
        }
        if (fields.size() > MAX_FIELDS) {
            problems.add(new Problem(-1, "fields", "A form has at most " + MAX_FIELDS + " questions."));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < fields.size(); i++) {
            var f = fields.get(i);
            if (f.key() == null || !f.key().matches("[a-z][a-z0-9_]{0,59}")) {
                problems.add(new Problem(
                        i, "key", "Use lower-case letters, digits and _ for the key, starting with a letter."));
            } else if (!seen.add(f.key())) {
                problems.add(new Problem(i, "key", "The key " + f.key() + " is used by an earlier question."));
            }
            if (f.label() == null || f.label().isBlank()) {
                problems.add(new Problem(i, "label", "Write the question people will read."));
            } else if (f.label().length() > 300) {
                problems.add(new Problem(i, "label", "Keep the question under 300 characters."));
            }
            if (f.type() == null) {
                problems.add(new Problem(i, "type", "Choose the kind of answer."));
                continue;
            }
            if (f.type() == FieldType.CHOICE) {
                var options = f.choices().stream()
                        .map(String::strip)
                        .filter(o -> !o.isEmpty())
                        .toList();
                if (options.size() < 2) {
                    problems.add(new Problem(i, "options", "A choice needs at least two options, one per line."));
                } else if (new HashSet<>(options).size() != options.size()) {
                    problems.add(new Problem(i, "options", "Each option must be different."));
                }
            }
            if (f.type() == FieldType.FILE) {
                if (f.maxBytes() != null && (f.maxBytes() < 1024 || f.maxBytes() > Documents.MAX_BYTES)) {
                    problems.add(new Problem(
                            i,
                            "maxBytes",
                            "The largest file must be between 1 KB and " + Documents.MAX_BYTES / (1024 * 1024)
                                    + " MB."));
                }
                for (var type : f.acceptedTypes()) {
                    if (!Documents.DEFAULT_TYPES.contains(type)) {
                        problems.add(new Problem(
                                i, "accept", "Accept only PDF, PNG or JPEG files (" + type + " is not one)."));
                    }
                }
            }
            if (f.showIf() != null) {
                var earlier = fields.subList(0, i).stream()
                        .filter(e ->
                                e.key() != null && e.key().equals(f.showIf().field()))
                        .findFirst();
                if (earlier.isEmpty()) {
                    problems.add(new Problem(
                            i,
                            "showIf",
                            "Show it only after an earlier question: "
                                    + f.showIf().field() + " is not one."));
                } else if (earlier.get().type() == FieldType.FILE) {
                    problems.add(new Problem(i, "showIf", "A condition cannot depend on a file upload."));
                } else if (f.showIf().equals() == null || f.showIf().equals().isBlank()) {
                    problems.add(new Problem(i, "showIf", "Say which answer shows this question."));
                }
            }
        }
        return problems;
    }

    /** Whether a field is shown for these answers: its condition holds, and the field it depends on is shown. */
    public boolean visible(FormField field, Map<String, String> answers) {
        if (field.showIf() == null) {
            return true;
        }
        var parent = field(field.showIf().field());
        if (parent == null || !visible(parent, answers)) {
            return false;
        }
        var answer = answers.get(parent.key());
        return answer != null
                && answer.strip().equalsIgnoreCase(field.showIf().equals().strip());
    }

    /** The fields shown for these answers, in order. */
    public List<FormField> visibleFields(Map<String, String> answers) {
        return fields.stream().filter(f -> visible(f, answers)).toList();
    }

    /**
     * What is wrong with each given answer for its field's type, by key; blank answers are not checked here (whether
     * a missing answer matters is the checklist's business).
     */
    public Map<String, String> answerProblems(Map<String, String> answers) {
        var problems = new LinkedHashMap<String, String>();
        for (var f : visibleFields(answers)) {
            var value = answers.get(f.key());
            if (value == null || value.isBlank() || f.type() == FieldType.FILE) {
                continue;
            }
            var v = value.strip();
            switch (f.type()) {
                case TEXT -> {
                    if (v.length() > 300) {
                        problems.put(f.key(), "Keep it under 300 characters.");
                    }
                }
                case LONG_TEXT -> {
                    if (v.length() > 10_000) {
                        problems.put(f.key(), "Keep it under 10,000 characters.");
                    }
                }
                case CHOICE -> {
                    if (!f.choices().contains(v)) {
                        problems.put(f.key(), "Choose one of the options listed.");
                    }
                }
                case DATE -> {
                    try {
                        LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        problems.put(f.key(), "Enter a date as YYYY-MM-DD.");
                    }
                }
                case NUMBER -> {
                    try {
                        new java.math.BigDecimal(v);
                    } catch (NumberFormatException e) {
                        problems.put(f.key(), "Enter a number, such as 3.5.");
                    }
                }
                case YES_NO -> {
                    if (!v.equals("yes") && !v.equals("no")) {
                        problems.put(f.key(), "Answer yes or no.");
                    }
                }
                default -> {}
            }
        }
        return problems;
    }
}
