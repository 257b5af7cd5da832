package org.credo.scheduling.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.section.Conflict;
import org.credo.scheduling.section.Conflicts;
import org.credo.scheduling.section.RollForward;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.TermDraft;
import org.credo.scheduling.term.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Terms, their holidays, their sections, conflict report and roll-forward over the REST API. */
@RestController
@PreAuthorize("hasRole('REGISTRAR')")
@Tag(name = "Terms", description = "Terms with their parts and holidays; a term's sections and conflicts")
class TermsApi {

    /** A holiday to add. */
    record HolidayRequest(@Nullable LocalDate day, @Nullable String name) {}

    /** The term to copy sections from. */
    record RollForwardRequest(@Nullable UUID fromTermId) {}

    /** A term's conflicts, with a count by kind. */
    record ConflictReport(
            UUID termId, String termCode, java.util.Map<Conflict.Kind, Long> counts, List<Conflict> conflicts) {}

    private final Terms terms;
    private final Sections sections;
    private final Conflicts conflicts;
    private final RollForward rollForward;

    TermsApi(Terms terms, Sections sections, Conflicts conflicts, RollForward rollForward) {
        this.terms = terms;
        this.sections = sections;
        this.conflicts = conflicts;
        this.rollForward = rollForward;
    }

    @GetMapping("/api/v1/terms")
    @Operation(summary = "The organization's terms, paged (sort startsOn, code or name)")
    PageResult<Term> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return terms.page(user.organizationId(), PageQuery.of(page, size, sort, Terms.SORTABLE, false));
    }

    @PostMapping("/api/v1/terms")
    @Operation(summary = "Create a term with the dates of its parts")
    ResponseEntity<Term> create(@AuthenticationPrincipal CredoUser user, @RequestBody TermDraft draft) {
        var term = terms.save(user.organizationId(), null, draft);
        return ResponseEntity.created(URI.create("/api/v1/terms/" + term.id())).body(term);
    }

    @GetMapping("/api/v1/terms/{id}")
    Term get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return terms.find(user.organizationId(), id);
    }

    @PutMapping("/api/v1/terms/{id}")
    @Operation(summary = "Change a term; its parts are replaced by those given")
    Term update(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody TermDraft draft) {
        return terms.save(user.organizationId(), id, draft);
    }

    @PostMapping("/api/v1/terms/{id}/holidays")
    @Operation(summary = "Add a holiday (no classes) to a term")
    ResponseEntity<Term> addHoliday(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody HolidayRequest request) {
        return ResponseEntity.status(201)
                .body(terms.addHoliday(user.organizationId(), id, request.day(), request.name()));
    }

    @DeleteMapping("/api/v1/terms/{id}/holidays/{holidayId}")
    Term removeHoliday(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID holidayId) {
        return terms.removeHoliday(user.organizationId(), id, holidayId);
    }

    @GetMapping("/api/v1/terms/{id}/sections")
    @Operation(summary = "A term's sections, paged (sort course, status or capacity), by status or instructor")
    PageResult<Section> sections(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable SectionStatus status,
            @RequestParam(required = false) @Nullable UUID instructorId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        terms.find(user.organizationId(), id);
        return sections.page(
                user.organizationId(),
                id,
                status,
                instructorId,
                PageQuery.of(page, size, sort, Sections.SORTABLE, true));
    }

    @PostMapping("/api/v1/terms/{id}/sections")
    @Operation(summary = "Create a planned section of a course in force on the term's first day")
    ResponseEntity<Section> createSection(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody SectionDraft draft) {
        var section = sections.create(user.organizationId(), id, draft);
        return ResponseEntity.created(URI.create("/api/v1/sections/" + section.id()))
                .body(section);
    }

    @GetMapping("/api/v1/terms/{id}/conflicts")
    @Operation(summary = "Every conflict of the term's schedule")
    ConflictReport conflicts(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        var term = terms.find(user.organizationId(), id);
        var found = conflicts.ofTerm(user.organizationId(), id);
        return new ConflictReport(term.id(), term.code(), Conflicts.count(found), found);
    }

    @PostMapping("/api/v1/terms/{id}/roll-forward")
    @Operation(summary = "Copy an earlier term's sections and meetings into this term as planned sections")
    RollForward.Result rollForward(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody RollForwardRequest request) {
        if (request.fromTermId() == null) {
            throw org.credo.platform.ProblemException.invalidField("fromTermId", "choose the term to copy from.");
        }
        return rollForward.run(user.organizationId(), request.fromTermId(), id);
    }
}
