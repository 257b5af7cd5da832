package org.credo.learners.web;

import java.util.UUID;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerNumbers;
import org.credo.learners.record.LearnerRecords;
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

/** A learner's own record: what the organization keeps, the holds with what to do, and the parts they may edit. */
@Controller
@PreAuthorize("hasRole('LEARNER')")
class MyRecordPage {

    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final LearnerHolds holds;
    private final LearnerNumbers numbers;

    MyRecordPage(LearnerRecords records, LearnerContacts contacts, LearnerHolds holds, LearnerNumbers numbers) {
        this.records = records;
        this.contacts = contacts;
        this.holds = holds;
        this.numbers = numbers;
    }

    @GetMapping("/me/record")
    String record(@AuthenticationPrincipal CredoUser user, Model model) {
        var org = user.organizationId();
        var learner = records.ofPerson(org, user.personId()).orElse(null);
        model.addAttribute("learner", learner);
        if (learner != null) {
            model.addAttribute("contacts", contacts.contacts(org, learner.id()));
            model.addAttribute("identifiers", contacts.identifiers(org, learner.id()));
            model.addAttribute(
                    "holds",
                    holds.of(org, learner.id()).stream().filter(h -> h.active()).toList());
            model.addAttribute("history", records.history(org, learner.id()));
            model.addAttribute("allowed", numbers.settings(org).selfEdit());
            model.addAttribute("contactTypes", Contact.TYPES);
            if (!model.containsAttribute("ownForm")) {
                var form = new OwnDetailsForm();
                form.setPreferredName(learner.preferredName());
                form.setPronouns(learner.pronouns());
                model.addAttribute("ownForm", form);
            }
            if (!model.containsAttribute("contactForm")) {
                var form = new ContactForm();
                form.setKind(Contact.Kind.PHONE);
                model.addAttribute("contactForm", form);
            }
        }
        return "learners/my-record";
    }

    @PostMapping("/me/record")
    String update(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("ownForm") OwnDetailsForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var learner = mine(user);
        return subform(user, binding, model, redirect, OwnDetailsForm.FIELDS, "preferredName", () -> {
            records.updateOwn(
                    user.organizationId(),
                    learner.id(),
                    form.getPreferredName() == null ? learner.preferredName() : form.getPreferredName(),
                    form.getPronouns() == null ? learner.pronouns() : form.getPronouns());
            return "Saved.";
        });
    }

    @PostMapping("/me/record/contacts")
    String addContact(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("contactForm") ContactForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var learner = mine(user);
        return subform(user, binding, model, redirect, ContactForm.FIELDS, "value", () -> {
            contacts.addOwn(user.organizationId(), learner.id(), form.getKind(), form.getType(), form.getValue());
            return "Added.";
        });
    }

    /** A change the learner asked for: back to the record, or the record again with the bad fields marked. */
    private String subform(
            CredoUser user,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            java.util.List<String> fields,
            String fallback,
            java.util.function.Supplier<String> action) {
        if (!binding.hasErrors()) {
            try {
                redirect.addFlashAttribute("flash", action.get());
                return "redirect:/me/record";
            } catch (ProblemException e) {
                if (!FieldProblems.reject(binding, e, fields, fallback)) {
                    // The organization keeps this part; the page says so instead of an error page.
                    return act(redirect, () -> {
                        throw e;
                    });
                }
            }
        }
        return record(user, model);
    }

    @PostMapping("/me/record/contacts/{contactId}/delete")
    String removeContact(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID contactId, RedirectAttributes redirect) {
        var learner = mine(user);
        return act(redirect, () -> {
            contacts.removeOwn(user.organizationId(), learner.id(), contactId);
            return "Removed.";
        });
    }

    private Learner mine(CredoUser user) {
        return records.ofPerson(user.organizationId(), user.personId())
                .orElseThrow(() -> ProblemException.notFound("Your learner record"));
    }

    private static String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                // The organization keeps this part; the page says so instead of an error page.
                redirect.addFlashAttribute("flashError", e.getMessage());
            } else {
                redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z]+: ", "Not saved: "));
            }
        }
        return "redirect:/me/record";
    }
}
