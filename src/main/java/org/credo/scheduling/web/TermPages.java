package org.credo.scheduling.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.section.Conflict;
import org.credo.scheduling.section.Conflicts;
import org.credo.scheduling.section.RollForward;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The registrar's term pages: the list, a term with its parts, holidays and sections, the conflict report. */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class TermPages {

    static final String LIST = "scheduling/terms";
    static final String TERM = "scheduling/term";
    static final String FORM = "scheduling/term-form";
    static final String REPORT = "scheduling/conflicts";
    private static final List<String> FIELDS = List.of("code", "name", "startsOn", "endsOn");

    private final Terms terms;
    private final Sections sections;
    private final Conflicts conflicts;
    private final Instructors instructors;
    private final RollForward rollForward;
    private final org.credo.scheduling.room.Rooms rooms;

    TermPages(
            Terms terms,
            Sections sections,
            Conflicts conflicts,
            Instructors instructors,
            RollForward rollForward,
            org.credo.scheduling.room.Rooms rooms) {
        this.rooms = rooms;
        this.terms = terms;
        this.sections = sections;
        this.conflicts = conflicts;
        this.instructors = instructors;
        this.rollForward = rollForward;
    }

    @GetMapping("/manage/scheduling")
    String home() {
        return "redirect:/manage/scheduling/terms";
    }

    @GetMapping("/manage/scheduling/terms")
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        var org = user.organizationId();
        var all = terms.all(org);
        var counts = new HashMap<UUID, Integer>();
        all.forEach(t -> counts.put(t.id(), sections.ofTerm(org, t.id()).size()));
        model.addAttribute("terms", all);
        model.addAttribute("sectionCounts", counts);
        model.addAttribute(
                "current", terms.current(org, LocalDate.now(user.zone())).orElse(null));
        return LIST;
    }

    @GetMapping("/manage/scheduling/terms/new")
    String newTerm(Model model) {
        var form = new TermForm();
        form.getParts().get(0).setIncluded(true);
        model.addAttribute("form", form);
        model.addAttribute("termId", null);
        return FORM;
    }

    @PostMapping("/manage/scheduling/terms")
    String create(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("form") TermForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return save(user, null, form, binding, model, redirect);
    }

    @GetMapping("/manage/scheduling/terms/{id}")
    String term(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var org = user.organizationId();
        var term = terms.find(org, id);
        var list = sections.ofTerm(org, id);
        var found = conflicts.ofTerm(org, id);
        var perSection = new HashMap<UUID, Long>();
        for (Conflict c : found) {
            perSection.merge(c.sectionId(), 1L, Long::sum);
        }
        var names = new HashMap<UUID, String>();
        instructors.all(org).forEach(i -> names.put(i.personId(), i.name()));
        model.addAttribute("term", term);
        model.addAttribute("sections", list);
        model.addAttribute("conflictCounts", perSection);
        model.addAttribute("conflictTotal", found.size());
        model.addAttribute("instructorNames", names);
        var roomNames = new HashMap<UUID, String>();
        rooms.all(org).forEach(r -> roomNames.put(r.id(), r.name()));
        model.addAttribute("roomNames", roomNames);
        model.addAttribute(
                "earlierTerms",
                terms.all(org).stream()
                        .filter(t -> t.startsOn().isBefore(term.startsOn()))
                        .toList());
        return TERM;
    }

    @GetMapping("/manage/scheduling/terms/{id}/edit")
    String edit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("form", TermForm.of(terms.find(user.organizationId(), id)));
        model.addAttribute("termId", id);
        return FORM;
    }

    @PostMapping("/manage/scheduling/terms/{id}")
    String update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") TermForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        terms.find(user.organizationId(), id);
        return save(user, id, form, binding, model, redirect);
    }

    @PostMapping("/manage/scheduling/terms/{id}/holidays")
    String addHoliday(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        try {
            terms.addHoliday(user.organizationId(), id, day, name);
            redirect.addFlashAttribute("flash", "Added the holiday " + name.trim() + ".");
        } catch (ProblemException e) {
            FormErrors.flash(redirect, e, "Holiday not added: ");
            redirect.addFlashAttribute("holidayDay", day);
            redirect.addFlashAttribute("holidayName", name);
        }
        return "redirect:/manage/scheduling/terms/" + id + "#holidays";
    }

    @PostMapping("/manage/scheduling/terms/{id}/holidays/{holidayId}/delete")
    String removeHoliday(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID holidayId,
            RedirectAttributes redirect) {
        terms.removeHoliday(user.organizationId(), id, holidayId);
        redirect.addFlashAttribute("flash", "Removed the holiday.");
        return "redirect:/manage/scheduling/terms/" + id + "#holidays";
    }

    @GetMapping("/manage/scheduling/terms/{id}/conflicts")
    String report(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var org = user.organizationId();
        var found = conflicts.ofTerm(org, id);
        model.addAttribute("term", terms.find(org, id));
        model.addAttribute("conflicts", found);
        model.addAttribute("counts", Conflicts.count(found));
        return REPORT;
    }

    @PostMapping("/manage/scheduling/terms/{id}/roll-forward")
    String rollForward(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID fromTermId,
            RedirectAttributes redirect) {
        try {
            if (fromTermId == null) {
                throw ProblemException.invalidField("fromTermId", "choose the term to copy from.");
            }
            var result = rollForward.run(user.organizationId(), fromTermId, id);
            redirect.addFlashAttribute("flash", "Copied " + result.copied() + " section(s) as planned sections.");
            redirect.addFlashAttribute("notCopied", result.notCopied());
        } catch (ProblemException e) {
            FormErrors.flash(redirect, e, "Nothing copied: ");
        }
        return "redirect:/manage/scheduling/terms/" + id;
    }

    private String save(
            CredoUser user,
            @Nullable UUID id,
            TermForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            var rows = new ArrayList<Integer>();
            var draft = form.draft(rows);
            try {
                var term = terms.save(user.organizationId(), id, draft);
                redirect.addFlashAttribute("flash", "Saved " + term.label() + ".");
                return "redirect:/manage/scheduling/terms/" + term.id();
            } catch (ProblemException e) {
                var field = e.field().orElse("");
                var m = java.util.regex.Pattern.compile("parts\\[(\\d)](.*)").matcher(field);
                if (m.matches()) {
                    // The draft holds only the ticked rows: name the row of the form.
                    int row = rows.get(Integer.parseInt(m.group(1)));
                    binding.rejectValue("parts[" + row + "]" + m.group(2), "invalid", FormErrors.message(e));
                } else {
                    FormErrors.reject(binding, e, FIELDS);
                }
            }
        }
        model.addAttribute("termId", id);
        return FORM;
    }
}
