package org.credo.catalog.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.credo.platform.json.JsonLimits;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes rules in the JSON shape documented in V9__catalog.sql, reporting every problem
 * of a rule at once with where it is ('items[2].count').
 */
public final class RequirementJson {

    /** Which types a rule may use. */
    public enum Kind {
        /** Prerequisites and corequisites: course, all, any. */
        PREREQUISITE(Set.of("course", "all", "any")),
        /** Program requirements: all, choose, course, credits. */
        PROGRAM(Set.of("all", "choose", "course", "credits"));

        private final Set<String> types;

        Kind(Set<String> types) {
            this.types = types;
        }
    }

    private static final JsonMapper JSON = JsonLimits.jsonMapperBuilder().build();

    private RequirementJson() {}

    /** Parses and checks a rule; throws {@link InvalidRequirement} naming every problem. */
    public static Requirement parse(String text, Kind kind) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidRequirement(List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        return parse(node, kind);
    }

    /** Parses and checks a rule already read as JSON. */
    public static Requirement parse(JsonNode node, Kind kind) {
        var problems = new ArrayList<String>();
        var rule = read(node, kind, "", problems);
        if (!problems.isEmpty() || rule == null) {
            throw new InvalidRequirement(problems.isEmpty() ? List.of("the rule is empty") : problems);
        }
        return rule;
    }

    /** The rule as a JSON tree. */
    public static ObjectNode tree(Requirement rule) {
        var f = JsonNodeFactory.instance;
        var o = f.objectNode();
        if (rule instanceof Requirement.AllOf a) {
            o.put("type", "all");
            if (a.label() != null) {
                o.put("label", a.label());
            }
            o.set("items", items(a.items()));
            o.put("allowSharing", a.allowSharing());
        } else if (rule instanceof Requirement.AnyOf a) {
            o.put("type", "any");
            o.set("items", items(a.items()));
        } else if (rule instanceof Requirement.Choose c) {
            o.put("type", "choose");
            if (c.label() != null) {
                o.put("label", c.label());
            }
            o.put("count", c.count());
            o.set("items", items(c.items()));
        } else if (rule instanceof Requirement.Course c) {
            o.put("type", "course");
            o.put("course", c.course().toString());
            if (c.minGrade() != null) {
                o.put("minGrade", c.minGrade());
            }
        } else if (rule instanceof Requirement.CreditMinimum c) {
            o.put("type", "credits");
            if (c.label() != null) {
                o.put("label", c.label());
            }
            o.put("minimum", c.minimum());
            if (!c.subjects().isEmpty()) {
                var subjects = o.putArray("subjects");
                c.subjects().forEach(subjects::add);
            }
            if (c.minNumber() != null) {
                o.put("minNumber", c.minNumber());
            }
            if (c.minGrade() != null) {
                o.put("minGrade", c.minGrade());
            }
        }
        return o;
    }

    /** The rule as compact JSON text, as stored. */
    public static String write(Requirement rule) {
        return JSON.writeValueAsString(tree(rule));
    }

