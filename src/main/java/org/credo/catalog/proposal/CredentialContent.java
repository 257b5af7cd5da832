package org.credo.catalog.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.credo.catalog.ContentProblems;
import org.credo.catalog.course.Fields;
import org.credo.credentials.AchievementDefinitions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What a credential proposal says about the achievement it defines. */
public record CredentialContent(
        String name,
        String description,
        String criteriaNarrative,
        String achievementType,
        @Nullable BigDecimal creditsAvailable,
        @Nullable String fieldOfStudy) {

    static CredentialContent of(AchievementDefinitions.Definition d) {
        return new CredentialContent(
                d.name(),
                d.description(),
                d.criteriaNarrative(),
                d.achievementType(),
                d.creditsAvailable(),
                d.fieldOfStudy());
    }

    AchievementDefinitions.DefinitionContent definition() {
        return new AchievementDefinitions.DefinitionContent(
                name, description, criteriaNarrative, achievementType, creditsAvailable, fieldOfStudy);
    }

    public ObjectNode toJson() {
        var o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.put("description", description);
        o.put("criteriaNarrative", criteriaNarrative);
        o.put("achievementType", achievementType);
        o.put("creditsAvailable", creditsAvailable);
        o.put("fieldOfStudy", fieldOfStudy);
        return o;
    }

    /** Reads and checks the proposal JSON shape; throws a 400 naming every bad field. */
    public static CredentialContent fromJson(JsonNode node) {
        var problems = new ContentProblems();
        var name = Fields.required(node, "name", 300, problems);
        var description = Fields.required(node, "description", 4000, problems);
        var criteria = Fields.required(node, "criteriaNarrative", 4000, problems);
        var type = Fields.text(node, "achievementType");
        var types = AchievementDefinitions.types();
        var matched = types.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst();
        if (matched.isEmpty()) {
            problems.add(
                    "achievementType",
                    (type.isEmpty() ? "is required" : "\"" + type + "\" is not an Open Badges type")
                            + "; use one such as Certificate, Badge, Degree or MicroCredential");
        }
        BigDecimal credits = null;
        if (!Fields.text(node, "creditsAvailable").isEmpty()) {
            credits = Fields.credits(node, "creditsAvailable", problems);
        }
        var field = Fields.optional(node, "fieldOfStudy", 200, problems);
        problems.throwIfAny();
        return new CredentialContent(name, description, criteria, matched.orElseThrow(), credits, field);
    }

    public Map<String, Object> fields() {
        var f = new LinkedHashMap<String, Object>();
        f.put("Name", name);
        f.put("Description", description);
        f.put("Criteria", criteriaNarrative);
        f.put("Achievement type", achievementType);
        f.put(
                "Credits available",
                creditsAvailable == null
                        ? ""
                        : creditsAvailable.stripTrailingZeros().toPlainString());
        f.put("Field of study", fieldOfStudy == null ? "" : fieldOfStudy);
        return f;
    }
}
