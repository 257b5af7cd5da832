package org.credo.catalog.ctdl;

import java.util.List;
import java.util.Map;
import org.credo.catalog.publiccatalog.CatalogOrganizations;
import org.credo.catalog.publiccatalog.CatalogReader;
import org.credo.catalog.publiccatalog.PublishedCourse;
import org.credo.catalog.publiccatalog.PublishedProgram;
import org.credo.catalog.publiccatalog.RequirementTrees;
import org.credo.credentials.AwardedAchievements;
import org.credo.platform.OrganizationSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credential Engine CTDL (JSON-LD) for the current published programs, courses and the credentials
 * programs award, and for their organization. Each entity's {@code @id} is the public URL of its own
 * CTDL document; retired items stay in the export as ceased or deprecated.
 */
@Component
class CtdlDocuments {

    static final String CONTEXT = "https://credreg.net/ctdl/schema/context/json";
    static final String LANGUAGE = "en-US";

    /** The CTDL credential class of each program type. */
    static final Map<String, String> CREDENTIAL_TYPES = Map.of(
            "DEGREE", "ceterms:Degree",
            "DIPLOMA", "ceterms:Diploma",
            "CERTIFICATE", "ceterms:Certificate",
            "MICRO_CREDENTIAL", "ceterms:MicroCredential",
            "LICENSE", "ceterms:License",
            "COURSE_BADGE", "ceterms:Badge");

    private static final Map<String, String> DELIVERY = Map.of(
            "IN_PERSON", "deliveryType:InPerson",
            "ONLINE", "deliveryType:OnlineOnly",
            "HYBRID", "deliveryType:BlendedDelivery");

    private final JsonMapper json;
    private final CatalogOrganizations urls;
    private final CatalogReader reader;
    private final RequirementTrees trees;
    private final AwardedAchievements achievements;

    CtdlDocuments(
            JsonMapper json,
            CatalogOrganizations urls,
            CatalogReader reader,
            RequirementTrees trees,
            AwardedAchievements achievements) {
        this.json = json;
        this.urls = urls;
        this.reader = reader;
        this.trees = trees;
        this.achievements = achievements;
    }

    /** The organization as a {@code ceterms:CredentialOrganization}. */
    ObjectNode organization(OrganizationSummary organization) {
        var node = entity("ceterms:CredentialOrganization", organizationId(organization));
        node.put("ceterms:ctid", CtdlIds.ctid("organization", organization.id()));
        node.set("ceterms:name", text(organization.name()));
        node.set(
                "ceterms:description",
                text(organization.name() + " offers the programs, courses and credentials of its catalog."));
        node.put(
                "ceterms:subjectWebpage",
                organization.website() == null ? urls.absolute(urls.basePath(organization)) : organization.website());
        if (organization.contactEmail() != null) {
            node.putArray("ceterms:email").add(organization.contactEmail());
        }
        return node;
    }

