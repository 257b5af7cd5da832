package org.credo.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.api.CatalogViews.DetailsView;
import org.credo.catalog.api.CatalogViews.ProposalView;
import org.credo.catalog.proposal.Curriculum;
import org.credo.catalog.proposal.ImpactItem;
import org.credo.catalog.proposal.Proposal;
import org.credo.catalog.proposal.ProposalItems;
import org.credo.catalog.proposal.ProposalRequest;
import org.credo.catalog.proposal.Proposals;
import org.credo.catalog.proposal.Reviews;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Curriculum proposals and decisions over the REST API. */
@RestController
@RequestMapping("/api/v1/catalog/proposals")
@Tag(
        name = "Catalog proposals",
        description = "Propose, review and publish changes to courses, programs and credentials")
class ProposalApi {

    /** A reviewer's decision: APPROVE, RETURN or REJECT; a comment is required to return or reject. */
    record DecisionRequest(
            @Nullable String decision, @Nullable String comment) {}

    private final Curriculum curriculum;
    private final Reviews reviews;
    private final ProposalItems items;

    ProposalApi(Curriculum curriculum, Reviews reviews, ProposalItems items) {
        this.curriculum = curriculum;
        this.reviews = reviews;
        this.items = items;
    }

    @GetMapping
    @Operation(
            summary = "List proposals",
            description = "filter is MINE, AWAITING (my review) or ALL; status and q (title or item) narrow it.")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    PageResult<ProposalView> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        var query = PageQuery.of(page, size, sort == null ? "updatedAt,desc" : sort, Proposals.SORTABLE, false);
        return curriculum.page(user, filter(filter), status, q, query).map(this::view);
    }

    @PostMapping
    @Operation(
            summary = "Create a draft proposal",
            description = "kind COURSE, PROGRAM or CREDENTIAL; action CREATE, MODIFY or RETIRE; item names the "
                    + "existing course (CS 101), program (BSC-CS) or achievement id; content is the proposed version. "
                    + "Send Idempotency-Key to make retries safe: a repeated key returns the first proposal (200).")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    ResponseEntity<DetailsView> create(
            @AuthenticationPrincipal CredoUser user,
            @RequestBody ProposalRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String key) {
        if (key != null && (key.isBlank() || key.length() > 150)) {
            throw ProblemException.badRequest(
                    "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 150 characters.");
        }
        if (key != null) {
            var earlier = curriculum.findByIdempotencyKey(user, key);
            if (earlier.isPresent()) {
                return ResponseEntity.ok(details(user, earlier.get().id()));
            }
        }
        Proposal created;
        try {
            created = curriculum.create(user, request, key);
        } catch (DuplicateKeyException raced) {
            if (key == null) {
                throw raced;
            }
            return ResponseEntity.ok(details(
                    user,
                    curriculum.findByIdempotencyKey(user, key).orElseThrow().id()));
        }
        return ResponseEntity.created(URI.create("/api/v1/catalog/proposals/" + created.id()))
                .body(details(user, created.id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A proposal with its diff against the current version, steps, decisions and impact")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    DetailsView show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return details(user, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft or returned proposal (author only)")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    DetailsView revise(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody ProposalRequest request) {
        curriculum.revise(user, id, request);
        return details(user, id);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit into the organization's approval chain (author only)")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    DetailsView submit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        curriculum.submit(user, id);
        return details(user, id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw an open proposal (author only)")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    DetailsView withdraw(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        curriculum.withdraw(user, id);
        return details(user, id);
    }

    @PostMapping("/{id}/decisions")
    @Operation(
            summary = "Approve, return or reject the step you review",
            description =
                    "Refused (403) when you do not hold the step's role or group; (409) when you decided already.")
    @PreAuthorize("hasAnyRole('COMMITTEE_MEMBER','REGISTRAR','ADMINISTRATOR','CURRICULUM_AUTHOR','CATALOG_EDITOR')")
    ResponseEntity<DetailsView> decide(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody DecisionRequest request) {
        reviews.decide(user, id, request.decision(), request.comment());
        return ResponseEntity.status(201).body(details(user, id));
    }

    @GetMapping("/{id}/impact")
    @Operation(summary = "Programs and courses that reference the course this proposal changes or retires")
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    List<ImpactItem> impact(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return curriculum.details(user, id).impact();
    }

    private DetailsView details(CredoUser user, UUID id) {
        return DetailsView.of(curriculum.details(user, id), items);
    }

    private ProposalView view(Proposal p) {
        return ProposalView.of(p, items.toJson(items.parse(p.kind(), p.content())));
    }

    static Proposals.Filter filter(@Nullable String filter) {
        try {
            return filter == null || filter.isBlank()
                    ? Proposals.Filter.ALL
                    : Proposals.Filter.valueOf(filter.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("filter", "use MINE, AWAITING or ALL");
        }
    }
}
