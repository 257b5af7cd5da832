package org.credo.catalog.publiccatalog;

import java.util.List;
import java.util.Map;
import org.credo.credentials.AwardedAchievements.AwardedAchievement;
import org.credo.platform.OrganizationSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * schema.org JSON-LD for the public pages, so that search engines understand them: an
 * {@code EducationalOccupationalProgram} awarding an {@code EducationalOccupationalCredential}, and a
 * {@code Course} with its prerequisites, each with its provider.
 */
@Component
class StructuredData {

    private final JsonMapper json;
    private final CatalogOrganizations urls;

    StructuredData(JsonMapper json, CatalogOrganizations urls) {
        this.json = json;
        this.urls = urls;
    }

    /** The JSON-LD of a program page. */
    ObjectNode program(
            OrganizationSummary organization,
            PublishedProgram program,
            @Nullable AwardedAchievement achievement,
            Map<String, PublishedCourse> courses,
            List<CatalogReader.Intake> intakes) {
        var url = urls.absolute(urls.programPath(organization, program.code()));
        var node = json.createObjectNode();
        node.put("@context", "https://schema.org");
        node.put("@type", "EducationalOccupationalProgram");
        node.put("@id", url + "#program");
        node.put("url", url);
        node.put("identifier", program.code());
        node.put("name", program.name());
        node.put("description", program.description());
        node.put("programType", program.programTypeLabel());
        node.put("educationalLevel", program.level());
        node.put("educationalProgramMode", program.deliveryModeLabel().toLowerCase(java.util.Locale.ROOT));
        node.put("numberOfCredits", program.credits());
        if (program.timeToComplete() != null) {
            node.put("timeToComplete", program.timeToComplete());
        }
        if (program.cipCode() != null) {
            // CIP classifies instructional programs (not occupations), so it is an identifier here.
            var cip = node.putArray("additionalProperty").addObject();
            cip.put("@type", "PropertyValue");
            cip.put("propertyID", "CIP 2020");
            cip.put("value", program.cipCode());
        }
        var outcomes = program.outcomes();
        if (!outcomes.isEmpty()) {
            var teaches = node.putArray("teaches");
            outcomes.forEach(teaches::add);
        }
        var credential = node.putObject("educationalCredentialAwarded");
        credential.put("@type", "EducationalOccupationalCredential");
        credential.put("name", achievement == null ? program.name() : achievement.name());
        credential.put("credentialCategory", program.programTypeLabel());
        if (achievement != null) {
            credential.put("description", achievement.description());
            credential.put("url", urls.absolute("/achievements/" + achievement.id()));
        }
        if (program.tuitionAmount() != null && program.tuitionCurrency() != null) {
            var offer = node.putObject("offers");
            offer.put("@type", "Offer");
            offer.put("category", "Tuition");
            offer.put("price", program.tuitionAmount());
            offer.put("priceCurrency", program.tuitionCurrency());
            if (program.tuitionNote() != null) {
                offer.put("description", program.tuitionNote());
            }
        }
        if (!intakes.isEmpty()) {
            var next = intakes.get(0);
            node.put("startDate", next.startsOn().toString());
            if (next.applicationDeadline() != null) {
                node.put("applicationDeadline", next.applicationDeadline().toString());
            }
        }
        if (!courses.isEmpty()) {
            var hasCourse = node.putArray("hasCourse");
            courses.values().forEach(course -> hasCourse.add(courseReference(organization, course)));
        }
        node.set("provider", provider(organization));
        return node;
    }

    /** The JSON-LD of a course page. */
    ObjectNode course(
            OrganizationSummary organization,
            PublishedCourse course,
            RequirementTrees.@Nullable Rule prerequisites,
            Map<String, PublishedCourse> named) {
        var url = urls.absolute(urls.coursePath(organization, course.subject(), course.number()));
        var node = json.createObjectNode();
        node.put("@context", "https://schema.org");
        node.put("@type", "Course");
        node.put("@id", url + "#course");
        node.put("url", url);
        node.put("courseCode", course.code());
        node.put("name", course.title());
        node.put("description", course.description());
        node.put("numberOfCredits", course.credits());
        var outcomes = course.outcomes();
        if (!outcomes.isEmpty()) {
            var teaches = node.putArray("teaches");
            outcomes.forEach(teaches::add);
        }
        if (prerequisites != null) {
            var list = node.putArray("coursePrerequisites");
            list.add(prerequisites.words());
            for (var code : prerequisites.courses()) {
                var known = named.get(code);
                if (known != null) {
                    list.add(courseReference(organization, known));
                }
            }
        }
        node.set("provider", provider(organization));
        return node;
    }

    private ObjectNode courseReference(OrganizationSummary organization, PublishedCourse course) {
        var node = json.createObjectNode();
        node.put("@type", "Course");
        node.put("courseCode", course.code());
        node.put("name", course.title());
        node.put("url", urls.absolute(urls.coursePath(organization, course.subject(), course.number())));
        return node;
    }

    private ObjectNode provider(OrganizationSummary organization) {
        var node = json.createObjectNode();
        node.put("@type", "EducationalOrganization");
        node.put("name", organization.name());
        node.put(
                "url",
                organization.website() == null ? urls.absolute(urls.basePath(organization)) : organization.website());
        if (organization.contactEmail() != null) {
            node.put("email", organization.contactEmail());
        }
        return node;
    }
}
