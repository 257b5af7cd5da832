package org.credo.catalog.ctdl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks CTDL entities against Credential Engine's minimum data for publishing: what every credential,
 * learning program, course and organization must say, and reports what is missing or malformed.
 */
@Component
class CtdlValidator {

    static final Set<String> CREDENTIAL_TYPES = Set.copyOf(CtdlDocuments.CREDENTIAL_TYPES.values());

    /** The problems of one entity, empty when it meets the minimum. */
    List<String> problems(JsonNode entity) {
        var problems = new ArrayList<String>();
        var type = entity.path("@type").asString("");
        var ctid = entity.path("ceterms:ctid").asString("");
        if (ctid.isEmpty()) {
            problems.add("ceterms:ctid is missing");
        } else if (!CtdlIds.valid(ctid)) {
            problems.add("ceterms:ctid is not ce- followed by a lower-case UUID");
        }
        languageMap(entity, "ceterms:name", problems);
        languageMap(entity, "ceterms:description", problems);
        url(entity, "ceterms:subjectWebpage", problems);
        if (type.equals("ceterms:CredentialOrganization")) {
            return problems;
        }
        if (!nonEmptyArray(entity, "ceterms:ownedBy") && !nonEmptyArray(entity, "ceterms:offeredBy")) {
            problems.add("ceterms:ownedBy or ceterms:offeredBy is missing");
        }
        if (!nonEmptyArray(entity, "ceterms:inLanguage")) {
            problems.add("ceterms:inLanguage is missing");
        }
        if (CREDENTIAL_TYPES.contains(type) || type.equals("ceterms:Credential")) {
            concept(entity, "ceterms:credentialStatusType", "credentialStat:", problems);
        } else if (type.equals("ceterms:LearningProgram") || type.equals("ceterms:Course")) {
            concept(entity, "ceterms:lifeCycleStatusType", "lifeCycle:", problems);
        } else {
            problems.add("@type " + (type.isEmpty() ? "is missing" : type + " is not one this export makes"));
        }
        for (var condition : entity.path("ceterms:requires")) {
            if (!"ceterms:ConditionProfile".equals(condition.path("@type").asString(""))) {
                problems.add("ceterms:requires holds something other than a ceterms:ConditionProfile");
            }
        }
        return problems;
    }

    /** A report over every entity of a graph. */
    Report validate(JsonNode graph) {
        var items = new ArrayList<Item>();
        for (var entity : graph.path("@graph")) {
            items.add(new Item(
                    entity.path("@id").asString(""),
                    entity.path("@type").asString(""),
                    entity.path("ceterms:name").path(CtdlDocuments.LANGUAGE).asString(""),
                    problems(entity)));
        }
        return new Report(items.stream().allMatch(i -> i.problems().isEmpty()), items);
    }

    private static void languageMap(JsonNode entity, String property, List<String> problems) {
        var value = entity.path(property);
        if (value.isMissingNode() || value.isNull()) {
            problems.add(property + " is missing");
        } else if (!value.isObject() || value.isEmpty()) {
            problems.add(property + " must be a language map such as {\"en-US\": \"...\"}");
        } else {
            for (var language : value.propertyNames()) {
                if (value.path(language).asString("").isBlank()) {
                    problems.add(property + " is blank in " + language);
                }
            }
        }
    }

    private static void url(JsonNode entity, String property, List<String> problems) {
        var value = entity.path(property).asString("");
        if (value.isEmpty()) {
            problems.add(property + " is missing");
        } else if (!value.startsWith("https://") && !value.startsWith("http://")) {
            problems.add(property + " must be an http(s) URL");
        }
    }

    private static boolean nonEmptyArray(JsonNode entity, String property) {
        var value = entity.path(property);
        return value.isArray() && !value.isEmpty();
    }

    private static void concept(JsonNode entity, String property, String prefix, List<String> problems) {
        var target = entity.path(property).path("ceterms:targetNode").asString("");
        if (target.isEmpty()) {
            problems.add(property + " is missing");
        } else if (!target.startsWith(prefix)) {
            problems.add(property + " must name a " + prefix + " concept");
        }
    }

    /** The outcome over a graph. */
    record Report(boolean valid, List<Item> items) {}

    /** The outcome for one entity. */
    record Item(String id, String type, String name, List<String> problems) {}
}
