package org.credo.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.credo.catalog.api.CatalogViews.VersionView;
import org.credo.catalog.course.CourseVersion;
import org.credo.catalog.course.Courses;
import org.credo.catalog.diff.Diff;
import org.credo.catalog.program.ProgramVersion;
import org.credo.catalog.program.Programs;
import org.credo.catalog.proposal.Impact;
import org.credo.catalog.proposal.ImpactItem;
import org.credo.catalog.requirement.CourseCode;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Courses and programs with their published versions, history, diffs and impact, over the REST API. */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "Courses and programs: immutable published versions, history and diffs")
class CatalogItemsApi {

    private final Courses courses;
    private final Programs programs;
    private final Impact impact;

    CatalogItemsApi(Courses courses, Programs programs, Impact impact) {
        this.courses = courses;
        this.programs = programs;
        this.impact = impact;
    }

    @GetMapping("/courses")
    @Operation(summary = "List courses (newest version of each)", description = "q searches code and title.")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    PageResult<VersionView> courses(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        var query = PageQuery.of(page, size, sort, Courses.SORTABLE, true);
        return courses.page(user.organizationId(), q, query).map(VersionView::of);
    }

    @GetMapping("/courses/{code}")
    @Operation(summary = "The newest version of a course", description = "code as CS-101 or CS%20101.")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    VersionView course(@AuthenticationPrincipal CredoUser user, @PathVariable String code) {
        return VersionView.of(findCourse(user, code));
    }

    @GetMapping("/courses/{code}/versions")
    @Operation(summary = "Every version of a course, oldest first")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    List<VersionView> courseVersions(@AuthenticationPrincipal CredoUser user, @PathVariable String code) {
        return courses.history(user.organizationId(), findCourse(user, code).courseId()).stream()
                .map(VersionView::of)
                .toList();
    }

    @GetMapping("/courses/{code}/versions/{version}")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    VersionView courseVersion(
            @AuthenticationPrincipal CredoUser user, @PathVariable String code, @PathVariable int version) {
        return VersionView.of(findCourseVersion(user, code, version));
    }

    @PutMapping("/courses/{code}/versions/{version}")
    @Operation(summary = "Refused: published versions are immutable; propose a change instead")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    VersionView editCourseVersion(
            @AuthenticationPrincipal CredoUser user, @PathVariable String code, @PathVariable int version) {
        var v = findCourseVersion(user, code, version);
        throw immutable(v.content().code().toString(), v.version());
    }

    @GetMapping("/courses/{code}/diff")
    @Operation(summary = "Field-by-field differences between two versions of a course")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    List<Diff.Change> courseDiff(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable String code,
            @RequestParam int from,
            @RequestParam int to) {
        return Diff.between(
                        findCourseVersion(user, code, from).content().fields(),
                        findCourseVersion(user, code, to).content().fields())
                .changes();
    }

    @GetMapping("/courses/{code}/impact")
    @Operation(summary = "Programs and courses that reference this course")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    List<ImpactItem> courseImpact(@AuthenticationPrincipal CredoUser user, @PathVariable String code) {
        return impact.of(user.organizationId(), findCourse(user, code).content().code());
    }

    @GetMapping("/programs")
    @Operation(summary = "List programs (newest version of each)", description = "q searches code and name.")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    PageResult<VersionView> programs(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        var query = PageQuery.of(page, size, sort, Programs.SORTABLE, true);
        return programs.page(user.organizationId(), q, query).map(VersionView::of);
    }

    @GetMapping("/programs/{code}")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    VersionView program(@AuthenticationPrincipal CredoUser user, @PathVariable String code) {
        return VersionView.of(findProgram(user, code));
    }

    @GetMapping("/programs/{code}/versions")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    List<VersionView> programVersions(@AuthenticationPrincipal CredoUser user, @PathVariable String code) {
        return programs.history(user.organizationId(), findProgram(user, code).programId()).stream()
                .map(VersionView::of)
                .toList();
    }

    @GetMapping("/programs/{code}/versions/{version}")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    VersionView programVersion(
            @AuthenticationPrincipal CredoUser user, @PathVariable String code, @PathVariable int version) {
        return VersionView.of(findProgramVersion(user, code, version));
    }

    @PutMapping("/programs/{code}/versions/{version}")
    @Operation(summary = "Refused: published versions are immutable; propose a change instead")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    VersionView editProgramVersion(
            @AuthenticationPrincipal CredoUser user, @PathVariable String code, @PathVariable int version) {
        var v = findProgramVersion(user, code, version);
        throw immutable(v.content().code(), v.version());
    }

    @GetMapping("/programs/{code}/diff")
    @Operation(summary = "Field-by-field differences between two versions of a program")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    List<Diff.Change> programDiff(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable String code,
            @RequestParam int from,
            @RequestParam int to) {
        return Diff.between(
                        findProgramVersion(user, code, from).content().fields(),
                        findProgramVersion(user, code, to).content().fields())
                .changes();
    }

    static ProblemException immutable(String code, int version) {
        return ProblemException.conflict(
                "Published versions cannot change",
                code + " version " + version + " is published and can never be edited in place. "
                        + "Create a proposal to modify " + code + "; its approval publishes a new version.");
    }

    private CourseVersion findCourse(CredoUser user, String code) {
        var parsed =
                CourseCode.parse(code.replace('-', ' ')).orElseThrow(() -> ProblemException.notFound("Course " + code));
        return courses.latest(user.organizationId(), parsed)
                .orElseThrow(() -> ProblemException.notFound("Course " + parsed));
    }

    private CourseVersion findCourseVersion(CredoUser user, String code, int version) {
        return courses.history(user.organizationId(), findCourse(user, code).courseId()).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of " + code));
    }

    private ProgramVersion findProgram(CredoUser user, String code) {
        return programs.latest(user.organizationId(), code)
                .orElseThrow(() -> ProblemException.notFound("Program " + code));
    }

    private ProgramVersion findProgramVersion(CredoUser user, String code, int version) {
        return programs.history(user.organizationId(), findProgram(user, code).programId()).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of " + code));
    }
}
