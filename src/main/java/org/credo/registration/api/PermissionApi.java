package org.credo.registration.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Permissions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

/** Permissions to enroll (the override list) and a section's waitlist settings, for the registrar. */
@RestController
@Tag(name = "Registration", description = "Enrollments in sections, waitlists, overrides and bulk registration")
@PreAuthorize("hasRole('REGISTRAR')")
class PermissionApi {

    /** What giving a permission takes. */
    record PermissionRequest(
            @Nullable String learnerNumber, @Nullable String reason) {}

    /** How a section's waitlist moves. */
    record WaitlistSettings(boolean autoEnroll, boolean majorsFirst) {}

    private static final List<String> SORTABLE = List.of("granted");

    private final Enrollments enrollments;
    private final Permissions permissions;

    PermissionApi(Enrollments enrollments, Permissions permissions) {
        this.enrollments = enrollments;
        this.permissions = permissions;
    }

    @GetMapping("/api/v1/registration/sections/{sectionId}/permissions")
    @Operation(summary = "A section's permissions to enroll in force, newest first, paged")
    PageResult<Permissions.Permission> list(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        enrollments.sectionOf(user.organizationId(), sectionId);
        var all = permissions.ofSection(user.organizationId(), sectionId);
        var query = PageQuery.of(page, size, "granted", SORTABLE, false);
        var items = all.stream().skip(query.offset()).limit(query.size()).toList();
        return PageResult.of(items, query, all.size());
    }

    @PostMapping("/api/v1/registration/sections/{sectionId}/permissions")
    @Operation(
            summary = "Give a learner a permission to enroll in the section",
            description =
                    "Sets aside the overridable refusals (closed section, prerequisite, corequisite, time conflict,"
                            + " credit and repeat limits) when that learner adds the section; never a seat beyond capacity."
                            + " Giving it again answers the permission in force (200).")
    ResponseEntity<Permissions.Permission> grant(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestBody PermissionRequest request) {
        var section = enrollments.sectionOf(user.organizationId(), sectionId);
        var given = permissions.give(
                user.organizationId(), section, request.learnerNumber(), request.reason(), actor(user));
        return ResponseEntity.status(given.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(given.permission());
    }

    @DeleteMapping("/api/v1/registration/sections/{sectionId}/permissions/{permissionId}")
    @Operation(summary = "Take back a permission not used yet")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId, @PathVariable UUID permissionId) {
        var section = enrollments.sectionOf(user.organizationId(), sectionId);
        permissions.revoke(user.organizationId(), section, permissionId, actor(user));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/registration/sections/{sectionId}/waitlist-settings")
    @Operation(summary = "Set whether the section's waitlist enrolls the next learner at once, and majors first")
    WaitlistSettings waitlistSettings(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestBody WaitlistSettings request) {
        var section = enrollments.sectionOf(user.organizationId(), sectionId);
        enrollments.waitlistSettings(
                user.organizationId(), section, request.autoEnroll(), request.majorsFirst(), actor(user));
        return request;
    }

    private static Enrollments.Actor actor(CredoUser user) {
        return new Enrollments.Actor(user.personId(), user.displayName(), true);
    }
}
