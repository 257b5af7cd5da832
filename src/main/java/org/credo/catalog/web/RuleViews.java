package org.credo.catalog.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.credo.catalog.course.CourseContent;
import org.credo.catalog.course.Courses;
import org.credo.catalog.program.ProgramContent;
import org.credo.catalog.proposal.ProposalDetails;
import org.credo.catalog.publiccatalog.RequirementTrees;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Rules as staff read them: prerequisites and corequisites in a sentence, program requirements as a
 * tree, in the public catalog's words ({@link RequirementTrees}) rather than as JSON.
 */
@Component
class RuleViews {

    /** A rule shown in words ({@code words}, for prerequisites) or as a tree ({@code tree}, for requirements). */
    record Shown(@Nullable String words, RequirementTrees.@Nullable Requirement tree) {}

    /** One rule of a proposal: what is proposed, what is in the catalog now (null for a new item), and whether they differ. */
    record Proposed(
            String field,
            String label,
            Shown proposed,
            @Nullable Shown current,
            boolean changed) {}

    /** The staff page of a course a rule names. */
    record CourseLink(String title, String url) {}

    private final RequirementTrees trees;
    private final Courses courses;

    RuleViews(RequirementTrees trees, Courses courses) {
        this.trees = trees;
        this.courses = courses;
    }

    /** A prerequisite or corequisite rule in one sentence; "None" without one. */
    String words(@Nullable Requirement rule) {
        if (rule == null) {
            return "None";
        }
        var words = trees.rule(RequirementJson.write(rule));
        return words == null ? "None" : words.words();
    }

    /** A program's requirements as nested lines, for the catalog's requirement tree fragment. */
    RequirementTrees.Requirement tree(Requirement rule) {
        return trees.requirements(RequirementJson.write(rule));
    }

    /** The rules of a proposal that creates or changes a course or program; none for a retirement or a credential. */
    List<Proposed> of(ProposalDetails details) {
        var list = new ArrayList<Proposed>();
        if (details.proposal().action().name().equals("RETIRE")) {
            return list;
        }
        var now = details.current() == null ? null : details.current().content();
        if (details.content() instanceof CourseContent c) {
            var before = now instanceof CourseContent b ? b : null;
            list.add(prerequisite(
                    "prerequisites",
                    "Prerequisites",
                    c.prerequisites(),
                    before,
                    before == null ? null : before.prerequisites()));
            list.add(prerequisite(
                    "corequisites",
                    "Corequisites",
                    c.corequisites(),
                    before,
                    before == null ? null : before.corequisites()));
        } else if (details.content() instanceof ProgramContent p) {
            var before = now instanceof ProgramContent b ? b : null;
            list.add(new Proposed(
                    "requirements",
                    "Requirements",
                    new Shown(null, tree(p.requirements())),
                    before == null ? null : new Shown(null, tree(before.requirements())),
                    before == null || !before.requirements().equals(p.requirements())));
        }
        return list;
    }

    /** Links to the staff page of every course the rules name, by code ('DATA 101'). */
    Map<String, CourseLink> links(UUID organizationId, Collection<@Nullable Requirement> rules) {
        var named = new java.util.HashSet<String>();
        rules.stream().filter(Objects::nonNull).forEach(r -> r.courses().forEach(c -> named.add(c.toString())));
        var links = new LinkedHashMap<String, CourseLink>();
        if (named.isEmpty()) {
            return links;
        }
        for (var course : courses.allLatest(organizationId)) {
            var code = course.content().code().toString();
            if (named.contains(code)) {
                links.put(
                        code, new CourseLink(course.content().title(), "/manage/catalog/courses/" + course.courseId()));
            }
        }
        return links;
    }

    /** Every rule a proposal's page shows, for {@link #links}. */
    static List<@Nullable Requirement> rules(ProposalDetails details) {
        var rules = new ArrayList<@Nullable Requirement>();
        for (var content : java.util.Arrays.asList(
                details.content(),
                details.current() == null ? null : details.current().content())) {
            if (content instanceof CourseContent c) {
                rules.add(c.prerequisites());
                rules.add(c.corequisites());
            } else if (content instanceof ProgramContent p) {
                rules.add(p.requirements());
            }
        }
        return rules;
    }

    private Proposed prerequisite(
            String field,
            String label,
            @Nullable Requirement proposed,
            @Nullable CourseContent before,
            @Nullable Requirement current) {
        return new Proposed(
                field,
                label,
                new Shown(words(proposed), null),
                before == null ? null : new Shown(words(current), null),
                before == null || !Objects.equals(proposed, current));
    }
}
