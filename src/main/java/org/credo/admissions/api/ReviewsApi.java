package org.credo.admissions.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.review.Committee;
import org.credo.admissions.review.Reads;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads over the REST API: the caller's queue, assigning, scoring, recusal; the committee view with paging. */
@RestController
@RequestMapping("/api/v1/admissions/reviews")
@Tag(name = "Admissions reviews", description = "Reader queues, blind reads with a weighted rubric, the committee view")
@PreAuthorize("hasRole('ADMISSIONS_OFFICER')")
class ReviewsApi {

    /** A read as the API shows it. */
    record ReadView(
            UUID id,
            UUID applicationId,
            String number,
            String applicantName,
            String programCode,
            String readerName,
            String status,
            @Nullable BigDecimal weightedScore,
            @Nullable String recusalReason) {
        static ReadView of(Reads.Read r) {
            return new ReadView(
                    r.id(),
                    r.applicationId(),
                    r.number(),
                    r.applicantName(),
                    r.programCode(),
                    r.readerName(),
                    r.status(),
                    r.weightedScore(),
                    r.recusalReason());
        }
    }

    /** A read with its scores and the other reads the caller may see (none before the caller's own is submitted). */
    record ReadDetails(ReadView read, List<Reads.Score> scores, List<ReadView> others) {}

    /** Gives an application to a reader. */
    record AssignRequest(UUID applicationId, UUID readerId) {}

    /** Scores per criterion id (1 to the scale's top), optional comments per criterion, and overall comments. */
    record SubmitRequest(
            Map<UUID, Integer> scores,
            @Nullable Map<UUID, String> criterionComments,
            @Nullable String comments) {}

    /** Why the reader recuses. */
    record RecuseRequest(@Nullable String reason) {}

    /** How many applications were assigned. */
    record Assigned(int assigned) {}

    private final Reads reads;
    private final Committee committee;

    ReviewsApi(Reads reads, Committee committee) {
        this.reads = reads;
        this.committee = committee;
    }

    @GetMapping
    @Operation(summary = "The caller's reads: open first, then finished")
    List<ReadView> queue(@AuthenticationPrincipal CredoUser user) {
        return reads.queue(user.organizationId(), user.personId()).stream()
                .map(ReadView::of)
                .toList();
    }

    @GetMapping("/readers")
    @Operation(summary = "The readers with their open reads")
    List<Reads.Reader> readers(@AuthenticationPrincipal CredoUser user) {
        return reads.readers(user.organizationId());
    }

    @PostMapping("/assignments")
    @Operation(summary = "Give an application to a reader; a submitted application moves to IN_REVIEW")
    ReadView assign(@AuthenticationPrincipal CredoUser user, @RequestBody AssignRequest request) {
        return ReadView.of(reads.assign(user.organizationId(), request.applicationId(), request.readerId()));
    }

    @PostMapping("/assignments/round-robin")
    @Operation(summary = "Give every waiting submitted application (of a program, or all) to the least-loaded reader")
    Assigned roundRobin(
            @AuthenticationPrincipal CredoUser user, @RequestParam(required = false) @Nullable UUID programId) {
        return new Assigned(reads.assignRoundRobin(user.organizationId(), programId));
    }

    @GetMapping("/{readId}")
    @Operation(summary = "One of the caller's reads; other readers' scores only once the caller's read is submitted")
    ReadDetails read(@AuthenticationPrincipal CredoUser user, @PathVariable UUID readId) {
        var read = reads.mine(user, readId);
        return details(user, read);
    }

    @PostMapping("/{readId}/submit")
    @Operation(summary = "Submit the caller's scores for every rubric criterion")
    ReadDetails submit(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID readId, @RequestBody SubmitRequest request) {
        var read = reads.submit(
                user,
                readId,
                request.scores() == null ? Map.of() : request.scores(),
                request.criterionComments() == null ? new HashMap<>() : request.criterionComments(),
                request.comments());
        return details(user, read);
    }

    @PostMapping("/{readId}/recuse")
    @Operation(summary = "Recuse from a read (conflict of interest); the application waits to be reassigned")
    ReadView recuse(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID readId, @RequestBody RecuseRequest request) {
        return ReadView.of(reads.recuse(user, readId, request.reason()));
    }

    @GetMapping("/committee")
    @Operation(
            summary = "Applications by mean weighted score, filtered and paged",
            description = "sort: score (default, descending), number, applicant, reads. A score is null while the"
                    + " caller's own read of the application is open.")
    PageResult<Committee.Row> committee(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID cycleId,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable ApplicationStatus status,
            @RequestParam(required = false) @Nullable BigDecimal minScore,
            @RequestParam(required = false) @Nullable BigDecimal maxScore,
            @RequestParam(required = false) @Nullable Integer minReads,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return committee.page(
                user,
                new Committee.Filter(cycleId, programId, status, minScore, maxScore, minReads),
                PageQuery.of(page, size, sort, Committee.SORTABLE, false));
    }

    private ReadDetails details(CredoUser user, Reads.Read read) {
        var org = user.organizationId();
        return new ReadDetails(
                ReadView.of(read),
                reads.scores(org, read.id()),
                reads.othersVisibleTo(user, read).stream().map(ReadView::of).toList());
    }
}