    /** A program as a {@code ceterms:LearningProgram}. */
    ObjectNode program(OrganizationSummary organization, PublishedProgram program) {
        var today = urls.today(organization);
        var node = entity("ceterms:LearningProgram", programId(organization, program));
        node.put("ceterms:ctid", CtdlIds.ctid("program", program.programId()));
        node.set("ceterms:name", text(program.name()));
        node.set("ceterms:description", text(program.description()));
        node.put("ceterms:subjectWebpage", urls.absolute(urls.programPath(organization, program.code())));
        owners(node, organization);
        node.putArray("ceterms:inLanguage").add(LANGUAGE);
        node.set(
                "ceterms:lifeCycleStatusType",
                concept(
                        "https://credreg.net/ctdl/terms/LifeCycleStatus",
                        program.retired() ? "lifeCycle:Ceased" : "lifeCycle:Active",
                        program.retired() ? "Ceased" : "Active"));
        node.put("ceterms:codedNotation", program.code());
        node.put("ceterms:dateEffective", program.effectiveFrom().toString());
        var delivery = DELIVERY.get(program.deliveryMode());
        if (delivery != null) {
            node.putArray("ceterms:deliveryType")
                    .add(concept("https://credreg.net/ctdl/terms/Delivery", delivery, program.deliveryModeLabel()));
        }
        if (program.timeToComplete() != null) {
            var duration = node.putArray("ceterms:estimatedDuration").addObject();
            duration.put("@type", "ceterms:DurationProfile");
            duration.put("ceterms:exactDuration", program.timeToComplete());
        }
        credits(node, program.credits());
        if (program.tuitionAmount() != null && program.tuitionCurrency() != null) {
            var cost = node.putArray("ceterms:estimatedCost").addObject();
            cost.put("@type", "ceterms:CostProfile");
            cost.set("ceterms:description", text(program.tuitionNote() == null ? "Tuition" : program.tuitionNote()));
            cost.put("ceterms:costDetails", urls.absolute(urls.programPath(organization, program.code())));
            cost.put("ceterms:currency", program.tuitionCurrency());
            cost.put("ceterms:price", program.tuitionAmount());
            cost.putArray("ceterms:directCostType")
                    .add(concept("https://credreg.net/ctdl/terms/CostType", "costType:Tuition", "Tuition"));
        }
        if (program.cipCode() != null) {
            var cip = node.putArray("ceterms:instructionalProgramType").addObject();
            cip.put("@type", "ceterms:CredentialAlignmentObject");
            cip.put("ceterms:framework", "https://nces.ed.gov/ipeds/cipcode/");
            cip.set("ceterms:frameworkName", text("Classification of Instructional Programs"));
            cip.put("ceterms:codedNotation", program.cipCode());
        }
        var requirement = trees.requirements(program.requirements());
        var courses = reader.coursesByCode(organization.id(), trees.courseCodes(program.requirements()), today);
        var condition = condition("Program requirements", requirement.lines());
        if (!courses.isEmpty()) {
            var targets = condition.putArray("ceterms:targetLearningOpportunity");
            courses.values().forEach(course -> targets.add(courseId(organization, course)));
            var parts = node.putArray("ceterms:hasPart");
            courses.values().forEach(course -> parts.add(courseId(organization, course)));
        }
        node.putArray("ceterms:requires").add(condition);
        var outcomes = program.outcomes();
        if (!outcomes.isEmpty()) {
            var teaches = node.putArray("ceterms:teaches");
            for (var outcome : outcomes) {
                var competency = teaches.addObject();
                competency.put("@type", "ceterms:CredentialAlignmentObject");
                competency.set("ceterms:targetNodeName", text(outcome));
            }
        }
        var credential = node.putArray("ceterms:isRequiredFor").addObject();
        credential.put("@type", "ceterms:ConditionProfile");
        credential.set("ceterms:description", text("Completing this program earns its credential."));
        credential.putArray("ceterms:targetCredential").add(credentialId(organization, program));
        return node;
    }

    /** The credential a program awards: its achievement when it names one, otherwise the program's own. */
    ObjectNode credential(OrganizationSummary organization, PublishedProgram program) {
        var achievement = program.achievementLineageId() == null
                ? null
                : achievements
                        .published(organization.id(), program.achievementLineageId())
                        .orElse(null);
        var type = CREDENTIAL_TYPES.getOrDefault(program.programType(), "ceterms:Credential");
        var node = entity(type, credentialId(organization, program));
        node.put("ceterms:ctid", credentialCtid(program));
        node.set("ceterms:name", text(achievement == null ? program.name() : achievement.name()));
        node.set("ceterms:description", text(achievement == null ? program.description() : achievement.description()));
        node.put("ceterms:subjectWebpage", urls.absolute(urls.programPath(organization, program.code())));
        owners(node, organization);
        node.putArray("ceterms:inLanguage").add(LANGUAGE);
        node.set(
                "ceterms:credentialStatusType",
                concept(
                        "https://credreg.net/ctdl/terms/CredentialStatus",
                        program.retired() ? "credentialStat:Deprecated" : "credentialStat:Active",
                        program.retired() ? "Deprecated" : "Active"));
        if (achievement != null) {
            node.putArray("ceterms:sameAs").add(urls.absolute("/achievements/" + achievement.id()));
        }
        var condition = condition(
                "Complete " + program.name(),
                trees.requirements(program.requirements()).lines());
        condition.putArray("ceterms:targetLearningOpportunity").add(programId(organization, program));
        credits(condition, program.credits());
        node.putArray("ceterms:requires").add(condition);
        return node;
    }

