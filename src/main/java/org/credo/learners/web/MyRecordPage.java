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
        }
        return "learners/my-record";
    }

    @PostMapping("/me/record")
    String update(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String preferredName,
            @RequestParam(required = false) @Nullable String pronouns,
            RedirectAttributes redirect) {
        var learner = mine(user);
        return act(redirect, () -> {
            records.updateOwn(
                    user.organizationId(),
                    learner.id(),
                    preferredName == null ? learner.preferredName() : preferredName,
                    pronouns == null ? learner.pronouns() : pronouns);
            return "Saved.";
        });
    }

    @PostMapping("/me/record/contacts")
    String addContact(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam Contact.Kind kind,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String value,
            RedirectAttributes redirect) {
        var learner = mine(user);
        return act(redirect, () -> {
            contacts.addOwn(user.organizationId(), learner.id(), kind, type, value);
            return "Added.";
        });
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
