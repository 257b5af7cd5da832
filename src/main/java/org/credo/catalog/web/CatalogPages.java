package org.credo.catalog.web;

import java.util.List;
import java.util.UUID;
import org.credo.catalog.course.CourseVersion;
import org.credo.catalog.course.Courses;
import org.credo.catalog.diff.Diff;
import org.credo.catalog.program.ProgramVersion;
import org.credo.catalog.program.Programs;
import org.credo.catalog.proposal.Impact;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages for courses and programs: lists with search and paging, version history and diffs. */
@Controller
@RequestMapping("/manage/catalog")
@PreAuthorize(
        "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR')")
class CatalogPages {

    private final Courses courses;
    private final Programs programs;
    private final Impact impact;
    private final org.credo.credentials.AchievementDefinitions achievements;
    private final RuleViews rules;

    CatalogPages(
            Courses courses,
            Programs programs,
            Impact impact,
            org.credo.credentials.AchievementDefinitions achievements,
            RuleViews rules) {
        this.courses = courses;
        this.programs = programs;
        this.impact = impact;
        this.achievements = achievements;
        this.rules = rules;
    }

    @GetMapping("/courses")
    String courses(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var query = PageQuery.of(page, 20, null, Courses.SORTABLE, true);
        model.addAttribute("page", courses.page(user.organizationId(), q, query));
        model.addAttribute("q", q == null ? "" : q);
        return htmx == null ? "catalog/courses" : "catalog/courses :: results";
    }

    @GetMapping("/courses/{id}")
    String course(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        var history = courses.history(user.organizationId(), id);
        if (history.isEmpty()) {
            throw ProblemException.notFound("That course");
        }
        var latest = history.get(history.size() - 1);
        model.addAttribute("history", history);
        model.addAttribute("latest", latest);
        model.addAttribute("prerequisites", rules.words(latest.content().prerequisites()));
        model.addAttribute("corequisites", rules.words(latest.content().corequisites()));
        model.addAttribute(
                "impact", impact.of(user.organizationId(), latest.content().code()));
        diff(
                model,
                history.stream().map(CourseVersion::version).toList(),
                from,
                to,
                (a, b) -> Diff.between(
                        find(history, a).content().fields(),
                        find(history, b).content().fields()));
        return "catalog/course";
    }

    @GetMapping("/programs")
    String programs(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var query = PageQuery.of(page, 20, null, Programs.SORTABLE, true);
        model.addAttribute("page", programs.page(user.organizationId(), q, query));
        model.addAttribute("q", q == null ? "" : q);
        return htmx == null ? "catalog/programs" : "catalog/programs :: results";
    }

    @GetMapping("/programs/{id}")
    String program(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        var history = programs.history(user.organizationId(), id);
        if (history.isEmpty()) {
            throw ProblemException.notFound("That program");
        }
        var latest = history.get(history.size() - 1);
        model.addAttribute("history", history);
        model.addAttribute("latest", latest);
        model.addAttribute("requirement", rules.tree(latest.content().requirements()));
        model.addAttribute(
                "links",
                rules.links(user.organizationId(), List.of(latest.content().requirements())));
        diff(
                model,
                history.stream().map(ProgramVersion::version).toList(),
                from,
                to,
                (a, b) -> Diff.between(
                        findProgram(history, a).content().fields(),
                        findProgram(history, b).content().fields()));
        return "catalog/program";
    }

    private static void diff(
            Model model,
            List<Integer> versions,
            @Nullable Integer from,
            @Nullable Integer to,
            java.util.function.BiFunction<Integer, Integer, Diff> compare) {
        int last = versions.get(versions.size() - 1);
        int a = from != null && versions.contains(from) ? from : Math.max(1, last - 1);
        int b = to != null && versions.contains(to) ? to : last;
        model.addAttribute("versions", versions);
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        model.addAttribute("diff", a == b ? null : compare.apply(a, b));
    }

    private static CourseVersion find(List<CourseVersion> history, int version) {
        return history.stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    private static ProgramVersion findProgram(List<ProgramVersion> history, int version) {
        return history.stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }
}
