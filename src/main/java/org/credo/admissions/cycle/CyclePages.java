package org.credo.admissions.cycle;

import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of admission cycles: the list with search, and the form that creates or changes one. */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class CyclePages {

    static final String LIST = "admissions/cycles";
    static final String RESULTS = "admissions/cycles :: results";
    static final String FORM = "admissions/cycle-form";
    private static final List<String> FIELDS = List.of(
            "intakeId", "name", "opensAt", "closesAt", "status", "acceptanceDays", "depositAmount", "depositCurrency");

    private final Cycles cycles;

    CyclePages(Cycles cycles) {
        this.cycles = cycles;
    }

    @GetMapping("/manage/admissions/cycles")
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CycleStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var query = PageQuery.of(page, null, sort, Cycles.SORTABLE, false);
        model.addAttribute("result", cycles.page(user.organizationId(), q, status, query));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("statuses", CycleStatus.values());
        return htmx != null ? RESULTS : LIST;
    }

    @GetMapping("/manage/admissions/cycles/new")
    String newCycle(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("form", new CycleForm());
        return form(user, null, model);
    }

    @PostMapping("/manage/admissions/cycles")
    String create(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("form") CycleForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var cycle = cycles.create(user.organizationId(), form.request(user.zone()));
                redirect.addFlashAttribute("flash", "Created " + cycle.name() + ". Now build its application form.");
                return "redirect:/manage/admissions/cycles/" + cycle.id() + "/form";
            } catch (ProblemException e) {
                reject(binding, e);
            }
        }
        return form(user, null, model);
    }

    @GetMapping("/manage/admissions/cycles/{id}")
    String edit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("form", CycleForm.of(cycles.find(user.organizationId(), id), user.zone()));
        return form(user, id, model);
    }

    @PostMapping("/manage/admissions/cycles/{id}")
    String update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") CycleForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        cycles.find(user.organizationId(), id);
        if (!binding.hasErrors()) {
            try {
                var cycle = cycles.update(user.organizationId(), id, form.request(user.zone()));
                redirect.addFlashAttribute("flash", "Saved " + cycle.name() + ".");
                return "redirect:/manage/admissions/cycles";
            } catch (ProblemException e) {
                reject(binding, e);
            }
        }
        return form(user, id, model);
    }

    private String form(CredoUser user, @Nullable UUID id, Model model) {
        model.addAttribute("cycleId", id);
        model.addAttribute("cycle", id == null ? null : cycles.find(user.organizationId(), id));
        model.addAttribute("intakes", cycles.intakesWithoutCycle(user.organizationId()));
        model.addAttribute("statuses", CycleStatus.values());
        return FORM;
    }

    private static void reject(BindingResult binding, ProblemException e) {
        var field = e.field().filter(FIELDS::contains).orElse("name");
        binding.rejectValue(field, "invalid", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
    }
}
