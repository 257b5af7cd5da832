package org.credo.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.approval.ApprovalChain;
import org.credo.catalog.approval.ApprovalStep;
import org.credo.catalog.approval.ReviewGroup;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's approval chain and review groups over the REST API; administrators change them. */
@RestController
@RequestMapping("/api/v1/catalog/approval-chain")
@Tag(name = "Catalog approval chain", description = "Ordered steps (same position = parallel), each a role or a group")
class ApprovalChainApi {

    record ChainView(List<ApprovalStep> steps, List<ReviewGroup> groups) {}

    /** A step: position from 1, a name, and either a role or a group id. */
    record StepRequest(
            @Nullable Integer position,
            @Nullable String name,
            @Nullable String role,
            @Nullable UUID groupId) {}

    record GroupRequest(@Nullable String name) {}

    record MemberRequest(@Nullable String email) {}

    private final ApprovalChain chain;

    ApprovalChainApi(ApprovalChain chain) {
        this.chain = chain;
    }

    @GetMapping
    @PreAuthorize(
            "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR','INTEGRATOR')")
    ChainView show(@AuthenticationPrincipal CredoUser user) {
        return new ChainView(chain.steps(user.organizationId()), chain.groups(user.organizationId()));
    }

    @PostMapping("/steps")
    @Operation(summary = "Add a step; proposals already in review keep the chain they were submitted into")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<ApprovalStep> addStep(@AuthenticationPrincipal CredoUser user, @RequestBody StepRequest r) {
        if (r.position() == null) {
            throw ProblemException.invalidField("position", "is required: 1 for the first step");
        }
        Role role = null;
        if (r.role() != null && !r.role().isBlank()) {
            role = Role.parse(r.role()).orElseThrow(() -> ProblemException.invalidField("role", "is not a role"));
        }
        return ResponseEntity.status(201)
                .body(chain.addStep(
                        user.organizationId(), r.position(), r.name() == null ? "" : r.name(), role, r.groupId()));
    }

    @DeleteMapping("/steps/{id}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<Void> removeStep(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        chain.removeStep(user.organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/groups")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<ReviewGroup> createGroup(@AuthenticationPrincipal CredoUser user, @RequestBody GroupRequest r) {
        return ResponseEntity.status(201)
                .body(chain.createGroup(user.organizationId(), r.name() == null ? "" : r.name()));
    }

    @PostMapping("/groups/{id}/members")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ReviewGroup addMember(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody MemberRequest r) {
        chain.addMember(user.organizationId(), id, r.email() == null ? "" : r.email());
        return chain.group(user.organizationId(), id).orElseThrow();
    }

    @DeleteMapping("/groups/{id}/members/{personId}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<Void> removeMember(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID personId) {
        chain.removeMember(user.organizationId(), id, personId);
        return ResponseEntity.noContent().build();
    }
}
