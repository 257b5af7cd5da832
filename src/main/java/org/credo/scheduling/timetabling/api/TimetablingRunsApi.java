package org.credo.scheduling.timetabling.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.scheduling.timetabling.run.TimetablingRun;
import org.credo.scheduling.timetabling.run.TimetablingRuns;
import org.credo.scheduling.timetabling.solver.ScoreReport;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Timetabling solver runs over the REST API (ADR 0044). */
@RestController
@RequestMapping("/api/v1/timetabling-runs")
@PreAuthorize("hasRole('REGISTRAR')")
@Tag(name = "Timetabling", description = "Solver runs on ITC 2007 curriculum-based timetabling instances")
class TimetablingRunsApi {

    /** What to solve: the instance text, lectures to keep in place, and how long to solve. */
    record RunRequest(
            @NotBlank(message = "give the instance in the ITC 2007 .ctt format")
            String ctt,

            @Nullable String pinned,

            @NotNull(message = "give a time limit in seconds")
            Integer timeLimitSeconds) {}

    private final TimetablingRuns runs;

    TimetablingRunsApi(TimetablingRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    @Operation(
            summary = "Start the solver on an instance",
            description = "ctt: the instance in the ITC 2007 .ctt format; pinned: optional lines '<course> <room>"
                    + " <day> <period>' that stay where they are; timeLimitSeconds: 1 to 600. 400 names the line of a"
                    + " malformed file; 409 while another run of the organization solves.")
    ResponseEntity<TimetablingRun> start(
            @AuthenticationPrincipal CredoUser user, @Valid @RequestBody RunRequest request) {
        var run = runs.start(user, request.ctt(), request.pinned(), request.timeLimitSeconds());
        return ResponseEntity.created(URI.create("/api/v1/timetabling-runs/" + run.id()))
                .body(run);
    }

    @GetMapping
    @Operation(
            summary = "The organization's runs",
            description = "Sort by started (default, newest first), name or status.")
    PageResult<TimetablingRun> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return runs.page(user.organizationId(), PageQuery.of(page, size, sort, TimetablingRuns.sortable(), false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A run: state, best score so far and score history")
    TimetablingRun get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return runs.get(user.organizationId(), id);
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop a running run; it keeps the best timetable found", description = "409 when not running.")
    TimetablingRun stop(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return runs.stop(user, id);
    }

    @GetMapping(value = "/{id}/solution", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The best timetable in the ITC 2007 solution format ('<course> <room> <day> <period>' lines)")
    ResponseEntity<String> solution(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"timetable-" + id + ".sol\"")
                .contentType(MediaType.TEXT_PLAIN)
                .body(runs.solution(user.organizationId(), id));
    }

    @GetMapping("/{id}/explanation")
    @Operation(summary = "The best timetable's score explained per constraint, with the worst cases")
    ScoreReport explanation(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return runs.explanation(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("A timetable of run " + id));
    }
}
