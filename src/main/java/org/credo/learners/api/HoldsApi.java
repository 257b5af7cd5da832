package org.credo.learners.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.credo.learners.api.LearnerViews.HoldTypeRequest;
import org.credo.learners.api.LearnerViews.HoldTypeView;
import org.credo.learners.api.LearnerViews.HoldView;
import org.credo.learners.api.LearnerViews.PlaceHoldRequest;
import org.credo.learners.api.LearnerViews.ReasonRequest;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Hold types and holds over the REST API. */
@RestController
@Tag(name = "Holds", description = "Hold types per organization; holds placed and released by the owning office")
class HoldsApi {

    private static final String OFFICES = "hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER','ADVISOR','BURSAR')";

    private final HoldTypes types;
    private final LearnerHolds holds;

    HoldsApi(HoldTypes types, LearnerHolds holds) {
        this.types = types;
        this.holds = holds;
    }

    @GetMapping("/api/v1/hold-types")
    @Operation(summary = "The organization's hold types")
    @PreAuthorize(OFFICES)
    List<HoldTypeView> types(@AuthenticationPrincipal CredoUser user) {
        return types.all(user.organizationId()).stream().map(HoldTypeView::of).toList();
    }

    @PostMapping("/api/v1/hold-types")
    @Operation(summary = "Define a hold type")
    @PreAuthorize("hasRole('REGISTRAR')")
    ResponseEntity<HoldTypeView> create(
            @AuthenticationPrincipal CredoUser user, @Valid @RequestBody HoldTypeRequest request) {
        var type = save(user, null, request);
        return ResponseEntity.created(URI.create("/api/v1/hold-types/" + type.id()))
                .body(type);
    }

    @PutMapping("/api/v1/hold-types/{id}")
    @Operation(summary = "Change a hold type")
    @PreAuthorize("hasRole('REGISTRAR')")
    HoldTypeView update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @RequestBody HoldTypeRequest request) {
        return save(user, id, request);
    }

    @GetMapping("/api/v1/holds")
    @Operation(summary = "The organization's active holds, newest first (at most 200)")
    @PreAuthorize(OFFICES)
    List<HoldView> active(@AuthenticationPrincipal CredoUser user) {
        return holds.active(user.organizationId(), null, 200).stream()
                .map(HoldView::of)
                .toList();
    }

    @PostMapping("/api/v1/holds")
    @Operation(summary = "Place a hold (only the office that owns the hold type may)")
    @PreAuthorize(OFFICES)
    ResponseEntity<HoldView> place(
            @AuthenticationPrincipal CredoUser user, @Valid @RequestBody PlaceHoldRequest request) {
        var hold = holds.place(user, request.learnerId(), request.holdTypeId(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id())).body(HoldView.of(hold));
    }

    @GetMapping("/api/v1/holds/{id}")
    @PreAuthorize(OFFICES)
    HoldView get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return HoldView.of(holds.find(user.organizationId(), id));
    }

    @PostMapping("/api/v1/holds/{id}/release")
    @Operation(summary = "Release a hold, with a reason (only the owning office may)")
    @PreAuthorize(OFFICES)
    HoldView release(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return HoldView.of(holds.release(user, id, request.reason()));
    }

    private HoldTypeView save(CredoUser user, @org.jspecify.annotations.Nullable UUID id, HoldTypeRequest request) {
        if (request.blocks().isEmpty()) {
            throw ProblemException.invalidField("blocks", "choose at least one action the hold blocks.");
        }
        return HoldTypeView.of(types.save(
                user.organizationId(),
                id,
                request.name(),
                EnumSet.copyOf(request.blocks()),
                request.office(),
                request.instructions(),
                request.active() == null || request.active()));
    }
}
