package org.credo.scheduling.timetabling.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.scheduling.timetabling.run.TimetablingRun;
import org.credo.scheduling.timetabling.run.TimetablingRuns;
import org.credo.scheduling.timetabling.solver.ScoreReport;
import org.credo.scheduling.timetabling.term.SectionChange;
import org.credo.scheduling.timetabling.term.TermTimetabling;
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

    /** A term to timetable with its real sections, and how long to solve. */
    record TermRunRequest(
            @NotNull(message = "give the term to timetable") UUID termId,

            @NotNull(message = "give a time limit in seconds")
            Integer timeLimitSeconds) {}

    /** The sections whose proposed meetings to accept, or all of the run's. */
    record AcceptRequest(
            @Nullable List<UUID> sectionIds, @Nullable Boolean all) {}

    private final TimetablingRuns runs;
    private final TermTimetabling termTimetabling;

    TimetablingRunsApi(TimetablingRuns runs, TermTimetabling termTimetabling) {
        this.runs = runs;
        this.termTimetabling = termTimetabling;
    }

    @PostMapping("/for-term")
    @Operation(
            summary = "Start the solver on a term's sections",
            description = "Each section that is not cancelled and not online becomes a course of the instance, on the"
                    + " weekly slot grid (by default Monday to Friday, eight 90-minute slots from 08:00); pinned"
                    + " sections keep their meetings. timeLimitSeconds: 1 to 600. 400 when the term has no section or"
                    + " the organization no room; 409 while another run of the organization solves.")
    ResponseEntity<TimetablingRun> startForTerm(
            @AuthenticationPrincipal CredoUser user, @Valid @RequestBody TermRunRequest request) {
        var run = termTimetabling.start(user, request.termId(), request.timeLimitSeconds());
        return ResponseEntity.created(URI.create("/api/v1/timetabling-runs/" + run.id()))
                .body(run);
    }

    @GetMapping("/{id}/changes")
    @Operation(
            summary = "What a term run's timetable would change, per section",
            description = "Each section with its meetings now and as proposed, and its state: CHANGES (accepting"
                    + " writes it), UNCHANGED, PINNED, CHANGED_SINCE (edited since the run started: refused) or"
                    + " LEFT_OUT. 404 for a run of an uploaded instance, 409 while it solves.")
    List<SectionChange> changes(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return termTimetabling.changes(user.organizationId(), id);
    }

    @PostMapping("/{id}/accept")
    @Operation(
            summary = "Accept a term run's timetable for all or some sections",
            description = "Body {\"all\": true} or {\"sectionIds\": [...]}. Replaces the chosen sections' meetings"
                    + " by the solver's; sections already as proposed are not touched, so a second accept changes"
                    + " nothing. 409 naming the sections changed since the run started (nothing is written).")
    TermTimetabling.Accepted accept(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody AcceptRequest request) {
        if (Boolean.TRUE.equals(request.all())) {
            return termTimetabling.accept(user, id, null);
        }
        if (request.sectionIds() == null || request.sectionIds().isEmpty()) {
            throw ProblemException.invalidField("sectionIds", "choose the sections to accept, or send all: true.");
        }
        return termTimetabling.accept(user, id, request.sectionIds());
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
