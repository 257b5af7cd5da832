package org.credo.scheduling.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.room.Rooms;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registrar's pages for buildings and rooms, and for instructors' availability and load limits. A refused form
 * comes back with what was typed and the field marked.
 */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class RoomPages {

    static final String ROOMS = "scheduling/rooms";
    static final String INSTRUCTORS = "scheduling/instructors";
    static final String INSTRUCTOR = "scheduling/instructor";

    private final Rooms rooms;
    private final Instructors instructors;

    RoomPages(Rooms rooms, Instructors instructors) {
        this.rooms = rooms;
        this.instructors = instructors;
    }

    /** What was typed in the room form, to show it again. */
    record RoomTyped(
            @Nullable UUID id,
            @Nullable UUID buildingId,
            String number,
            @Nullable Integer capacity,
            List<String> features,
            boolean accessible,
            boolean active) {}

    @GetMapping("/manage/scheduling/rooms")
    String rooms(
            @AuthenticationPrincipal CredoUser user, @RequestParam(required = false) @Nullable UUID edit, Model model) {
        var typed = edit == null
                ? new RoomTyped(null, null, "", null, List.of(), true, true)
                : rooms.byId(user.organizationId(), edit)
                        .map(r -> new RoomTyped(
                                r.id(),
                                r.buildingId(),
                                r.number(),
                                r.capacity(),
                                r.features(),
                                r.accessible(),
                                r.active()))
                        .orElse(new RoomTyped(null, null, "", null, List.of(), true, true));
        model.addAttribute("room", typed);
        return roomsPage(user, model);
    }

    @PostMapping("/manage/scheduling/buildings")
    String saveBuilding(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            Model model) {
        try {
            var b = rooms.saveBuilding(user.organizationId(), null, code, name);
            model.addAttribute("flash", "Added the building " + b.code() + ".");
        } catch (ProblemException e) {
            model.addAttribute("buildingError", e.field().orElse("code"));
            model.addAttribute("buildingMessage", FormErrors.message(e));
            model.addAttribute("buildingCode", code);
            model.addAttribute("buildingName", name);
        }
        model.addAttribute("room", new RoomTyped(null, null, "", null, List.of(), true, true));
        return roomsPage(user, model);
    }

    @PostMapping("/manage/scheduling/rooms")
    String saveRoom(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID id,
            @RequestParam(required = false) @Nullable UUID buildingId,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(required = false) @Nullable Integer capacity,
            @RequestParam(required = false) @Nullable List<String> features,
            @RequestParam(defaultValue = "false") boolean accessible,
            @RequestParam(defaultValue = "false") boolean active,
            Model model) {
        var typed = new RoomTyped(
                id, buildingId, number, capacity, features == null ? List.of() : features, accessible, active);
        try {
            var room = rooms.save(
                    user.organizationId(), id, buildingId, number, capacity, typed.features(), accessible, active);
            model.addAttribute("flash", "Saved the room " + room.name() + ".");
            model.addAttribute("room", new RoomTyped(null, null, "", null, List.of(), true, true));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            model.addAttribute("roomError", e.field().orElse("number"));
            model.addAttribute("roomMessage", FormErrors.message(e));
            model.addAttribute("room", typed);
        }
        return roomsPage(user, model);
    }

    @GetMapping("/manage/scheduling/instructors")
    String instructors(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("instructors", instructors.all(user.organizationId()));
        return INSTRUCTORS;
    }

    @GetMapping("/manage/scheduling/instructors/{personId}")
    String instructor(@AuthenticationPrincipal CredoUser user, @PathVariable UUID personId, Model model) {
        var i = instructors.find(user.organizationId(), personId);
        model.addAttribute("instructor", i);
        model.addAttribute(
                "availability",
                String.join("\n", i.availability().stream().map(a -> a.text()).toList()));
        model.addAttribute("maxSections", i.maxSections());
        model.addAttribute("maxCredits", i.maxCredits());
        return INSTRUCTOR;
    }

    @PostMapping("/manage/scheduling/instructors/{personId}")
    String saveInstructor(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID personId,
            @RequestParam(defaultValue = "") String availability,
            @RequestParam(required = false) @Nullable Integer maxSections,
            @RequestParam(required = false) @Nullable BigDecimal maxCredits,
            Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var i = instructors.find(user.organizationId(), personId);
        try {
            instructors.save(user.organizationId(), personId, Instructors.parse(availability), maxSections, maxCredits);
            redirect.addFlashAttribute("flash", "Saved the availability and load limits of " + i.name() + ".");
            return "redirect:/manage/scheduling/instructors";
        } catch (ProblemException e) {
            model.addAttribute("instructor", i);
            model.addAttribute("availability", availability);
            model.addAttribute("maxSections", maxSections);
            model.addAttribute("maxCredits", maxCredits);
            model.addAttribute("errorField", e.field().orElse("availability"));
            model.addAttribute("errorMessage", FormErrors.message(e));
            return INSTRUCTOR;
        }
    }

    private String roomsPage(CredoUser user, Model model) {
        model.addAttribute("buildings", rooms.buildings(user.organizationId()));
        model.addAttribute("rooms", rooms.all(user.organizationId()));
        model.addAttribute("features", Rooms.FEATURES);
        return ROOMS;
    }
}
