package org.credo.learners.duplicates;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerRecords;
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

/** The possible-duplicates list, the merge screen and the list of merges (where an administrator undoes one). */
@Controller
class DuplicatePages {

    static final String LIST = "learners/duplicates";
    static final String MERGE = "learners/merge";
    static final String MERGES = "learners/merges";

    /** One row of the merge screen: a field with both values and whether they differ. */
    record FieldRow(String field, String label, String survivor, String other, boolean differs) {}

    private final DuplicatePairs pairs;
    private final Merges merges;
    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final LearnerHolds holds;

    DuplicatePages(
            DuplicatePairs pairs, Merges merges, LearnerRecords records, LearnerContacts contacts, LearnerHolds holds) {
        this.pairs = pairs;
        this.merges = merges;
        this.records = records;
        this.contacts = contacts;
        this.holds = holds;
    }

    /** Times on these pages are shown in the organization's zone. */
    @org.springframework.web.bind.annotation.ModelAttribute("zone")
    java.time.ZoneId zone(@AuthenticationPrincipal CredoUser user) {
        return user.zone();
    }

    @GetMapping("/manage/learners/duplicates")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        var query = PageQuery.of(page, size, sort, DuplicatePairs.SORTABLE, false);
        model.addAttribute("result", pairs.page(user.organizationId(), query));
        return LIST;
    }

    @PostMapping("/manage/learners/duplicates/{pairId}/dismiss")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String dismiss(@AuthenticationPrincipal CredoUser user, @PathVariable UUID pairId, RedirectAttributes redirect) {
        pairs.dismiss(user.organizationId(), pairId);
        redirect.addFlashAttribute("flash", "Recorded: not the same person. The pair will not be shown again.");
        return "redirect:/manage/learners/duplicates";
    }

    @GetMapping("/manage/learners/{id}/merge/{otherId}")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String merge(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID otherId, Model model) {
        var org = user.organizationId();
        var survivor = records.find(org, id);
        var other = records.find(org, otherId);
        if (merges.survivorOf(org, id).isPresent()
                || merges.survivorOf(org, otherId).isPresent()) {
            throw ProblemException.conflict(
                    "Already merged", "One of these records was merged already; open the record it was merged into.");
        }
        model.addAttribute("survivor", survivor);
        model.addAttribute("other", other);
        model.addAttribute("rows", rows(survivor, other));
        for (var side : List.of(Map.entry("s", survivor), Map.entry("o", other))) {
            var learnerId = side.getValue().id();
            model.addAttribute(side.getKey() + "Contacts", contacts.contacts(org, learnerId));
            model.addAttribute(side.getKey() + "Identifiers", contacts.identifiers(org, learnerId));
            model.addAttribute(side.getKey() + "Holds", holds.of(org, learnerId));
            model.addAttribute(side.getKey() + "History", records.history(org, learnerId));
        }
        return MERGE;
    }

    @PostMapping("/manage/learners/{id}/merge/{otherId}")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String doMerge(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID otherId,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        var choices = new HashMap<String, String>();
        params.forEach((k, v) -> {
            if (k.startsWith("choice.")) {
                choices.put(k.substring("choice.".length()), v);
            }
        });
        try {
            var merge = merges.merge(user.organizationId(), id, otherId, choices);
            var until = merge.mergedAt()
                    .plus(Merges.UNDO_WINDOW)
                    .atZone(user.zone())
                    .format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
            redirect.addFlashAttribute(
                    "flash",
                    "Merged " + merge.mergedNumber() + " into " + merge.survivorNumber()
                            + ". Everything moved here; an administrator can undo the merge until " + until + ".");
            return "redirect:/manage/learners/" + id;
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z]+: ", "Not merged: "));
            return "redirect:/manage/learners/duplicates";
        }
    }

    @GetMapping("/manage/learners/merges")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER','ADMINISTRATOR')")
    String merges(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        var query = PageQuery.of(page, size, null, List.of("merged"), false);
        model.addAttribute("result", merges.page(user.organizationId(), query));
        model.addAttribute("now", merges.now());
        model.addAttribute("canUndo", user.hasRole(org.credo.platform.Role.ADMINISTRATOR));
        return MERGES;
    }

    @PostMapping("/manage/learners/merges/{mergeId}/undo")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String undo(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID mergeId,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            var merge = merges.undo(user.organizationId(), mergeId, reason);
            redirect.addFlashAttribute(
                    "flash",
                    "Undid the merge: " + merge.survivorNumber() + " and " + merge.mergedNumber()
                            + " are two records again, each with what it had.");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z ]+: ", "Not undone: "));
        }
        return "redirect:/manage/learners/merges";
    }

    private static List<FieldRow> rows(Learner s, Learner o) {
        var rows = new ArrayList<FieldRow>();
        add(rows, "legalGivenName", "Legal given name", s.legalGivenName(), o.legalGivenName());
        add(rows, "legalFamilyName", "Legal family name", s.legalFamilyName(), o.legalFamilyName());
        add(rows, "preferredName", "Preferred name", s.preferredName(), o.preferredName());
        add(rows, "dateOfBirth", "Date of birth", s.dateOfBirth(), o.dateOfBirth());
        add(rows, "pronouns", "Pronouns", s.pronouns(), o.pronouns());
        add(rows, "program", "Program", program(s), program(o));
        add(rows, "status", "Status", s.status().label(), o.status().label());
        add(
                rows,
                "directoryOptOut",
                "Directory",
                s.directoryOptOut() ? "Opted out (FERPA)" : "Listed",
                o.directoryOptOut() ? "Opted out (FERPA)" : "Listed");
        return rows;
    }

    private static void add(List<FieldRow> rows, String field, String label, @Nullable Object s, @Nullable Object o) {
        var a = s == null ? "—" : s.toString();
        var b = o == null ? "—" : o.toString();
        rows.add(new FieldRow(field, label, a, b, !Objects.equals(a, b)));
    }

    private static @Nullable String program(Learner l) {
        return l.programCode() == null
                ? null
                : l.programCode() + " " + l.programName() + " (" + l.catalogYear() + ")"
                        + (l.matriculatedOn() == null ? "" : ", matriculated " + l.matriculatedOn());
    }
}
