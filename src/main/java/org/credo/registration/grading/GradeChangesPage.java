package org.credo.registration.grading;

import java.util.UUID;
import org.credo.platform.CredoUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registrar's queue of grade changes instructors asked for, each approved or rejected. */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class GradeChangesPage {

    private final GradeChanges changes;

    GradeChangesPage(GradeChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/manage/registration/grade-changes")
    String page(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("changes", changes.pending(user.organizationId()));
        model.addAttribute("zone", user.zone());
        return "registration/grade-changes";
    }

    @PostMapping("/manage/registration/grade-changes/{changeId}")
    String decide(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID changeId,
            @RequestParam String decision,
            RedirectAttributes redirect) {
        boolean approve = decision.equals("approve");
        changes.decide(user.organizationId(), changeId, approve, user.displayName());
        redirect.addFlashAttribute("notice", approve ? "Grade change approved." : "Grade change rejected.");
        return "redirect:/manage/registration/grade-changes";
    }
}
