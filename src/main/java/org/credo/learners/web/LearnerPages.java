package org.credo.learners.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.learners.duplicates.DuplicateFinder;
import org.credo.learners.duplicates.Merges;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Identifier;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.CredoUser;
import org.credo.platform.CsvWriter;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of learner records: the list with search and filters, a record, and the forms that change it. */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER','ADVISOR')")
class LearnerPages {

    static final String LIST = "learners/learners";
    static final String RESULTS = "learners/learners :: results";
    static final String RECORD = "learners/learner";
    static final String FORM = "learners/learner-form";

    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final LearnerHolds holds;
    private final HoldTypes holdTypes;
    private final DuplicateFinder duplicates;
    private final Merges merges;

    LearnerPages(
            LearnerRecords records,
            LearnerContacts contacts,
            LearnerHolds holds,
            HoldTypes holdTypes,
            DuplicateFinder duplicates,
            Merges merges) {
        this.records = records;
        this.contacts = contacts;
        this.holds = holds;
        this.holdTypes = holdTypes;
        this.duplicates = duplicates;
        this.merges = merges;
    }

    @GetMapping("/manage/learners")
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var filter = status == null || status.isBlank() ? null : status(status);
        var query = PageQuery.of(page, size, sort, LearnerRecords.SORTABLE, true);
        model.addAttribute("result", records.page(user.organizationId(), q, filter, programId, query));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("programId", programId);
        model.addAttribute("statuses", LearnerStatus.values());
        model.addAttribute("programs", records.programs(user.organizationId()));
        model.addAttribute("counts", records.countByStatus(user.organizationId()));
        return htmx != null ? RESULTS : LIST;
    }

    @GetMapping("/manage/learners/new")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String newLearner(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("form", new LearnerForm());
        return form(user, null, model);
    }

    @PostMapping("/manage/learners")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String create(
            @AuthenticationPrincipal CredoUser user,
            @Valid @ModelAttribute("form") LearnerForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "false") boolean allowDuplicate,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors() && !allowDuplicate) {
            // Staff confirm before adding a second record of a person (ADR 0035).
            var matches = duplicates.find(
                    user.organizationId(),
                    new Learners.Candidate(
                            form.getLegalGivenName(),
                            form.getLegalFamilyName(),
                            form.getDateOfBirth(),
                            form.getEmail() == null ? List.of() : List.of(form.getEmail()),
                            List.of()),
                    null);
            if (!matches.isEmpty()) {
                model.addAttribute("duplicates", matches);
                return form(user, null, model);
            }
        }
        if (!binding.hasErrors()) {
            try {
                var learner =
                        contacts.create(user.organizationId(), form.details(), form.getStatus(), null, form.getEmail());
                redirect.addFlashAttribute("flash", "Created " + learner.name() + " as " + learner.number() + ".");
                return "redirect:/manage/learners/" + learner.id();
            } catch (ProblemException e) {
                reject(
                        binding,
                        e,
                        "email".equals(e.field().orElse(""))
                                || "value".equals(e.field().orElse("")));
            }
        }
        return form(user, null, model);
    }

    @GetMapping("/manage/learners/{id}")
    String record(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        var org = user.organizationId();
        var survivor = merges.survivorOf(org, id);
        if (survivor.isPresent()) {
            redirect.addFlashAttribute("flash", "That record was merged into this one.");
            return "redirect:/manage/learners/" + survivor.get();
        }
        var learner = records.find(org, id);
        model.addAttribute("learner", learner);
        model.addAttribute("contacts", contacts.contacts(org, id));
        model.addAttribute("identifiers", contacts.identifiers(org, id));
        model.addAttribute("history", records.history(org, id));
        model.addAttribute("holds", holds.of(org, id));
        model.addAttribute("nextStatuses", learner.status().next());
        model.addAttribute("contactTypes", Contact.TYPES);
        model.addAttribute(
                "placeable",
                holdTypes.all(org).stream()
                        .filter(t -> t.active() && user.hasRole(t.office()))
                        .toList());
        model.addAttribute("today", LocalDate.now(user.zone()));
        model.addAttribute("myRoles", user.roles());
        return RECORD;
    }

    @GetMapping("/manage/learners/{id}/edit")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String edit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("form", LearnerForm.of(records.find(user.organizationId(), id)));
        return form(user, id, model);
    }

    @PostMapping("/manage/learners/{id}")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") LearnerForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        records.find(user.organizationId(), id);
        if (!binding.hasErrors()) {
            try {
                var learner = records.update(user.organizationId(), id, form.details());
                redirect.addFlashAttribute("flash", "Saved " + learner.name() + ".");
                return "redirect:/manage/learners/" + id;
            } catch (ProblemException e) {
                reject(binding, e, false);
            }
        }
        return form(user, id, model);
    }

    @PostMapping("/manage/learners/{id}/status")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String status(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate effectiveOn,
            @RequestParam(required = false, defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (status == null || status.isBlank()) {
                throw ProblemException.invalidField("status", "choose the new status.");
            }
            var learner =
                    records.changeStatus(user.organizationId(), id, LearnerStatus.valueOf(status), effectiveOn, reason);
            return "Status is now " + learner.status().label() + ".";
        });
    }

    @PostMapping("/manage/learners/{id}/contacts")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String addContact(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam Contact.Kind kind,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String value,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate validFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validTo,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            contacts.add(user.organizationId(), id, kind, type, value, validFrom, validTo);
            return "Added the " + kind.name().toLowerCase() + ".";
        });
    }

    @PostMapping("/manage/learners/{id}/contacts/{contactId}/delete")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String removeContact(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID contactId,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            contacts.remove(user.organizationId(), id, contactId);
            return "Removed the contact.";
        });
    }

    @PostMapping("/manage/learners/{id}/identifiers")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String addIdentifier(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam Identifier.Kind kind,
            @RequestParam(defaultValue = "") String issuer,
            @RequestParam(defaultValue = "") String value,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var added = contacts.addIdentifier(user.organizationId(), id, kind, issuer, value);
            return "Added the identifier " + added.shown() + ".";
        });
    }

    @PostMapping("/manage/learners/{id}/identifiers/{identifierId}/delete")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String removeIdentifier(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID identifierId,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            contacts.removeIdentifier(user.organizationId(), id, identifierId);
            return "Removed the identifier.";
        });
    }

    @PostMapping("/manage/learners/{id}/delete")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String delete(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        var learner = records.find(user.organizationId(), id);
        try {
            records.delete(user.organizationId(), id, reason);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z]+: ", "To delete, "));
            return "redirect:/manage/learners/" + id;
        }
        redirect.addFlashAttribute(
                "flash",
                "Deleted " + learner.name() + ". The number " + learner.number() + " will not be given again.");
        return "redirect:/manage/learners";
    }

    /** The directory (FERPA directory information) as CSV: learners who opted out are left out. */
    @GetMapping("/manage/learners/directory.csv")
    void directory(@AuthenticationPrincipal CredoUser user, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"learner-directory.csv\"");
        var writer = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        var csv = new CsvWriter(writer);
        csv.row(List.of("learner_number", "name", "program", "status"));
        for (var l : records.directory(user.organizationId())) {
            csv.row(java.util.Arrays.asList(
                    l.number(), l.name(), l.programName(), l.status().label()));
        }
        writer.flush();
    }

    private static LearnerStatus status(String name) {
        try {
            return LearnerStatus.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "choose one of the statuses listed.");
        }
    }

    private String form(CredoUser user, @Nullable UUID id, Model model) {
        model.addAttribute("learnerId", id);
        model.addAttribute("programs", records.programs(user.organizationId()));
        model.addAttribute(
                "statuses",
                EnumSet.of(
                        LearnerStatus.PROSPECT, LearnerStatus.APPLICANT, LearnerStatus.ADMITTED, LearnerStatus.ACTIVE));
        return FORM;
    }

    private static void reject(BindingResult binding, ProblemException e, boolean email) {
        var field = email ? "email" : e.field().orElse("legalFamilyName");
        if (!List.of(
                        "legalGivenName",
                        "legalFamilyName",
                        "preferredName",
                        "dateOfBirth",
                        "pronouns",
                        "programId",
                        "matriculatedOn",
                        "email")
                .contains(field)) {
            field = "legalFamilyName";
        }
        binding.rejectValue(field, "invalid", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
    }

    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z]+: ", "Not saved: "));
        }
        return "redirect:/manage/learners/" + id;
    }
}
