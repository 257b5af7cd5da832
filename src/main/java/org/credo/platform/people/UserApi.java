package org.credo.platform.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The people of the caller's organization, for administrators. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Users", description = "Invite people, assign roles, deactivate")
class UserApi {

    /** New roles for a member. */
    record RolesBody(
            @NotEmpty(message = "give at least one role") Set<Role> roles) {}

    private final People people;
    private final PeopleService service;

    UserApi(People people, PeopleService service) {
        this.people = people;
        this.service = service;
    }

    @GetMapping
    @Operation(
            summary = "List members",
            description = "Paged; q searches name and email; sort by name, email or createdAt.")
    PageResult<PersonRow> list(
            @AuthenticationPrincipal CredoUser admin,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return people.members(admin.organizationId(), q, PageQuery.of(page, size, sort, People.SORTABLE, true));
    }

    @PostMapping
    @Operation(
            summary = "Invite a person",
            description = "Emails an invitation link, or tells an existing account it was added.")
    ResponseEntity<PersonRow> invite(
            @AuthenticationPrincipal CredoUser admin, @Valid @RequestBody Invitation invitation) {
        var personId = service.invite(admin.organizationId(), admin.organizationName(), invitation);
        return ResponseEntity.created(URI.create("/api/v1/users/" + personId)).body(row(admin, personId));
    }

    @GetMapping("/{personId}")
    PersonRow show(@AuthenticationPrincipal CredoUser admin, @PathVariable UUID personId) {
        return row(admin, personId);
    }

    @PutMapping("/{personId}/roles")
    PersonRow changeRoles(
            @AuthenticationPrincipal CredoUser admin, @PathVariable UUID personId, @Valid @RequestBody RolesBody body) {
        service.changeRoles(admin.organizationId(), personId, body.roles());
        return row(admin, personId);
    }

    @PostMapping("/{personId}/deactivate")
    PersonRow deactivate(@AuthenticationPrincipal CredoUser admin, @PathVariable UUID personId) {
        service.deactivate(admin.organizationId(), personId, admin.personId());
        return row(admin, personId);
    }

    @PostMapping("/{personId}/reactivate")
    PersonRow reactivate(@AuthenticationPrincipal CredoUser admin, @PathVariable UUID personId) {
        service.reactivate(admin.organizationId(), personId);
        return row(admin, personId);
    }

    private PersonRow row(CredoUser admin, UUID personId) {
        var membership = people.membership(admin.organizationId(), personId)
                .orElseThrow(() -> ProblemException.notFound("That member"));
        var person = people.findById(personId).orElseThrow();
        return new PersonRow(
                person.id(),
                person.email(),
                person.displayName(),
                membership.roles(),
                membership.active(),
                !person.hasPassword(),
                person.createdAt());
    }
}
