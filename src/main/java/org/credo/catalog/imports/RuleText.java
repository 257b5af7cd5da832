package org.credo.catalog.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Grades;
import org.credo.catalog.requirement.InvalidRequirement;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;

/**
 * A rule in a CSV cell: the documented JSON shape, or a short text — 'DATA 101 min C, DATA 201' (all
 * of them) or 'MATH 110 or MATH 120 min B' (any one, prerequisites only).
 */
final class RuleText {

    private static final Pattern ITEM = Pattern.compile("(?i)\\s*(.+?)(?:\\s+min\\s+(\\S+))?\\s*");

    private RuleText() {}

    static Requirement parse(String text, RequirementJson.Kind kind) {
        var t = text.trim();
        if (t.startsWith("{")) {
            return RequirementJson.parse(t, kind);
        }
        boolean any = t.toLowerCase().contains(" or ");
        if (any && kind == RequirementJson.Kind.PROGRAM) {
            throw new InvalidRequirement(List.of(
                    "\"or\" is for prerequisites; write program choices as JSON " + "{\"type\":\"choose\",...}"));
        }
        var parts = t.split(any ? "(?i)\\s+or\\s+" : "\\s*,\\s*|(?i)\\s+and\\s+");
        var items = new ArrayList<Requirement>();
        var problems = new ArrayList<String>();
        for (var part : parts) {
            var m = ITEM.matcher(part);
            if (!m.matches()) {
                problems.add("\"" + CsvTable.safe(part.trim()) + "\" is not a course such as \"CS 101 min C\"");
                continue;
            }
            var code = CourseCode.parse(m.group(1));
            if (code.isEmpty()) {
                problems.add("\"" + CsvTable.safe(m.group(1).trim()) + "\" is not a course code such as \"CS 101\"");
                continue;
            }
            String grade = null;
            if (m.group(2) != null) {
                var g = Grades.parse(m.group(2));
                if (g.isEmpty()) {
                    problems.add("minimum grade \"" + CsvTable.safe(m.group(2)) + "\" is not on the scale "
                            + String.join(" ", Grades.SCALE));
                    continue;
                }
                grade = g.get();
            }
            items.add(new Requirement.Course(code.get(), grade));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequirement(problems);
        }
        if (items.size() == 1 && kind == RequirementJson.Kind.PREREQUISITE) {
            return items.get(0);
        }
        return any ? new Requirement.AnyOf(items) : new Requirement.AllOf(null, items, false);
    }
}
