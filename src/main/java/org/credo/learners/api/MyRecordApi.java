package org.credo.learners.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.credo.learners.api.LearnerViews.HoldView;
import org.credo.learners.api.LearnerViews.LearnerDetailsView;
import org.credo.learners.api.LearnerViews.LearnerView;
import org.credo.learners.api.LearnerViews.OwnRequest;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A learner's own record over the REST API. */
@RestController
@Tag(name = "My record", description = "The caller's own learner record")
@PreAuthorize("hasRole('LEARNER')")
class MyRecordApi {

    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final LearnerHolds holds;

    MyRecordApi(LearnerRecords records, LearnerContacts contacts, LearnerHolds holds) {
        this.records = records;
        this.contacts = contacts;
        this.holds = holds;
    }

    @GetMapping("/api/v1/me/record")
    @Operation(summary = "My learner record, with active holds and what to do about them")
    LearnerDetailsView get(@AuthenticationPrincipal CredoUser user) {
        return view(user, mine(user));
    }

    @PatchMapping("/api/v1/me/record")
    @Operation(summary = "Change my preferred name or pronouns (403 when the organization keeps them)")
    LearnerDetailsView update(@AuthenticationPrincipal CredoUser user, @Valid @RequestBody OwnRequest request) {
        var learner = mine(user);
        var updated = records.updateOwn(
                user.organizationId(),
                learner.id(),
                request.preferredName() == null ? learner.preferredName() : request.preferredName(),
                request.pronouns() == null ? learner.pronouns() : request.pronouns());
        return view(user, updated);
    }

    private Learner mine(CredoUser user) {
        return records.ofPerson(user.organizationId(), user.personId())
                .orElseThrow(() -> ProblemException.notFound("Your learner record"));
    }

    private LearnerDetailsView view(CredoUser user, Learner learner) {
        var org = user.organizationId();
        return new LearnerDetailsView(
                LearnerView.of(learner),
                contacts.contacts(org, learner.id()),
                contacts.identifiers(org, learner.id()),
                records.history(org, learner.id()),
                holds.of(org, learner.id()).stream()
                        .filter(h -> h.active())
                        .map(HoldView::of)
                        .toList());
    }
}
