package org.credo.scheduling.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.section.Conflict;
import org.credo.scheduling.section.Conflicts;
import org.credo.scheduling.section.Meeting;
import org.credo.scheduling.section.MeetingDraft;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
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
import org.springframework.web.bind.annotation.RestController;

/** Sections, their meetings, reserved seats, status and conflicts over the REST API; an instructor's own sections. */
@RestController
@Tag(name = "Sections", description = "Sections of a term: meetings, reserved seats, status, conflicts")
class SectionsApi {

    /** A status change; a cancellation needs a reason. */
    record StatusRequest(
            @Nullable SectionStatus status, @Nullable String reason) {}

    /** Seats to keep for a program or cohort. */
    record ReservationRequest(
            @Nullable String kind,
            @Nullable String reference,
            @Nullable Integer seats) {}

    /** A meeting as saved, with the conflicts of its section afterwards. */
    record MeetingResult(Meeting meeting, List<Conflict> conflicts) {}

    private final Sections sections;
    private final Meetings meetings;
    private final Conflicts conflicts;

    SectionsApi(Sections sections, Meetings meetings, Conflicts conflicts) {
        this.sections = sections;
        this.meetings = meetings;
        this.conflicts = conflicts;
    }

    @GetMapping("/api/v1/sections/{id}")
    @PreAuthorize("hasRole('REGISTRAR')")
    Section get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return sections.find(user.organizationId(), id);
    }

    @PutMapping("/api/v1/sections/{id}")
    @PreAuthorize("hasRole('REGISTRAR')")
    @Operation(summary = "Change a section (its course stays)")
    Section update(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody SectionDraft draft) {
        return sections.update(user.organizationId(), id, draft);
    }

    @PostMapping("/api/v1/sections/{id}/status")
    @PreAuthorize("hasRole('REGISTRAR')")
    @Operation(summary = "Open, close or cancel a section (cancelling needs a reason and is final)")
    Section status(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody StatusRequest request) {
        return sections.changeStatus(user.organizationId(), id, request.status(), request.reason());
    }

    @PutMapping("/api/v1/sections/{id}/pinned")
    @PreAuthorize("hasRole('REGISTRAR')")
    @Operation(
            summary = "Pin or unpin a section's meetings",
            description = "Body: true or false. The timetabling solver never moves a pinned section's meetings.")
    Section pin(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody boolean pinned) {
        return sections.pin(user.organizationId(), id, pinned);
    }

    @PostMapping("/api/v1/sections/{id}/meetings")
    @PreAuthorize("hasRole('REGISTRAR')")
    @Operation(summary = "Add a meeting; the answer lists the section's conflicts")
    ResponseEntity<MeetingResult> addMeeting(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody MeetingDraft draft) {
        var meeting = meetings.add(user.organizationId(), id, draft);
        return ResponseEntity.status(201)
                .body(new MeetingResult(meeting, conflicts.ofSection(user.organizationId(), id)));
    }

    @PutMapping("/api/v1/sections/{id}/meetings/{meetingId}")
    @PreAuthorize("hasRole('REGISTRAR')")
    MeetingResult updateMeeting(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID meetingId,
            @RequestBody MeetingDraft draft) {
        var meeting = meetings.update(user.organizationId(), id, meetingId, draft);
        return new MeetingResult(meeting, conflicts.ofSection(user.organizationId(), id));
    }

    @DeleteMapping("/api/v1/sections/{id}/meetings/{meetingId}")
    @PreAuthorize("hasRole('REGISTRAR')")
    ResponseEntity<Void> removeMeeting(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID meetingId) {
        meetings.remove(user.organizationId(), id, meetingId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/sections/{id}/reserved-seats")
    @PreAuthorize("hasRole('REGISTRAR')")
    @Operation(summary = "Keep seats for a program (by code) or a cohort (by name)")
    ResponseEntity<Section> reserve(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody ReservationRequest request) {
        return ResponseEntity.status(201)
                .body(meetings.reserve(
                        user.organizationId(), id, request.kind(), request.reference(), request.seats()));
    }

    @DeleteMapping("/api/v1/sections/{id}/reserved-seats/{reservationId}")
    @PreAuthorize("hasRole('REGISTRAR')")
    Section release(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID reservationId) {
        return meetings.release(user.organizationId(), id, reservationId);
    }

    @GetMapping("/api/v1/sections/{id}/conflicts")
    @PreAuthorize("hasRole('REGISTRAR')")
    List<Conflict> conflicts(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return conflicts.ofSection(user.organizationId(), id);
    }

    @GetMapping("/api/v1/me/sections")
    @PreAuthorize("hasRole('INSTRUCTOR')")
    @Operation(summary = "The sections the signed-in instructor teaches, latest term first")
    List<Section> mine(@AuthenticationPrincipal CredoUser user) {
        return sections.taughtBy(user.organizationId(), user.personId());
    }
}
