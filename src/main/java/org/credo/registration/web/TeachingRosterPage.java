package org.credo.registration.web;

import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Permissions;
import org.credo.registration.enrollment.Seats;
import org.credo.registration.enrollment.Waitlists;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An instructor's roster of a section they teach, and its CSV export; any other section is not found. */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class TeachingRosterPage {

    private final Enrollments enrollments;
    private final Rosters rosters;
    private final Seats seats;
    private final Waitlists waitlists;
    private final Permissions permissions;

    TeachingRosterPage(
            Enrollments enrollments, Rosters rosters, Seats seats, Waitlists waitlists, Permissions permissions) {
        this.enrollments = enrollments;
        this.rosters = rosters;
        this.seats = seats;
        this.waitlists = waitlists;
        this.permissions = permissions;
    }

    @GetMapping("/teach/rosters/{sectionId}")
    String roster(@AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId, Model model) {
        var section = taught(user, sectionId);
        model.addAttribute("section", section);
        model.addAttribute("roster", rosters.enrolled(user.organizationId(), sectionId));
        model.addAttribute("count", seats.count(sectionId).orElse(null));
        model.addAttribute(
                "waiting", waitlists.ofSection(user.organizationId(), sectionId).size());
        model.addAttribute("zone", user.zone());
        model.addAttribute("permissions", permissions.ofSection(user.organizationId(), sectionId));
        return "registration/teaching-roster";
    }

    @GetMapping("/teach/rosters/{sectionId}/roster.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId) {
        return rosters.csv(user.organizationId(), taught(user, sectionId));
    }

    private SectionRecord taught(CredoUser user, UUID sectionId) {
        var section = enrollments.sectionOf(user.organizationId(), sectionId);
        if (!section.instructorIds().contains(user.personId())) {
            throw ProblemException.notFound("A section you teach");
        }
        return section;
    }
}
