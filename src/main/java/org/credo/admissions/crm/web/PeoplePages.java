package org.credo.admissions.crm.web;

import java.util.List;
import java.util.UUID;
import org.credo.admissions.crm.Notes;
import org.credo.admissions.crm.Timeline;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finding a person and reading their timeline; adding notes to it. */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class PeoplePages {

    static final String SEARCH = "admissions/crm/people";
    static final String PERSON = "admissions/crm/person";

    private final Learners learners;
    private final Timeline timeline;
    private final Notes notes;

    PeoplePages(Learners learners, Timeline timeline, Notes notes) {
        this.learners = learners;
        this.timeline = timeline;
        this.notes = notes;
    }

    @GetMapping("/manage/admissions/people")
    String search(
            @AuthenticationPrincipal CredoUser user, @RequestParam(required = false) @Nullable String q, Model model) {
        var words = q == null ? "" : q.strip();
        model.addAttribute("q", words);
        model.addAttribute("found", words.isEmpty() ? List.of() : learners.search(user.organizationId(), words, 50));
        return SEARCH;
    }

    @GetMapping("/manage/admissions/people/{learnerId}")
    String person(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        return show(user, learnerId, kind, page, model);
    }

    @PostMapping("/manage/admissions/people/{learnerId}/notes")
    String addNote(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(defaultValue = "") String body,
            Model model,
            RedirectAttributes redirect) {
        try {
            notes.add(user, learnerId, body);
        } catch (ProblemException e) {
            if (e.field().isEmpty()) {
                throw e;
            }
            model.addAttribute("noteError", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
            model.addAttribute("noteBody", body);
            return show(user, learnerId, null, null, model);
        }
        redirect.addFlashAttribute("flash", "Note added.");
        return "redirect:/manage/admissions/people/" + learnerId;
    }

    private String show(CredoUser user, UUID learnerId, @Nullable String kind, @Nullable Integer page, Model model) {
        var org = user.organizationId();
        var person = learners.find(org, learnerId).orElseThrow(() -> ProblemException.notFound("That person"));
        Timeline.Kind only = null;
        if (kind != null && !kind.isBlank()) {
            try {
                only = Timeline.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(
                        "Unknown kind", "kind must be one of " + List.of(Timeline.Kind.values()) + ".");
            }
        }
        model.addAttribute("person", person);
        model.addAttribute(
                "emails",
                learners.addressee(org, learnerId).map(a -> a.emails()).orElse(List.of()));
        model.addAttribute("kinds", Timeline.Kind.values());
        model.addAttribute("kind", only == null ? "" : only.name());
        model.addAttribute(
                "result", timeline.of(org, learnerId, only, PageQuery.of(page, 25, null, List.of("at"), false)));
        if (!model.containsAttribute("noteBody")) {
            model.addAttribute("noteBody", "");
        }
        return PERSON;
    }
}
