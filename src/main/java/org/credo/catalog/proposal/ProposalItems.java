package org.credo.catalog.proposal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.ContentProblems;
import org.credo.catalog.course.CourseContent;
import org.credo.catalog.course.Courses;
import org.credo.catalog.program.ProgramContent;
import org.credo.catalog.program.Programs;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.RuleChecks;
import org.credo.credentials.AchievementDefinitions;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What differs between courses, programs and credentials in a proposal: reading the proposed
 * content, finding the current version, checking the content against the rest of the catalog, and
 * publishing it on approval.
 */
@Component
public class ProposalItems {

    /** The newest published version of an item. */
    public record Current(UUID itemId, @Nullable Integer version, Object content, boolean retired) {}

    private final Courses courses;
    private final Programs programs;
    private final AchievementDefinitions achievements;
    private final JsonMapper json;

    ProposalItems(Courses courses, Programs programs, AchievementDefinitions achievements, JsonMapper json) {
        this.courses = courses;
        this.programs = programs;
        this.achievements = achievements;
        this.json = json;
    }

    /** Reads proposed content of a kind; a 400 names every bad field. */
    public Object parse(Proposal.Kind kind, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ProblemException.invalidField("content", "is required: the proposed version as a JSON object");
        }
        return switch (kind) {
            case COURSE -> CourseContent.fromJson(node);
            case PROGRAM -> ProgramContent.fromJson(node);
            case CREDENTIAL -> CredentialContent.fromJson(node);
        };
    }

    /** Reads stored proposal content. */
    public Object parse(Proposal.Kind kind, String content) {
        return parse(kind, json.readTree(content));
    }

    public JsonNode toJson(Object content) {
        if (content instanceof CourseContent c) {
            return c.toJson();
        }
        if (content instanceof ProgramContent p) {
            return p.toJson();
        }
        return ((CredentialContent) content).toJson();
    }

    public String write(Object content) {
        return json.writeValueAsString(toJson(content));
    }

    public Map<String, Object> fields(Object content) {
        if (content instanceof CourseContent c) {
            return c.fields();
        }
        if (content instanceof ProgramContent p) {
            return p.fields();
        }
        return ((CredentialContent) content).fields();
    }

    /** The key that allows one open proposal per item. */
    public String key(Proposal.Kind kind, Object content, @Nullable String item) {
        return switch (kind) {
            case COURSE -> "COURSE:" + ((CourseContent) content).code();
            case PROGRAM -> "PROGRAM:" + ((ProgramContent) content).code();
            case CREDENTIAL ->
                item != null
                        ? "CREDENTIAL:" + item
                        : truncate("CREDENTIAL:NEW "
                                + ((CredentialContent) content).name().toLowerCase());
        };
    }

    /** The key of an existing item named by code (course, program) or lineage id (credential). */
    public String key(Proposal.Kind kind, String item) {
        return switch (kind) {
            case COURSE -> "COURSE:" + courseCode(item);
            case PROGRAM -> "PROGRAM:" + item.trim().toUpperCase();
            case CREDENTIAL -> "CREDENTIAL:" + lineage(item);
        };
    }

    /** The newest published version of an item named by code or lineage id. */
    public Optional<Current> current(UUID organizationId, Proposal.Kind kind, String item) {
        return switch (kind) {
            case COURSE ->
                courses.latest(organizationId, courseCode(item))
                        .map(v -> new Current(v.courseId(), v.version(), v.content(), v.retired()));
            case PROGRAM ->
                programs.latest(organizationId, item.trim().toUpperCase())
                        .map(v -> new Current(v.programId(), v.version(), v.content(), v.retired()));
            case CREDENTIAL ->
                achievements
                        .published(organizationId, lineage(item))
                        .map(d -> new Current(d.lineageId(), d.version(), CredentialContent.of(d), false));
        };
    }

    /** The item a proposal's key names, as {@link #current} takes it. */
    public String item(Proposal proposal) {
        return proposal.itemName();
    }

    /**
     * Checks proposed content against the rest of the catalog: courses named must exist, prerequisites
     * must not loop, the awarded achievement must be published. A 400 names every problem.
     */
    public void check(UUID organizationId, Proposal.Kind kind, Object content) {
        var problems = new ContentProblems();
        if (content instanceof CourseContent c) {
            var known = new HashSet<>(courses.activeCodes(organizationId));
            known.add(c.code());
            if (c.prerequisites() != null) {
                for (var unknown : RuleChecks.unknownCourses(c.prerequisites(), known)) {
                    problems.add("prerequisites", "names " + unknown + ", which is not a course in the catalog");
                }
            }
            if (c.corequisites() != null) {
                for (var unknown : RuleChecks.unknownCourses(c.corequisites(), known)) {
                    problems.add("corequisites", "names " + unknown + ", which is not a course in the catalog");
                }
            }
            var graph = new java.util.HashMap<>(courses.prerequisiteGraph(organizationId));
            graph.put(c.code(), Courses.requires(c));
            RuleChecks.cycleThrough(c.code(), graph)
                    .ifPresent(cycle -> problems.add("prerequisites", "circular prerequisites: " + cycle));
        } else if (content instanceof ProgramContent p) {
            var known = courses.activeCodes(organizationId);
            for (var unknown : RuleChecks.unknownCourses(p.requirements(), known)) {
                problems.add("requirements", "names " + unknown + ", which is not a course in the catalog");
            }
            if (p.achievementLineageId() != null
                    && achievements
                            .published(organizationId, p.achievementLineageId())
                            .isEmpty()) {
                problems.add("achievementLineageId", "is not a published achievement of this organization");
            }
        }
        problems.throwIfAny();
    }

    /** Publishes the approved content as a new version; returns the item's id. */
    public UUID publish(Proposal proposal, Object content, boolean retire, @Nullable UUID by) {
        var org = proposal.organizationId();
        LocalDate from = proposal.effectiveFrom();
        if (content instanceof CourseContent c) {
            return courses.publish(org, c, from, retire, proposal.id(), by).courseId();
        }
        if (content instanceof ProgramContent p) {
            return programs.publish(org, p, from, retire, proposal.id(), by).programId();
        }
        var credential = (CredentialContent) content;
        if (retire) {
            achievements.retire(org, lineage(proposal.itemName()));
            return lineage(proposal.itemName());
        }
        var lineage = proposal.action() == Proposal.Action.CREATE ? null : lineage(proposal.itemName());
        return achievements.publish(org, lineage, credential.definition()).lineageId();
    }

    static CourseCode courseCode(String item) {
        return CourseCode.parse(item)
                .orElseThrow(() ->
                        ProblemException.invalidField("item", "\"" + item + "\" is not a course code such as CS 101"));
    }

    static UUID lineage(String item) {
        try {
            return UUID.fromString(item.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("item", "a credential is named by its achievement id");
        }
    }

    private static String truncate(String key) {
        return key.length() > 120 ? key.substring(0, 120) : key;
    }
}
