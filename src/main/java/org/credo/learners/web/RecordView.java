package org.credo.learners.web;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Contact;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.CredoUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The staff page of one learner record, shown after a GET and again after a subform was refused: a subform
 * already in the model (with what the user typed and its errors) is kept, the others start empty.
 */
@Component
class RecordView {

    static final String RECORD = "learners/learner";

    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final LearnerHolds holds;
    private final HoldTypes holdTypes;

    RecordView(LearnerRecords records, LearnerContacts contacts, LearnerHolds holds, HoldTypes holdTypes) {
        this.records = records;
        this.contacts = contacts;
        this.holds = holds;
        this.holdTypes = holdTypes;
    }

    String show(CredoUser user, UUID id, Model model) {
        var org = user.organizationId();
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
        var today = LocalDate.now(user.zone());
        model.addAttribute("today", today);
        model.addAttribute("myRoles", user.roles());
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", new ContactForm());
        }
        if (!model.containsAttribute("identifierForm")) {
            model.addAttribute("identifierForm", new IdentifierForm());
        }
        if (!model.containsAttribute("statusForm")) {
            var form = new StatusForm();
            form.setEffectiveOn(today);
            model.addAttribute("statusForm", form);
        }
        if (!model.containsAttribute("holdForm")) {
            var form = new HoldForm();
            form.setLearnerNumber(learner.number());
            model.addAttribute("holdForm", form);
        }
        return RECORD;
    }
}
