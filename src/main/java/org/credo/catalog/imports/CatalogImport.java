package org.credo.catalog.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.catalog.CatalogImported;
import org.credo.catalog.course.CourseContent;
import org.credo.catalog.course.Courses;
import org.credo.catalog.program.ProgramContent;
import org.credo.catalog.program.Programs;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.InvalidRequirement;
import org.credo.catalog.requirement.RequirementJson;
import org.credo.catalog.requirement.RuleChecks;
import org.credo.credentials.AchievementDefinitions;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The initial load of an existing catalog from one CSV file, a row per course or program. Every bad
 * row is reported with its number and reason; a file with any error applies nothing. A clean file
 * publishes each row as version 1, effective from its date.
 */
@Service
public class CatalogImport {

    /** The columns a file may have; kind, code and title are required. */
    public static final List<String> COLUMNS = List.of(
            "kind",
            "code",
            "title",
            "credits",
            "description",
            "outcomes",
            "prerequisites",
            "corequisites",
            "requirements",
            "type",
            "level",
            "cip_code",
            "time_to_complete",
            "delivery_mode",
            "tuition_amount",
            "tuition_currency",
            "tuition_note",
            "achievement",
            "effective_from");

    /** A bad row: its number in the file (the header is row 1) and what is wrong. */
    public record RowError(int row, String message) {}

    /** What an import did, or why it did nothing. */
    public record Result(boolean applied, int courses, int programs, List<RowError> errors) {}

    private static final Pattern QUOTED_FORMULA = Pattern.compile("\"([=+\\-@\\t\\r])");

    private final Courses courses;
    private final Programs programs;
    private final AchievementDefinitions achievements;
    private final ApplicationEventPublisher events;

    CatalogImport(
            Courses courses, Programs programs, AchievementDefinitions achievements, ApplicationEventPublisher events) {
        this.courses = courses;
        this.programs = programs;
        this.achievements = achievements;
        this.events = events;
    }

