package org.credo.learners.duplicates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.jspecify.annotations.Nullable;
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

/** Possible duplicates and merges over the REST API (ADR 0035). */
@RestController
@RequestMapping("/api/v1/learners")
@Tag(name = "Learner duplicates", description = "Pairs of records that may be one person; merges and their undo")
class DuplicatesApi {

    private static final String MANAGERS = "hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')";

    /** What to merge: the other record, and per field where the surviving value comes from. */
    record MergeRequest(
            @NotNull(message = "give the id of the record to merge into this one")
            UUID otherId,

            @Nullable Map<String, String> choices) {}

    /** Why a merge is undone. */
    record UndoRequest(@Nullable String reason) {}

    /** A merge as the API shows it. */
    record MergeView(
            UUID id,
            UUID survivorId,
            String survivorNumber,
            UUID mergedId,
            String mergedNumber,
            String choices,
            String mergedBy,
            Instant mergedAt,
            Instant undoableUntil,
            @Nullable Instant undoneAt,
            @Nullable String undoneBy) {

        static MergeView of(Merges.Merge m) {
            return new MergeView(
                    m.id(),
                    m.survivorId(),
                    m.survivorNumber(),
                    m.mergedId(),
                    m.mergedNumber(),
                    m.choices(),
                    m.mergedBy(),
                    m.mergedAt(),
                    m.mergedAt().plus(Merges.UNDO_WINDOW),
                    m.undoneAt(),
                    m.undoneBy());
        }
    }

    private final DuplicatePairs pairs;
    private final Merges merges;

    DuplicatesApi(DuplicatePairs pairs, Merges merges) {
        this.pairs = pairs;
        this.merges = merges;
    }

    @GetMapping("/duplicates")
    @Operation(
            summary = "Pairs of records that may be one person",
            description = "Open pairs only (neither dismissed nor merged); sort by score (default, surest first),"
                    + " found or name.")
    @PreAuthorize(MANAGERS)
    PageResult<DuplicatePairs.Pair> duplicates(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return pairs.page(user.organizationId(), PageQuery.of(page, size, sort, DuplicatePairs.SORTABLE, false));
    }

    @PostMapping("/duplicates/{pairId}/dismiss")
    @Operation(summary = "Record that a pair are two different people; it is not listed again")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Void> dismiss(@AuthenticationPrincipal CredoUser user, @PathVariable UUID pairId) {
        pairs.dismiss(user.organizationId(), pairId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/merges")
    @Operation(
            summary = "Merge another record into this one",
            description = "choices maps legalGivenName, legalFamilyName, preferredName, dateOfBirth, pronouns,"
                    + " program, status, directoryOptOut to \"survivor\" (default) or \"merged\". Contacts,"
                    + " identifiers, holds, status history and inquiries move here; the other record is retired.")
    @PreAuthorize(MANAGERS)
    ResponseEntity<MergeView> merge(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        var merge = merges.merge(
                user.organizationId(), id, request.otherId(), request.choices() == null ? Map.of() : request.choices());
        return ResponseEntity.created(URI.create("/api/v1/learners/merges/" + merge.id()))
                .body(MergeView.of(merge));
    }

    @GetMapping("/merges")
    @Operation(summary = "The organization's merges, newest first, with how long each can be undone")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER','ADMINISTRATOR')")
    PageResult<MergeView> merges(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return merges.page(user.organizationId(), PageQuery.of(page, size, null, List.of("merged"), false))
                .map(MergeView::of);
    }

    @PostMapping("/merges/{mergeId}/undo")
    @Operation(
            summary = "Undo a merge (administrators, within 30 days)",
            description = "Both records are restored as they were before the merge; 409 after 30 days.")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    MergeView undo(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID mergeId,
            @RequestBody(required = false) @Nullable UndoRequest request) {
        return MergeView.of(merges.undo(user.organizationId(), mergeId, request == null ? null : request.reason()));
    }
}
