package org.credo.scheduling.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.scheduling.instructor.Instructor;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.room.Building;
import org.credo.scheduling.room.Room;
import org.credo.scheduling.room.Rooms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Buildings, rooms and instructors' availability and load limits over the REST API. */
@RestController
@PreAuthorize("hasRole('REGISTRAR')")
@Tag(name = "Rooms and instructors", description = "Buildings and rooms; instructors' availability and load limits")
class RoomsApi {

    /** A building to add or rename. */
    record BuildingRequest(@Nullable String code, @Nullable String name) {}

    /** A room to add or change. */
    record RoomRequest(
            @Nullable UUID buildingId,
            @Nullable String number,
            @Nullable Integer capacity,
            @Nullable List<String> features,
            @Nullable Boolean accessible,
            @Nullable Boolean active) {}

    /** An instructor's weekly availability (a day without times is out) and load limits (none: no limit). */
    record InstructorRequest(
            @Nullable List<Instructor.Availability> availability,
            @Nullable Integer maxSections,
            @Nullable BigDecimal maxCredits) {}

    private final Rooms rooms;
    private final Instructors instructors;

    RoomsApi(Rooms rooms, Instructors instructors) {
        this.rooms = rooms;
        this.instructors = instructors;
    }

    @GetMapping("/api/v1/buildings")
    List<Building> buildings(@AuthenticationPrincipal CredoUser user) {
        return rooms.buildings(user.organizationId());
    }

    @PostMapping("/api/v1/buildings")
    ResponseEntity<Building> addBuilding(
            @AuthenticationPrincipal CredoUser user, @RequestBody BuildingRequest request) {
        var b = rooms.saveBuilding(user.organizationId(), null, request.code(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/buildings/" + b.id())).body(b);
    }

    @PutMapping("/api/v1/buildings/{id}")
    Building updateBuilding(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody BuildingRequest request) {
        return rooms.saveBuilding(user.organizationId(), id, request.code(), request.name());
    }

    @GetMapping("/api/v1/rooms")
    @Operation(
            summary =
                    "The organization's rooms, paged (sort name or capacity), optionally with at least minCapacity seats")
    PageResult<Room> rooms(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer minCapacity,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return rooms.page(user.organizationId(), minCapacity, PageQuery.of(page, size, sort, Rooms.SORTABLE, true));
    }

    @PostMapping("/api/v1/rooms")
    ResponseEntity<Room> addRoom(@AuthenticationPrincipal CredoUser user, @RequestBody RoomRequest request) {
        var room = save(user, null, request);
        return ResponseEntity.created(URI.create("/api/v1/rooms/" + room.id())).body(room);
    }

    @GetMapping("/api/v1/rooms/{id}")
    Room room(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return rooms.find(user.organizationId(), id);
    }

    @PutMapping("/api/v1/rooms/{id}")
    Room updateRoom(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody RoomRequest request) {
        return save(user, id, request);
    }

    @GetMapping("/api/v1/instructors")
    @Operation(summary = "The organization's instructors with their availability and load limits")
    List<Instructor> instructors(@AuthenticationPrincipal CredoUser user) {
        return instructors.all(user.organizationId());
    }

    @GetMapping("/api/v1/instructors/{personId}")
    Instructor instructor(@AuthenticationPrincipal CredoUser user, @PathVariable UUID personId) {
        return instructors.find(user.organizationId(), personId);
    }

    @PutMapping("/api/v1/instructors/{personId}")
    @Operation(summary = "Replace an instructor's weekly availability and load limits")
    Instructor updateInstructor(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID personId,
            @RequestBody InstructorRequest request) {
        var availability = request.availability() == null ? List.<Instructor.Availability>of() : request.availability();
        for (var a : availability) {
            if (a.day() == null) {
                throw ProblemException.invalidField("availability", "give the day of each entry, such as MONDAY.");
            }
        }
        return instructors.save(
                user.organizationId(), personId, availability, request.maxSections(), request.maxCredits());
    }

    private Room save(CredoUser user, @Nullable UUID id, RoomRequest request) {
        return rooms.save(
                user.organizationId(),
                id,
                request.buildingId(),
                request.number(),
                request.capacity(),
                request.features() == null ? List.of() : request.features(),
                request.accessible() == null || request.accessible(),
                request.active() == null || request.active());
    }
}
