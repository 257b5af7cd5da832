package org.credo.scheduling.web;

import java.util.HashMap;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.scheduling.room.Rooms;
import org.credo.scheduling.section.Sections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** An instructor's own sections, read-only: when and where they meet. */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class TeachingPage {

    private final Sections sections;
    private final Rooms rooms;

    TeachingPage(Sections sections, Rooms rooms) {
        this.sections = sections;
        this.rooms = rooms;
    }

    @GetMapping("/teach/sections")
    String mine(@AuthenticationPrincipal CredoUser user, Model model) {
        var roomNames = new HashMap<UUID, String>();
        rooms.all(user.organizationId()).forEach(r -> roomNames.put(r.id(), r.name()));
        model.addAttribute("sections", sections.taughtBy(user.organizationId(), user.personId()));
        model.addAttribute("roomNames", roomNames);
        return "scheduling/teaching";
    }
}
