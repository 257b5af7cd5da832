package org.credo.catalog.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.credo.catalog.ContentProblems;
import tools.jackson.databind.JsonNode;

/** Reading fields of proposal JSON with plain-words problems. */
public final class Fields {

    private Fields() {}

    /** The trimmed text of a field, empty when absent. */
    public static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString().trim();
    }

    /** A required text of at most {@code max} characters. */
    public static String required(JsonNode node, String field, int max, ContentProblems problems) {
        var value = text(node, field);
        if (value.isEmpty()) {
            problems.add(field, "is required");
        } else if (value.length() > max) {
            problems.add(field, "must be at most " + max + " characters");
        }
        return value;
    }

    /** An optional text of at most {@code max} characters, null when blank. */
    public static @org.jspecify.annotations.Nullable String optional(
            JsonNode node, String field, int max, ContentProblems problems) {
        var value = text(node, field);
        if (value.length() > max) {
            problems.add(field, "must be at most " + max + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    /** Credits: a number from 0 to 9999.99. */
    public static BigDecimal credits(JsonNode node, String field, ContentProblems problems) {
        var value = node.get(field);
        try {
            var credits = value == null || value.isNull()
                    ? null
                    : new BigDecimal(value.asString().trim());
            if (credits == null) {
                problems.add(field, "is required");
                return BigDecimal.ZERO;
            }
            if (credits.signum() < 0) {
                problems.add(field, "cannot be negative");
            } else if (credits.compareTo(new BigDecimal("9999.99")) > 0 || credits.scale() > 2) {
                problems.add(field, "must be at most 9999.99, with at most two decimals");
            }
            return credits;
        } catch (NumberFormatException e) {
            problems.add(field, "must be a number such as 3 or 1.5");
            return BigDecimal.ZERO;
        }
    }

    /** A list of lines: a JSON array of strings, or one text with one item per line. */
    public static List<String> lines(JsonNode node, String field) {
        var value = node.get(field);
        var lines = new ArrayList<String>();
        if (value == null || value.isNull()) {
            return lines;
        }
        if (value.isArray()) {
            for (var item : value) {
                if (!item.asString().isBlank()) {
                    lines.add(item.asString().trim());
                }
            }
            return lines;
        }
        return CourseContent.outcomeLines(value.asString());
    }
}
