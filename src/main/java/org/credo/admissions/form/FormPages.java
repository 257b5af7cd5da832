package org.credo.admissions.form;

import java.util.Map;
import java.util.UUID;
import org.credo.admissions.cycle.Cycles;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form builder of a cycle: questions added, moved and removed, a live preview, saving the draft and publishing
 * it as the next version.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class FormPages {

    static final String BUILDER = "admissions/form-builder";
    static final String PREVIEW = "admissions/form-builder :: preview";

    private static final Map<String, String> PROPERTIES = Map.of(
            "key", "key",
            "label", "label",
            "type", "type",
            "options", "options",
            "showIf", "showIfField",
            "accept", "accept",
            "maxBytes", "maxMb");

    private final Cycles cycles;
    private final Forms forms;

    FormPages(Cycles cycles, Forms forms) {
        this.cycles = cycles;
        this.forms = forms;
    }

    @GetMapping("/manage/admissions/cycles/{id}/form")
    String builder(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var latest = forms.latest(user.organizationId(), id);
        var form = latest.map(f -> FormBuilderForm.of(f.definition())).orElseGet(FormBuilderForm::new);
        if (form.getFields().isEmpty()) {
            form.getFields().add(new FormBuilderForm.Row());
        }
        model.addAttribute("form", form);
        return page(user, id, model, form);
    }

    @PostMapping("/manage/admissions/cycles/{id}/form")
    String change(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") FormBuilderForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect) {
        var org = user.organizationId();
        cycles.find(org, id);
        var rows = form.getFields();
        if (action.equals("add")) {
            rows.add(new FormBuilderForm.Row());
            return page(user, id, model, form);
        }
        if (action.matches("(remove|up|down)-\\d+")) {
            int i = Integer.parseInt(action.substring(action.indexOf('-') + 1));
            if (i >= 0 && i < rows.size()) {
                if (action.startsWith("remove")) {
                    rows.remove(i);
                } else if (action.startsWith("up") && i > 0) {
                    rows.add(i - 1, rows.remove(i));
                } else if (action.startsWith("down") && i + 1 < rows.size()) {
                    rows.add(i + 1, rows.remove(i));
                }
            }
            return page(user, id, model, form);
        }
        if (binding.hasErrors()) {
            return page(user, id, model, form);
        }
        var definition = form.definition();
        var problems = definition.problems();
        if (!problems.isEmpty()) {
            for (var p : problems) {
                if (p.index() < 0) {
                    binding.reject("invalid", p.message());
                } else {
                    binding.rejectValue(
                            "fields[" + p.index() + "]." + PROPERTIES.getOrDefault(p.property(), "key"),
                            "invalid",
                            p.message());
                }
            }
            return page(user, id, model, form);
        }
        try {
            var saved = forms.saveDraft(org, id, definition);
            if (action.equals("publish")) {
                var published = forms.publish(org, id);
                redirect.addFlashAttribute(
                        "flash", "Published version " + published.version() + ". New applications are answered on it.");
            } else {
                redirect.addFlashAttribute("flash", "Saved the draft of version " + saved.version() + ".");
            }
        } catch (ProblemException e) {
            binding.reject("invalid", e.getMessage());
            return page(user, id, model, form);
        }
        return "redirect:/manage/admissions/cycles/" + id + "/form";
    }

    @PostMapping("/manage/admissions/cycles/{id}/form/preview")
    String preview(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") FormBuilderForm form,
            BindingResult binding,
            Model model) {
        cycles.find(user.organizationId(), id);
        model.addAttribute("preview", form.definition());
        return PREVIEW;
    }

    private String page(CredoUser user, UUID id, Model model, FormBuilderForm form) {
        model.addAttribute("cycle", cycles.find(user.organizationId(), id));
        model.addAttribute("versions", forms.versions(user.organizationId(), id));
        model.addAttribute("types", FieldType.values());
        model.addAttribute("preview", form.definition());
        return BUILDER;
    }
}
