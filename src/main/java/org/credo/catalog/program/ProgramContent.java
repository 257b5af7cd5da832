package org.credo.catalog.program;

import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.catalog.ContentProblems;
import org.credo.catalog.course.Fields;
import org.credo.catalog.requirement.InvalidRequirement;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What one version of a program says. Learning outcomes are stored one per line. */
public record ProgramContent(
        String code,
        String name,
        ProgramType type,
        String level,
        BigDecimal credits,
        @Nullable String cipCode,
        @Nullable String timeToComplete,
        DeliveryMode deliveryMode,
        @Nullable BigDecimal tuitionAmount,
        @Nullable String tuitionCurrency,
        @Nullable String tuitionNote,
        String description,
        List<String> learningOutcomes,
        Requirement requirements,
        @Nullable UUID achievementLineageId) {

    /** CIP 2020 codes: two digits, a dot, four digits. */
    public static final Pattern CIP = Pattern.compile("\\d{2}\\.\\d{4}");

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,39}");

    public ProgramContent {
        learningOutcomes = List.copyOf(learningOutcomes);
    }

    /** The content as the proposal JSON (and API) shape. */
    public ObjectNode toJson() {
        var o = JsonNodeFactory.instance.objectNode();
        o.put("code", code);
        o.put("name", name);
        o.put("type", type.name());
        o.put("level", level);
        o.put("credits", credits);
        o.put("cipCode", cipCode);
        o.put("timeToComplete", timeToComplete);
        o.put("deliveryMode", deliveryMode.name());
        o.put("tuitionAmount", tuitionAmount);
        o.put("tuitionCurrency", tuitionCurrency);
        o.put("tuitionNote", tuitionNote);
        o.put("description", description);
        var list = o.putArray("learningOutcomes");
        learningOutcomes.forEach(list::add);
        o.set("requirements", RequirementJson.tree(requirements));
        o.put("achievementLineageId", achievementLineageId == null ? null : achievementLineageId.toString());
        return o;
    }

    /** Reads and checks the proposal JSON shape; throws a 400 naming every bad field. */
    public static ProgramContent fromJson(JsonNode node) {
        var problems = new ContentProblems();
        var code = Fields.text(node, "code").toUpperCase();
        if (!CODE.matcher(code).matches()) {
            problems.add("code", "must be 1 to 40 letters, digits, dots, dashes or underscores, such as BSC-CS");
        }
        var name = Fields.required(node, "name", 300, problems);
        var type = choice(ProgramType.class, Fields.text(node, "type"), "type", problems, ProgramType.CERTIFICATE);
        var level = Fields.required(node, "level", 60, problems);
        var credits = Fields.credits(node, "credits", problems);
        var cip = Fields.optional(node, "cipCode", 7, problems);
        if (cip != null && !CIP.matcher(cip).matches()) {
            problems.add(
                    "cipCode",
                    "\"" + cip + "\" is not a CIP code; write two digits, a dot and four digits, such as 11.0701");
        }
        var duration = Fields.optional(node, "timeToComplete", 20, problems);
        if (duration != null) {
            try {
                duration = duration.toUpperCase();
                if (Period.parse(duration).isNegative()
                        || Period.parse(duration).isZero()) {
                    problems.add("timeToComplete", "must be a positive ISO 8601 period such as P2Y or P16W");
                }
            } catch (DateTimeParseException e) {
                problems.add(
                        "timeToComplete", "\"" + duration + "\" is not an ISO 8601 period such as P2Y, P18M or P16W");
            }
        }
        var mode = choice(
                DeliveryMode.class,
                Fields.text(node, "deliveryMode"),
                "deliveryMode",
                problems,
                DeliveryMode.IN_PERSON);
        BigDecimal tuition = null;
        var tuitionText = Fields.text(node, "tuitionAmount");
        if (!tuitionText.isEmpty()) {
            try {
                tuition = new BigDecimal(tuitionText);
                if (tuition.signum() < 0 || tuition.scale() > 2) {
                    problems.add("tuitionAmount", "must be 0 or more, with at most two decimals");
                }
            } catch (NumberFormatException e) {
                problems.add("tuitionAmount", "must be an amount such as 4800.00");
            }
        }
        var currency = Fields.optional(node, "tuitionCurrency", 3, problems);
        if (currency != null) {
            currency = currency.toUpperCase();
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                problems.add("tuitionCurrency", "\"" + currency + "\" is not an ISO 4217 currency code such as USD");
            }
        }
        if (tuition != null && currency == null) {
            problems.add("tuitionCurrency", "is required with a tuition amount");
        }
        var note = Fields.optional(node, "tuitionNote", 1000, problems);
        var description = Fields.required(node, "description", 8000, problems);
        var outcomes = Fields.lines(node, "learningOutcomes");
        Requirement requirements = null;
        var req = node.get("requirements");
        if (req == null || req.isNull() || (req.isString() && req.asString().isBlank())) {
            problems.add("requirements", "are required: at least {\"type\":\"all\",\"items\":[...]}");
        } else {
            try {
                requirements = req.isString()
                        ? RequirementJson.parse(req.asString(), RequirementJson.Kind.PROGRAM)
                        : RequirementJson.parse(req, RequirementJson.Kind.PROGRAM);
            } catch (InvalidRequirement e) {
                e.problems().forEach(p -> problems.add("requirements", p));
            }
        }
        UUID achievement = null;
        var achievementText = Fields.text(node, "achievementLineageId");
        if (!achievementText.isEmpty()) {
            try {
                achievement = UUID.fromString(achievementText);
            } catch (IllegalArgumentException e) {
                problems.add("achievementLineageId", "must be the id of a published achievement");
            }
        }
        problems.throwIfAny();
        return new ProgramContent(
                code,
                name,
                type,
                level,
                credits,
                cip,
                duration,
                mode,
                tuition,
                currency,
                note,
                description,
                outcomes,
                requirements,
                achievement);
    }

    /** Field by field, for diffs: plain values or lists of lines. */
    public Map<String, Object> fields() {
        var f = new LinkedHashMap<String, Object>();
        f.put("Code", code);
        f.put("Name", name);
        f.put("Type", type.label());
        f.put("Level", level);
        f.put("Credits", credits.stripTrailingZeros().toPlainString());
        f.put("CIP code", cipCode == null ? "" : cipCode);
        f.put("Time to complete", timeToComplete == null ? "" : timeToComplete);
        f.put("Delivery mode", deliveryMode.label());
        f.put("Tuition", tuitionAmount == null ? "" : tuitionAmount.toPlainString() + " " + tuitionCurrency);
        f.put("Tuition note", tuitionNote == null ? "" : tuitionNote);
        f.put("Description", description);
        f.put("Learning outcomes", learningOutcomes);
        f.put("Requirements", requirements.lines());
        f.put("Awards achievement", achievementLineageId == null ? "" : achievementLineageId.toString());
        return f;
    }

    private static <E extends Enum<E>> E choice(
            Class<E> type, String value, String field, ContentProblems problems, E fallback) {
        var normalized = value.trim().toUpperCase().replace(' ', '_').replace('-', '_');
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        problems.add(
                field,
                (value.isBlank() ? "is required" : "\"" + value + "\" is not allowed") + "; use one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList()));
        return fallback;
    }
}