    /** A course as a {@code ceterms:Course}. */
    ObjectNode course(OrganizationSummary organization, PublishedCourse course) {
        var today = urls.today(organization);
        var node = entity("ceterms:Course", courseId(organization, course));
        node.put("ceterms:ctid", CtdlIds.ctid("course", course.courseId()));
        node.set("ceterms:name", text(course.title()));
        node.set("ceterms:description", text(course.description()));
        node.put(
                "ceterms:subjectWebpage",
                urls.absolute(urls.coursePath(organization, course.subject(), course.number())));
        owners(node, organization);
        node.putArray("ceterms:inLanguage").add(LANGUAGE);
        node.set(
                "ceterms:lifeCycleStatusType",
                concept(
                        "https://credreg.net/ctdl/terms/LifeCycleStatus",
                        course.retired() ? "lifeCycle:Ceased" : "lifeCycle:Active",
                        course.retired() ? "Ceased" : "Active"));
        node.put("ceterms:codedNotation", course.code());
        node.put("ceterms:dateEffective", course.effectiveFrom().toString());
        credits(node, course.credits());
        var prerequisites = trees.rule(course.prerequisites());
        if (prerequisites != null) {
            node.putArray("ceterms:requires").add(ruleCondition(organization, "Prerequisites", prerequisites, today));
        }
        var corequisites = trees.rule(course.corequisites());
        if (corequisites != null) {
            node.putArray("ceterms:corequisite").add(ruleCondition(organization, "Corequisites", corequisites, today));
        }
        return node;
    }

    /** The public URL of the organization's CTDL document, its {@code @id}. */
    String organizationId(OrganizationSummary organization) {
        return urls.absolute(urls.basePath(organization) + "/ctdl.json");
    }

    String programId(OrganizationSummary organization, PublishedProgram program) {
        return urls.absolute(urls.programPath(organization, program.code()) + "/ctdl.json");
    }

    String credentialId(OrganizationSummary organization, PublishedProgram program) {
        return urls.absolute(urls.programPath(organization, program.code()) + "/credential/ctdl.json");
    }

    String courseId(OrganizationSummary organization, PublishedCourse course) {
        return urls.absolute(urls.coursePath(organization, course.subject(), course.number()) + "/ctdl.json");
    }

    /** One entity as a standalone document, with the CTDL context. */
    ObjectNode document(ObjectNode entity) {
        var document = json.createObjectNode();
        document.put("@context", CONTEXT);
        document.setAll(entity);
        return document;
    }

    /** Entities as one JSON-LD graph. */
    ObjectNode graph(List<ObjectNode> entities) {
        var document = json.createObjectNode();
        document.put("@context", CONTEXT);
        ArrayNode graph = document.putArray("@graph");
        entities.forEach(graph::add);
        return document;
    }

    private static String credentialCtid(PublishedProgram program) {
        // Programs that award the same achievement describe the same credential.
        return program.achievementLineageId() == null
                ? CtdlIds.ctid("credential", program.programId())
                : CtdlIds.ctid("achievement", program.achievementLineageId());
    }

    private ObjectNode ruleCondition(
            OrganizationSummary organization, String name, RequirementTrees.Rule rule, java.time.LocalDate today) {
        var condition = condition(name, List.of(rule.words()));
        var known = reader.coursesByCode(organization.id(), rule.courses(), today);
        if (!known.isEmpty()) {
            var targets = condition.putArray("ceterms:targetLearningOpportunity");
            known.values().forEach(course -> targets.add(courseId(organization, course)));
        }
        return condition;
    }

    private ObjectNode condition(String name, List<String> lines) {
        var condition = json.createObjectNode();
        condition.put("@type", "ceterms:ConditionProfile");
        condition.set("ceterms:name", text(name));
        condition.set("ceterms:description", text(String.join("\n", lines).strip()));
        return condition;
    }

    private void credits(ObjectNode node, java.math.BigDecimal credits) {
        var value = node.putArray("ceterms:creditValue").addObject();
        value.put("@type", "ceterms:ValueProfile");
        value.put("ceterms:value", credits);
        value.set("ceterms:description", text("credits"));
    }

    private void owners(ObjectNode node, OrganizationSummary organization) {
        node.putArray("ceterms:ownedBy").add(organizationId(organization));
        node.putArray("ceterms:offeredBy").add(organizationId(organization));
    }

    private ObjectNode entity(String type, String id) {
        var node = json.createObjectNode();
        node.put("@id", id);
        node.put("@type", type);
        return node;
    }

    private ObjectNode concept(String framework, String target, String label) {
        var node = json.createObjectNode();
        node.put("@type", "ceterms:CredentialAlignmentObject");
        node.put("ceterms:framework", framework);
        node.put("ceterms:targetNode", target);
        node.set("ceterms:targetNodeName", text(label));
        return node;
    }

    private ObjectNode text(@Nullable String value) {
        var node = json.createObjectNode();
        if (value != null && !value.isBlank()) {
            node.put(LANGUAGE, value);
        }
        return node;
    }
}
