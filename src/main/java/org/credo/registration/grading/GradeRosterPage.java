package org.credo.registration.grading;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instructor's grade roster of a section they teach: enter, save, submit by the final-grades date, and ask
 * for a change to a submitted grade. Any other section is not found.
 */
@Controller
@PreAuthorize("hasRole('INSTRUCTOR')")
class GradeRosterPage {

    static final String VIEW = "registration/grade-roster";
    private static final String FIELD = "grade-";

    private final GradeRosters rosters;
    private final GradeChanges changes;
    private final GradeScales scales;

    GradeRosterPage(GradeRosters rosters, GradeChanges changes, GradeScales scales) {
        this.rosters = rosters;
        this.changes = changes;
        this.scales = scales;
    }

    @GetMapping("/teach/sections/{sectionId}/grades")
    String page(@AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId, Model model) {
        return show(user, taught(user, sectionId), Map.of(), null, model);
    }

    @PostMapping("/teach/sections/{sectionId}/grades")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect) {
        var section = taught(user, sectionId);
        var entered = new LinkedHashMap<UUID, String>();
        form.forEach((name, grade) -> {
            if (name.startsWith(FIELD)) {
                entered.put(UUID.fromString(name.substring(FIELD.length())), grade);
            }
        });
        boolean submit = action.equals("submit");
        try {
            int posted = rosters.save(
                    user.organizationId(), sectionId, entered, submit, LocalDate.now(user.zone()), user.displayName());
            redirect.addFlashAttribute(
                    "notice",
                    submit ? posted + " grades submitted; learners see them now." : "Grades saved as a draft.");
            return "redirect:/teach/sections/" + sectionId + "/grades";
        } catch (ProblemException e) {
            return show(user, section, entered, e.getMessage(), model);
        }
    }

    @PostMapping("/teach/sections/{sectionId}/grades/change")
    String change(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam("enrollment") UUID enrollmentId,
            @RequestParam String grade,
            @RequestParam String reason,
            Model model,
            RedirectAttributes redirect) {
        var section = taught(user, sectionId);
        try {
            changes.request(user.organizationId(), sectionId, enrollmentId, grade, reason, user.displayName());
            redirect.addFlashAttribute("notice", "Grade change requested; the registrar will approve or reject it.");
            return "redirect:/teach/sections/" + sectionId + "/grades";
        } catch (ProblemException e) {
            return show(user, section, Map.of(), e.getMessage(), model);
        }
    }

    private String show(CredoUser user, SectionRecord section, Map<UUID, String> typed, String problem, Model model) {
        var orgId = user.organizationId();
        var roster = rosters.roster(orgId, section.sectionId());
        var values = new LinkedHashMap<String, String>();
        roster.forEach(l -> values.put(
                l.enrollmentId().toString(),
                typed.containsKey(l.enrollmentId())
                        ? typed.get(l.enrollmentId())
                        : l.grade() == null ? "" : l.grade()));
        model.addAttribute("section", section);
        model.addAttribute("roster", roster);
        model.addAttribute("values", values);
        model.addAttribute("scale", scales.of(orgId));
        var due = rosters.gradesDue(orgId, section).orElse(null);
        model.addAttribute("due", due);
        model.addAttribute("closed", due != null && LocalDate.now(user.zone()).isAfter(due));
        model.addAttribute("allSubmitted", !roster.isEmpty() && roster.stream().allMatch(GradeRosters.Line::submitted));
        model.addAttribute("problem", problem);
        return VIEW;
    }

    private SectionRecord taught(CredoUser user, UUID sectionId) {
        var section = rosters.section(user.organizationId(), sectionId);
        if (!section.instructorIds().contains(user.personId())) {
            throw ProblemException.notFound("A section you teach");
        }
        return section;
    }
}
