package org.credo.registration.grading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grades over REST: the grade scale, and a section's grade roster read and posted by the registrar or an LMS. */
@RestController
@Tag(name = "Grades", description = "Grade scale and section grade rosters")
class GradesApi {

    private static final List<String> SCALE_SORT = List.of("position");
    private static final List<String> ROSTER_SORT = List.of("name");

    private final GradeScales scales;
    private final GradeRosters rosters;

    GradesApi(GradeScales scales, GradeRosters rosters) {
        this.scales = scales;
        this.rosters = rosters;
    }

    /** Grades to save for a section, by enrollment; {@code submit} makes them final. */
    record GradesRequest(Map<UUID, String> grades, boolean submit) {}

    /** The outcome of posting grades. */
    record GradesResponse(int submitted) {}

    @GetMapping("/api/v1/grade-scale")
    @PreAuthorize("hasAnyRole('REGISTRAR', 'INSTRUCTOR', 'INTEGRATOR')")
    @Operation(summary = "The organization's grade scale, best grade first")
    PageResult<GradeScales.Entry> scale(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return page(scales.of(user.organizationId()), PageQuery.of(page, size, sort, SCALE_SORT, true));
    }

    @GetMapping("/api/v1/registration/sections/{sectionId}/grades")
    @PreAuthorize("hasAnyRole('REGISTRAR', 'INTEGRATOR')")
    @Operation(summary = "A section's grade roster: every learner enrolled, with the grade entered and its state")
    PageResult<GradeRosters.Line> roster(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        rosters.section(user.organizationId(), sectionId);
        var query = PageQuery.of(page, size, sort, ROSTER_SORT, true);
        var lines = new java.util.ArrayList<>(rosters.roster(user.organizationId(), sectionId));
        if (!query.ascending()) {
            java.util.Collections.reverse(lines);
        }
        return page(lines, query);
    }

    @PutMapping("/api/v1/registration/sections/{sectionId}/grades")
    @PreAuthorize("hasAnyRole('REGISTRAR', 'INTEGRATOR')")
    @Operation(
            summary =
                    "Save grades for a section and, with submit, make them final (refused after the final-grades date)")
    GradesResponse post(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId, @RequestBody GradesRequest request) {
        int submitted = rosters.save(
                user.organizationId(),
                sectionId,
                request.grades() == null ? Map.of() : request.grades(),
                request.submit(),
                LocalDate.now(user.zone()),
                user.displayName());
        return new GradesResponse(submitted);
    }

    private static <T> PageResult<T> page(List<T> all, PageQuery query) {
        int from = (int) Math.min(all.size(), query.offset());
        int to = Math.min(all.size(), from + query.size());
        return PageResult.of(all.subList(from, to), query, all.size());
    }
}