    /** The rule as indented JSON, for a person to edit. */
    public static String pretty(Requirement rule) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(rule));
    }

    private static ArrayNode items(List<Requirement> items) {
        var array = JsonNodeFactory.instance.arrayNode();
        items.forEach(i -> array.add(tree(i)));
        return array;
    }

    private static @Nullable Requirement read(JsonNode node, Kind kind, String at, List<String> problems) {
        var where = at.isEmpty() ? "the rule" : at;
        if (!node.isObject()) {
            problems.add(where + " must be an object with a \"type\"");
            return null;
        }
        var type = text(node, "type");
        if (type == null || !kind.types.contains(type)) {
            problems.add(where + ": type must be one of "
                    + String.join(", ", kind.types.stream().sorted().toList())
                    + (type == null ? "" : " (not \"" + type + "\")"));
            return null;
        }
        return switch (type) {
            case "course" -> course(node, where, problems);
            case "credits" -> credits(node, where, problems);
            default -> group(node, type, kind, at, where, problems);
        };
    }

    private static @Nullable Requirement group(
            JsonNode node, String type, Kind kind, String at, String where, List<String> problems) {
        var itemsNode = node.get("items");
        if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty()) {
            problems.add(where + ": \"" + type + "\" needs a non-empty list of items");
            return null;
        }
        var items = new ArrayList<Requirement>();
        for (int i = 0; i < itemsNode.size(); i++) {
            var item = read(itemsNode.get(i), kind, (at.isEmpty() ? "" : at + ".") + "items[" + i + "]", problems);
            if (item != null) {
                items.add(item);
            }
        }
        var label = text(node, "label");
        return switch (type) {
            case "all" ->
                new Requirement.AllOf(
                        label,
                        items,
                        node.has("allowSharing") && node.get("allowSharing").asBoolean());
            case "any" -> new Requirement.AnyOf(items);
            default -> {
                var countNode = node.get("count");
                if (countNode == null || !countNode.isIntegralNumber()) {
                    problems.add(where + ": \"choose\" needs a whole-number count");
                    yield null;
                }
                int count = countNode.asInt();
                if (count < 1) {
                    problems.add(where + ": choose count must be at least 1 (it is " + count + ")");
                } else if (count > itemsNode.size()) {
                    problems.add(
                            where + ": choose " + count + " of only " + itemsNode.size() + " items can never be met");
                }
                yield new Requirement.Choose(label, count, items);
            }
        };
    }

    private static @Nullable Requirement course(JsonNode node, String where, List<String> problems) {
        var code = text(node, "course");
        if (code == null) {
            problems.add(where + ": a course rule needs \"course\", such as \"CS 101\"");
            return null;
        }
        var parsed = CourseCode.parse(code);
        if (parsed.isEmpty()) {
            problems.add(where + ": \"" + code + "\" is not a course code such as \"CS 101\"");
            return null;
        }
        return new Requirement.Course(parsed.get(), grade(node, where, problems));
    }

    private static @Nullable Requirement credits(JsonNode node, String where, List<String> problems) {
        var minimumNode = node.get("minimum");
        if (minimumNode == null || !minimumNode.isNumber()) {
            problems.add(where + ": a credits rule needs a numeric \"minimum\"");
            return null;
        }
        var minimum = minimumNode.decimalValue();
        if (minimum.signum() < 0) {
            problems.add(where + ": credits cannot be negative (" + minimum.toPlainString() + ")");
        } else if (minimum.signum() == 0) {
            problems.add(where + ": a credit minimum must be more than 0");
        }
        var subjects = new ArrayList<String>();
        var subjectsNode = node.get("subjects");
        if (subjectsNode != null && subjectsNode.isArray()) {
            for (var s : subjectsNode) {
                var subject = s.asString().trim().toUpperCase();
                if (!subject.matches("[A-Z][A-Z0-9]{0,11}")) {
                    problems.add(where + ": \"" + s.asString() + "\" is not a subject such as \"CS\"");
                } else {
                    subjects.add(subject);
                }
            }
        } else if (subjectsNode != null && !subjectsNode.isNull()) {
            problems.add(where + ": subjects must be a list such as [\"CS\", \"MATH\"]");
        }
        Integer minNumber = null;
        var minNumberNode = node.get("minNumber");
        if (minNumberNode != null && !minNumberNode.isNull()) {
            if (!minNumberNode.isIntegralNumber() || minNumberNode.asInt() < 0) {
                problems.add(where + ": minNumber must be a whole number such as 300");
            } else {
                minNumber = minNumberNode.asInt();
            }
        }
        return new Requirement.CreditMinimum(
                text(node, "label"), minimum, subjects, minNumber, grade(node, where, problems));
    }

    private static @Nullable String grade(JsonNode node, String where, List<String> problems) {
        var grade = text(node, "minGrade");
        if (grade == null) {
            return null;
        }
        var parsed = Grades.parse(grade);
        if (parsed.isEmpty()) {
            problems.add(where + ": minimum grade \"" + grade + "\" is not one of " + String.join(" ", Grades.SCALE));
            return null;
        }
        return parsed.get();
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        var s = value.asString().trim();
        return s.isEmpty() ? null : s;
    }
}
