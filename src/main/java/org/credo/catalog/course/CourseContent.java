package org.credo.catalog.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credo.catalog.ContentProblems;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.InvalidRequirement;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What one version of a course says. Outcomes are stored one per line. */
public record CourseContent(
        CourseCode code,
        String title,
        BigDecimal credits,
        String description,
        List<String> outcomes,
        @Nullable Requirement prerequisites,
        @Nullable Requirement corequisites) {

    public CourseContent {
        outcomes = List.copyOf(outcomes);
    }

    /** The content as the proposal JSON (and API) shape. */
    public ObjectNode toJson() {
        var o = JsonNodeFactory.instance.objectNode();
        o.put("subject", code.subject());
        o.put("number", code.number());
        o.put("title", title);
        o.put("credits", credits);
        o.put("description", description);
        var list = o.putArray("outcomes");
        outcomes.forEach(list::add);
        o.set("prerequisites", prerequisites == null ? null : RequirementJson.tree(prerequisites));
        o.set("corequisites", corequisites == null ? null : RequirementJson.tree(corequisites));
        return o;
    }

    /** Reads and checks the proposal JSON shape; throws a 400 naming every bad field. */
    public static CourseContent fromJson(JsonNode node) {
        var problems = new ContentProblems();
        var subject = Fields.text(node, "subject");
        var number = Fields.text(node, "number");
        CourseCode code = null;
        try {
            code = new CourseCode(subject, number);
        } catch (IllegalArgumentException e) {
            problems.add(subject.isBlank() ? "subject" : "number", e.getMessage());
        }
        var title = Fields.required(node, "title", 300, problems);
        var credits = Fields.credits(node, "credits", problems);
        var description = Fields.required(node, "description", 8000, problems);
        var outcomes = Fields.lines(node, "outcomes");
        var prerequisites = rule(node, "prerequisites", problems);
        var corequisites = rule(node, "corequisites", problems);
        problems.throwIfAny();
        return new CourseContent(code, title, credits, description, outcomes, prerequisites, corequisites);
    }

    /** Field by field, for diffs: plain values or lists of lines. */
    public Map<String, Object> fields() {
        var f = new LinkedHashMap<String, Object>();
        f.put("Code", code.toString());
        f.put("Title", title);
        f.put("Credits", credits.stripTrailingZeros().toPlainString());
        f.put("Description", description);
        f.put("Outcomes", outcomes);
        f.put("Prerequisites", prerequisites == null ? List.of() : prerequisites.lines());
        f.put("Corequisites", corequisites == null ? List.of() : corequisites.lines());
        return f;
    }

    static @Nullable Requirement rule(JsonNode node, String field, ContentProblems problems) {
        var value = node.get(field);
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank())) {
            return null;
        }
        try {
            if (value.isString()) {
                return RequirementJson.parse(value.asString(), RequirementJson.Kind.PREREQUISITE);
            }
            return RequirementJson.parse(value, RequirementJson.Kind.PREREQUISITE);
        } catch (InvalidRequirement e) {
            e.problems().forEach(p -> problems.add(field, p));
            return null;
        }
    }

    /** Outcomes as stored: one per line. */
    public String outcomesText() {
        return String.join("\n", outcomes);
    }

    public static List<String> outcomeLines(String text) {
        var lines = new ArrayList<String>();
        for (var line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return lines;
    }
}
