package org.credo.admissions.portal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.application.AnswerPage;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.application.Applications;
import org.credo.admissions.cycle.Cycles;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's portal: the work queue of their applications and the cycles open to them, and the page where an
 * application is answered, documents uploaded and the application submitted.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class ApplicantPages {

    static final String HOME = "admissions/apply-home";
    static final String APPLICATION = "admissions/apply-application";

    private final Applications applications;
    private final Cycles cycles;
    private final AnswerPage page;

    ApplicantPages(Applications applications, Cycles cycles, AnswerPage page) {
        this.applications = applications;
        this.cycles = cycles;
        this.page = page;
    }

    @GetMapping("/apply")
    String home(@AuthenticationPrincipal CredoUser user, Model model) {
        var org = user.organizationId();
        var mine = applications.ofPerson(org, user.personId());
        model.addAttribute("applications", mine);
        model.addAttribute(
                "checklists",
                mine.stream()
                        .filter(a -> a.status() == ApplicationStatus.DRAFT)
                        .collect(java.util.stream.Collectors.toMap(a -> a.id(), applications::checklist)));
        var appliedTo =
                mine.stream().collect(java.util.stream.Collectors.toMap(a -> a.cycleId(), a -> a.id(), (a, b) -> a));
        model.addAttribute("appliedTo", appliedTo);
        model.addAttribute("open", cycles.takingApplications(org, Instant.now()));
        return HOME;
    }

    @PostMapping("/apply/cycles/{cycleId}/applications")
    String start(@AuthenticationPrincipal CredoUser user, @PathVariable UUID cycleId, RedirectAttributes redirect) {
        try {
            var application = applications.start(
                    user.organizationId(),
                    cycleId,
                    user.personId(),
                    user.displayName(),
                    user.email(),
                    Source.APPLICANT);
            redirect.addFlashAttribute(
                    "flash", "Started application " + application.number() + ". Your answers are saved as you go.");
            return "redirect:/apply/applications/" + application.id();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/apply";
        }
    }

    @GetMapping("/apply/applications/{id}")
    String application(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var application = applications.own(user.organizationId(), user.personId(), id);
        page.fill(model, application, "/apply/applications/" + id, Map.of(), Map.of());
        return APPLICATION;
    }

    @PostMapping("/apply/applications/{id}")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam Map<String, String> parameters,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect) {
        var application = applications.own(user.organizationId(), user.personId(), id);
        var base = "/apply/applications/" + id;
        var saved = page.save(model, application, base, parameters, action, "Your answers were not saved");
        if (saved == null) {
            return APPLICATION;
        }
        redirect.addFlashAttribute(
                "flash",
                saved.submitted()
                        ? "Submitted application " + saved.application().number() + ". A confirmation is on its way to "
                                + saved.application().applicantEmail() + "."
                        : "Saved your answers.");
        return "redirect:" + base;
    }

    @PostMapping("/apply/applications/{id}/files/{key}")
    String upload(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable String key,
            @RequestParam(required = false) MultipartFile file,
            Model model) {
        var application = applications.own(user.organizationId(), user.personId(), id);
        var base = "/apply/applications/" + id;
        return page.upload(model, application, base, key, file) ? "redirect:" + base + "#q-" + key : APPLICATION;
    }
}
