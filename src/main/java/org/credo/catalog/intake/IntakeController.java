package org.credo.catalog.intake;

import jakarta.validation.Valid;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalog editor's list of program starts shown on the public program pages. */
@Controller
@PreAuthorize("hasAnyRole('CATALOG_EDITOR', 'ADMINISTRATOR')")
class IntakeController {

    static final String VIEW = "catalog/intake/intakes";

    private final Intakes intakes;

    IntakeController(Intakes intakes) {
        this.intakes = intakes;
    }

    @GetMapping("/manage/catalog/intakes")
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("form", new IntakeForm());
        return page(user, model);
    }

    @PostMapping("/manage/catalog/intakes")
    String schedule(
            @AuthenticationPrincipal CredoUser user,
            @Valid @ModelAttribute("form") IntakeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        checkTerm(user, form, binding);
        if (!binding.hasErrors()) {
            try {
                intakes.schedule(
                        user.organizationId(),
                        form.getProgramId(),
                        form.getTermId(),
                        form.getTermName(),
                        form.getStartsOn(),
                        form.getApplicationDeadline());
                redirect.addFlashAttribute("flash", "Added the start.");
                return "redirect:/manage/catalog/intakes";
            } catch (ProblemException e) {
                binding.rejectValue(
                        e.field().orElse("termName"), "invalid", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
            }
        }
        return page(user, model);
    }

    @GetMapping("/manage/catalog/intakes/{id}")
    String edit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var intake = intakes.find(user.organizationId(), id);
        var form = new IntakeForm();
        form.setProgramId(intake.programId());
        form.setTermId(intake.termId());
        form.setTermName(intake.termName());
        form.setStartsOn(intake.startsOn());
        form.setApplicationDeadline(intake.applicationDeadline());
        model.addAttribute("form", form);
        return editPage(user, id, model);
    }

    @PostMapping("/manage/catalog/intakes/{id}")
    String change(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") IntakeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        checkTerm(user, form, binding);
        if (!binding.hasErrors()) {
            try {
                intakes.change(
                        user.organizationId(),
                        id,
                        form.getProgramId(),
                        form.getTermId(),
                        form.getTermName(),
                        form.getStartsOn(),
                        form.getApplicationDeadline());
                redirect.addFlashAttribute("flash", "Saved the start.");
                return "redirect:/manage/catalog/intakes";
            } catch (ProblemException e) {
                if (e.status().value() == 404) {
                    throw e;
                }
                binding.rejectValue(
                        e.field().orElse("termName"), "invalid", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
            }
        }
        return editPage(user, id, model);
    }

    @PostMapping("/manage/catalog/intakes/{id}/delete")
    String remove(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        intakes.remove(user.organizationId(), id);
        redirect.addFlashAttribute("flash", "Removed the start.");
        return "redirect:/manage/catalog/intakes";
    }

    /**
     * Where the organization schedules terms, a start names one of them; elsewhere it names its term and first day
     * in words. Marked with the other fields' errors, before anything is saved.
     */
    private void checkTerm(CredoUser user, IntakeForm form, BindingResult binding) {
        if (!intakes.terms(user.organizationId()).isEmpty()) {
            if (form.getTermId() == null) {
                binding.rejectValue(
                        "termId", "required", "choose the term this start belongs to (the registrar schedules terms)");
            }
            return;
        }
        if (form.getTermName() == null || form.getTermName().isBlank()) {
            binding.rejectValue("termName", "required", "name the term, e.g. Fall 2027");
        }
        if (form.getStartsOn() == null) {
            binding.rejectValue("startsOn", "required", "give the first day of classes");
        }
    }

    private String editPage(CredoUser user, UUID id, Model model) {
        intakes.find(user.organizationId(), id);
        model.addAttribute("intakeId", id);
        model.addAttribute("programs", intakes.programs(user.organizationId()));
        model.addAttribute("terms", intakes.terms(user.organizationId()));
        return "catalog/intake/intake";
    }

    private String page(CredoUser user, Model model) {
        model.addAttribute("intakes", intakes.all(user.organizationId()));
        model.addAttribute("programs", intakes.programs(user.organizationId()));
        model.addAttribute("terms", intakes.terms(user.organizationId()));
        return VIEW;
    }
}
