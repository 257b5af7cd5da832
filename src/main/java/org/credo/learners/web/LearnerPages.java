package org.credo.learners.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.learners.duplicates.DuplicateFinder;
import org.credo.learners.duplicates.Merges;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.CredoUser;
import org.credo.platform.CsvWriter;
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

/** The staff pages of learner records: the list with search and filters, a record, and the forms that change it. */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER','ADVISOR')")
class LearnerPages {

    static final String LIST = "learners/learners";
    static final String RESULTS = "learners/learners :: results";
    static final String FORM = "learners/learner-form";

    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final DuplicateFinder duplicates;
    private final Merges merges;
    private final RecordView recordView;

    LearnerPages(
            LearnerRecords records,
            LearnerContacts contacts,
            DuplicateFinder duplicates,
            Merges merges,
            RecordView recordView) {
        this.records = records;
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.merges = merges;
        this.recordView = recordView;
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
        return recordView.show(user, id, model);
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
            @ModelAttribute("statusForm") StatusForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return subform(user, id, binding, model, redirect, StatusForm.FIELDS, "status", () -> {
            if (form.getStatus().isBlank()) {
                throw ProblemException.invalidField("status", "choose the new status.");
            }
            var learner = records.changeStatus(
                    user.organizationId(), id, status(form.getStatus()), form.getEffectiveOn(), form.getReason());
            return "Status is now " + learner.status().label() + ".";
        });
    }

    @PostMapping("/manage/learners/{id}/contacts")
    @PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
    String addContact(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("contactForm") ContactForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return subform(user, id, binding, model, redirect, ContactForm.FIELDS, "value", () -> {
            contacts.add(
                    user.organizationId(),
                    id,
                    form.getKind(),
                    form.getType(),
                    form.getValue(),
                    form.getValidFrom(),
                    form.getValidTo());
            return "Added the " + form.getKind().name().toLowerCase() + ".";
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
            @ModelAttribute("identifierForm") IdentifierForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return subform(user, id, binding, model, redirect, IdentifierForm.FIELDS, "value", () -> {
            var added = contacts.addIdentifier(
                    user.organizationId(), id, form.getKind(), form.getIssuer(), form.getValue());
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

    /**
     * Runs a subform's change: on success back to the record with a message; on bad input the record page again,
     * with what the user typed and the bad fields marked (a value that did not even convert, such as a date, too).
     */
    private String subform(
            CredoUser user,
            UUID id,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            List<String> fields,
            String fallback,
            java.util.function.Supplier<String> action) {
        if (!binding.hasErrors()) {
            try {
                redirect.addFlashAttribute("flash", action.get());
                return "redirect:/manage/learners/" + id;
            } catch (ProblemException e) {
                if (!FieldProblems.reject(binding, e, fields, fallback)) {
                    throw e;
                }
            }
        }
        return recordView.show(user, id, model);
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
