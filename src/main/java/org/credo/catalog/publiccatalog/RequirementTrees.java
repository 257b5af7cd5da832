package org.credo.catalog.publiccatalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON rules of the catalog schema (program requirements, course prerequisites and
 * corequisites; shapes in V9__catalog.sql) into words people read. A rule this reader does not know
 * is shown as "Other requirement" rather than failing the page.
 */
@Component
public class RequirementTrees {

    private final JsonMapper json;

    RequirementTrees(JsonMapper json) {
        this.json = json;
    }

    /** A program's requirement tree as nested lines. */
    public Requirement requirements(String requirementsJson) {
        var root = parse(requirementsJson);
        return root == null ? new Requirement("No requirements are published.", null, null, List.of()) : node(root);
    }

    /** Every course code the requirement tree names, in order of appearance. */
    public Set<String> courseCodes(String requirementsJson) {
        var codes = new LinkedHashSet<String>();
        var root = parse(requirementsJson);
        if (root != null) {
            collectCodes(root, codes);
        }
        return codes;
    }

    /** The subjects of the courses a requirement tree names or counts. */
    Set<String> subjects(String requirementsJson) {
        var subjects = new LinkedHashSet<String>();
        var root = parse(requirementsJson);
        if (root != null) {
            collectSubjects(root, subjects);
        }
        return subjects;
    }

    /** A prerequisite or corequisite rule in words, e.g. "CS 101 (grade C or better) and (MATH 101 or MATH 102)". */
    public @Nullable Rule rule(@Nullable String ruleJson) {
        var root = ruleJson == null ? null : parse(ruleJson);
        if (root == null) {
            return null;
        }
        var codes = new LinkedHashSet<String>();
        collectCodes(root, codes);
        return new Rule(words(root, true), List.copyOf(codes));
    }

    private @Nullable JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            var node = json.readTree(text);
            return node == null || node.isNull() || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    private Requirement node(JsonNode node) {
        var type = node.path("type").asString("");
        var label = text(node, "label");
        switch (type) {
            case "all" -> {
                return new Requirement(prefix(label) + "Complete all of:", null, null, children(node));
            }
            case "any" -> {
                return new Requirement("Complete one of:", null, null, children(node));
            }
            case "choose" -> {
                int count = node.path("count").asInt(1);
                var items = children(node);
                var head = count >= items.size() ? "Complete all of:" : "Choose " + count + " of:";
                return new Requirement(prefix(label) + head, null, null, items);
            }
            case "course" -> {
                var code = text(node, "course");
                var grade = text(node, "minGrade");
                return new Requirement(
                        grade == null ? "" : "grade " + grade + " or better",
                        code == null ? "a course" : code,
                        grade,
                        List.of());
            }
            case "credits" -> {
                return new Requirement(prefix(label) + credits(node), null, null, List.of());
            }
            default -> {
                return new Requirement(prefix(label) + "Other requirement", null, null, List.of());
            }
        }
    }

    private List<Requirement> children(JsonNode node) {
        var list = new ArrayList<Requirement>();
        for (var item : node.path("items")) {
            list.add(node(item));
        }
        return list;
    }

    private static String credits(JsonNode node) {
        var minimum = node.path("minimum").isNumber()
                ? node.path("minimum").decimalValue().stripTrailingZeros().toPlainString()
                : "some";
        var sentence = new StringBuilder("At least " + minimum + " credits");
        var subjects = new ArrayList<String>();
        for (var subject : node.path("subjects")) {
            subjects.add(subject.asString());
        }
        if (!subjects.isEmpty()) {
            sentence.append(" in ").append(String.join(" or ", subjects)).append(" courses");
        }
        if (node.path("minNumber").isNumber()) {
            sentence.append(" numbered ").append(node.path("minNumber").asInt()).append(" or above");
        }
        var grade = text(node, "minGrade");
        if (grade != null) {
            sentence.append(", each with grade ").append(grade).append(" or better");
        }
        return sentence.toString();
    }

    private String words(JsonNode node, boolean top) {
        var type = node.path("type").asString("");
        if (type.equals("course")) {
            var code = text(node, "course");
            var grade = text(node, "minGrade");
            return (code == null ? "a course" : code) + (grade == null ? "" : " (grade " + grade + " or better)");
        }
        if (type.equals("all") || type.equals("any")) {
            var parts = new ArrayList<String>();
            for (var item : node.path("items")) {
                parts.add(words(item, false));
            }
            if (parts.isEmpty()) {
                return "none";
            }
            var joined = String.join(type.equals("all") ? " and " : " or ", parts);
            return top || parts.size() == 1 ? joined : "(" + joined + ")";
        }
        return "another requirement";
    }

    private static void collectCodes(JsonNode node, Set<String> codes) {
        if ("course".equals(node.path("type").asString("")) && text(node, "course") != null) {
            codes.add(text(node, "course"));
        }
        for (var item : node.path("items")) {
            collectCodes(item, codes);
        }
    }

    private static void collectSubjects(JsonNode node, Set<String> subjects) {
        var code = text(node, "course");
        if ("course".equals(node.path("type").asString("")) && code != null && code.contains(" ")) {
            subjects.add(code.substring(0, code.indexOf(' ')).toUpperCase(Locale.ROOT));
        }
        for (var subject : node.path("subjects")) {
            subjects.add(subject.asString().toUpperCase(Locale.ROOT));
        }
        for (var item : node.path("items")) {
            collectSubjects(item, subjects);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() && !value.asString().isBlank()
                ? value.asString().trim()
                : null;
    }

    private static String prefix(@Nullable String label) {
        return label == null ? "" : label + ": ";
    }

    /**
     * One line of a requirement tree: its words, the course it names (if it is a course), and its
     * sub-requirements.
     */
    public record Requirement(
            String text, @Nullable String course, @Nullable String minGrade, List<Requirement> items) {

        /** The tree as indented plain text lines, for brochures and CTDL descriptions. */
        public List<String> lines() {
            var out = new ArrayList<String>();
            write(out, 0);
            return out;
        }

        private void write(List<String> out, int depth) {
            var line = course == null ? text : course + (text.isEmpty() ? "" : " (" + text + ")");
            out.add("  ".repeat(depth) + (depth == 0 ? "" : "• ") + line);
            for (var item : items) {
                item.write(out, depth + 1);
            }
        }
    }

    /** A prerequisite or corequisite rule in words, with the course codes it names. */
    public record Rule(String words, List<String> courses) {}
}