    /** Checks the whole file, then applies it in one transaction only if no row has an error. */
    @Transactional
    public Result load(CredoUser user, String fileName, byte[] bytes) {
        var org = user.organizationId();
        var table = CsvTable.read(bytes);
        var errors = new ArrayList<RowError>();
        if (table.isEmpty()) {
            throw ProblemException.badRequest(
                    "Empty file",
                    "The file has no header row; the first row names the columns: " + String.join(",", COLUMNS) + ".");
        }
        var header = table.get(0).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .toList();
        for (var column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new RowError(
                        1,
                        "unknown column \"" + CsvTable.safe(column) + "\"; the columns are "
                                + String.join(", ", COLUMNS)));
            }
        }
        for (var required : List.of("kind", "code", "title")) {
            if (!header.contains(required)) {
                errors.add(new RowError(1, "the column \"" + required + "\" is missing"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(false, 0, 0, errors);
        }
        var existingCourses = courses.activeCodes(org);
        var allCourses = new HashSet<CourseCode>();
        courses.allLatest(org).forEach(v -> allCourses.add(v.content().code()));
        var existingPrograms = new HashSet<String>();
        programs.allLatest(org).forEach(v -> existingPrograms.add(v.content().code()));

        var courseRows = new LinkedHashMap<Integer, CourseContent>();
        var programRows = new LinkedHashMap<Integer, ProgramContent>();
        var dates = new HashMap<Integer, LocalDate>();
        var seen = new HashMap<String, Integer>();
        for (int i = 1; i < table.size(); i++) {
            int rowNumber = i + 1;
            var cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            var row = new HashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c).trim() : "");
            }
            if (cells.size() > header.size()) {
                errors.add(new RowError(
                        rowNumber, "has " + cells.size() + " cells but the header names " + header.size()));
                continue;
            }
            var kind = row.get("kind").toUpperCase(Locale.ROOT);
            var problems = new ArrayList<String>();
            try {
                dates.put(rowNumber, date(row.getOrDefault("effective_from", "")));
            } catch (DateTimeParseException e) {
                problems.add("effective_from: \"" + CsvTable.safe(row.get("effective_from"))
                        + "\" is not a date such as 2026-09-01");
            }
            switch (kind) {
                case "COURSE" -> {
                    var content = course(row, problems);
                    if (content != null) {
                        var key = "COURSE:" + content.code();
                        if (seen.containsKey(key)) {
                            problems.add("duplicate: " + content.code() + " is also on row " + seen.get(key));
                        } else if (allCourses.contains(content.code())) {
                            problems.add("duplicate: " + content.code()
                                    + " is already in the catalog; change it through a proposal");
                        } else {
                            seen.put(key, rowNumber);
                            courseRows.put(rowNumber, content);
                        }
                    }
                }
                case "PROGRAM" -> {
                    var content = program(org, row, problems);
                    if (content != null) {
                        var key = "PROGRAM:" + content.code();
                        if (seen.containsKey(key)) {
                            problems.add("duplicate: " + content.code() + " is also on row " + seen.get(key));
                        } else if (existingPrograms.contains(content.code())) {
                            problems.add("duplicate: " + content.code()
                                    + " is already in the catalog; change it through a proposal");
                        } else {
                            seen.put(key, rowNumber);
                            programRows.put(rowNumber, content);
                        }
                    }
                }
                default ->
                    problems.add("kind must be COURSE or PROGRAM, not \"" + CsvTable.safe(row.get("kind")) + "\"");
            }
            problems.forEach(p -> errors.add(new RowError(rowNumber, p)));
        }

        // Cross-row checks: rules may name courses of the catalog or of this file, and must not loop.
        var known = new HashSet<>(existingCourses);
        courseRows.values().forEach(c -> known.add(c.code()));
        var graph = new HashMap<>(courses.prerequisiteGraph(org));
        courseRows.values().forEach(c -> graph.put(c.code(), Courses.requires(c)));
        for (var entry : courseRows.entrySet()) {
            var c = entry.getValue();
            for (var rule : List.of(
                    c.prerequisites() == null
                            ? List.<CourseCode>of()
                            : RuleChecks.unknownCourses(c.prerequisites(), known),
                    c.corequisites() == null
                            ? List.<CourseCode>of()
                            : RuleChecks.unknownCourses(c.corequisites(), known))) {
                rule.forEach(u -> errors.add(new RowError(
                        entry.getKey(), "unknown course " + u + ": it is neither in the catalog nor in this file")));
            }
            RuleChecks.cycleThrough(c.code(), graph)
                    .ifPresent(cycle -> errors.add(new RowError(entry.getKey(), "circular prerequisites: " + cycle)));
        }
        for (var entry : programRows.entrySet()) {
            RuleChecks.unknownCourses(entry.getValue().requirements(), known)
                    .forEach(u -> errors.add(new RowError(
                            entry.getKey(),
                            "unknown course " + u
                                    + " in requirements: it is neither in the catalog nor in this file")));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            return new Result(
                    false,
                    0,
                    0,
                    errors.stream()
                            .map(e -> new RowError(
                                    e.row(), QUOTED_FORMULA.matcher(e.message()).replaceAll("\"'$1")))
                            .toList());
        }
        courseRows.forEach((row, c) -> courses.publish(org, c, dates.get(row), false, null, user.personId()));
        programRows.forEach((row, p) -> programs.publish(org, p, dates.get(row), false, null, user.personId()));
        events.publishEvent(new CatalogImported(
                ChangeStamp.now(org),
                UUID.randomUUID(),
                fileName.isBlank() ? "upload.csv" : fileName,
                courseRows.size(),
                programRows.size()));
        return new Result(true, courseRows.size(), programRows.size(), List.of());
    }

    private static CourseContent course(Map<String, String> row, List<String> problems) {
        var code = CourseCode.parse(row.get("code"));
        if (code.isEmpty()) {
            problems.add("code: \"" + CsvTable.safe(row.get("code")) + "\" is not a course code such as \"CS 101\"");
            return null;
        }
        var node = JsonNodeFactory.instance.objectNode();
        node.put("subject", code.get().subject());
        node.put("number", code.get().number());
        node.put("title", row.get("title"));
        node.put("credits", row.getOrDefault("credits", ""));
        node.put("description", row.getOrDefault("description", ""));
        lines(node, "outcomes", row.getOrDefault("outcomes", ""));
        if (!rule(
                        node,
                        "prerequisites",
                        row.getOrDefault("prerequisites", ""),
                        RequirementJson.Kind.PREREQUISITE,
                        problems)
                | !rule(
                        node,
                        "corequisites",
                        row.getOrDefault("corequisites", ""),
                        RequirementJson.Kind.PREREQUISITE,
                        problems)) {
            return null;
        }
        try {
            return CourseContent.fromJson(node);
        } catch (ProblemException e) {
            problems.addAll(messages(e));
            return null;
        }
    }

    private ProgramContent program(UUID org, Map<String, String> row, List<String> problems) {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("code", row.get("code"));
        node.put("name", row.get("title"));
        node.put("type", row.getOrDefault("type", ""));
        node.put("level", row.getOrDefault("level", ""));
        node.put("credits", row.getOrDefault("credits", ""));
        node.put("cipCode", row.getOrDefault("cip_code", ""));
        node.put("timeToComplete", row.getOrDefault("time_to_complete", ""));
        node.put("deliveryMode", row.getOrDefault("delivery_mode", ""));
        node.put("tuitionAmount", row.getOrDefault("tuition_amount", ""));
        node.put("tuitionCurrency", row.getOrDefault("tuition_currency", ""));
        node.put("tuitionNote", row.getOrDefault("tuition_note", ""));
        node.put("description", row.getOrDefault("description", ""));
        lines(node, "learningOutcomes", row.getOrDefault("outcomes", ""));
        var achievement = row.getOrDefault("achievement", "");
        if (!achievement.isBlank()) {
            var match = achievements.published(org).stream()
                    .filter(a -> a.name().equalsIgnoreCase(achievement)
                            || a.lineageId().toString().equals(achievement))
                    .findFirst();
            if (match.isEmpty()) {
                problems.add("achievement: \"" + CsvTable.safe(achievement) + "\" is not a published achievement");
                return null;
            }
            node.put("achievementLineageId", match.get().lineageId().toString());
        }
        if (!rule(node, "requirements", row.getOrDefault("requirements", ""), RequirementJson.Kind.PROGRAM, problems)) {
            return null;
        }
        try {
            return ProgramContent.fromJson(node);
        } catch (ProblemException e) {
            problems.addAll(messages(e));
            return null;
        }
    }

    private static boolean rule(
            ObjectNode node, String field, String text, RequirementJson.Kind kind, List<String> problems) {
        if (text.isBlank()) {
            return true;
        }
        try {
            node.set(field, RequirementJson.tree(RuleText.parse(text, kind)));
            return true;
        } catch (InvalidRequirement e) {
            e.problems().forEach(p -> problems.add(field + ": " + p));
            return false;
        }
    }

    private static void lines(ObjectNode node, String field, String text) {
        var array = node.putArray(field);
        for (var line : text.split("\\|")) {
            if (!line.isBlank()) {
                array.add(line.trim());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(ProblemException e) {
        var errors = e.properties().get("errors");
        if (errors instanceof List<?> list) {
            return list.stream()
                    .map(x -> ((Map<String, Object>) x).get("field") + ": " + ((Map<String, Object>) x).get("message"))
                    .toList();
        }
        return List.of(e.getMessage());
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? LocalDate.now() : LocalDate.parse(text.trim());
    }
}
