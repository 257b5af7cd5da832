package org.credo.registration.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.learners.Learners.LearnerSummary;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.registration.api.RegistrationViews.EnrollmentView;
import org.credo.registration.api.RegistrationViews.ScheduleView;
import org.credo.registration.api.RegistrationViews.SectionRequest;
import org.credo.registration.api.RegistrationViews.SwapRequest;
import org.credo.registration.api.RegistrationViews.WaitlistView;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Schedules;
import org.credo.registration.enrollment.Waitlists;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A learner's own registration over the REST API: schedule, add, drop, swap, waitlists. */
@RestController
@Tag(name = "My registration", description = "The caller's schedule in a term: add, drop, swap, waitlists")
class MyRegistrationApi {

    private final Learners learners;
    private final Enrollments enrollments;
    private final Waitlists waitlists;
    private final Schedules schedules;

    MyRegistrationApi(Learners learners, Enrollments enrollments, Waitlists waitlists, Schedules schedules) {
        this.learners = learners;
        this.enrollments = enrollments;
        this.waitlists = waitlists;
        this.schedules = schedules;
    }

    @GetMapping("/api/v1/me/registration")
    @Operation(summary = "My schedule in a term (the current or next term without termId)")
    ScheduleView schedule(
            @AuthenticationPrincipal CredoUser user, @RequestParam(required = false) @Nullable UUID termId) {
        var learner = mine(user);
        var term = schedules
                .term(user.organizationId(), termId, LocalDate.now(user.zone()))
                .orElseThrow(() -> ProblemException.notFound("The term"));
        return ScheduleView.of(schedules.of(user.organizationId(), learner.learnerId(), term));
    }

    @PostMapping("/api/v1/me/registration/enrollments")
    @Operation(
            summary = "Register for a section (idempotent: 200 with the enrollment when already enrolled); 422 lists"
                    + " every refusal with how to resolve it, 409 when the section is full")
    ResponseEntity<EnrollmentView> add(@AuthenticationPrincipal CredoUser user, @RequestBody SectionRequest request) {
        var learner = mine(user);
        var before = enrollments.find(user.organizationId(), learner.learnerId(), request.sectionId());
        var enrollment =
                enrollments.add(user.organizationId(), learner.learnerId(), request.sectionId(), actor(user), null);
        boolean already = before.isPresent() && before.get().status() == enrollment.status();
        return ResponseEntity.status(already ? 200 : 201).body(EnrollmentView.of(enrollment));
    }

    @PostMapping("/api/v1/me/registration/enrollments/{sectionId}/drop")
    @Operation(summary = "Drop a section (a withdrawal with a W after the drop date); idempotent")
    EnrollmentView drop(@AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId) {
        var learner = mine(user);
        return EnrollmentView.of(enrollments.drop(user.organizationId(), learner.learnerId(), sectionId, actor(user)));
    }

    @PostMapping("/api/v1/me/registration/swap")
    @Operation(summary = "Add one section and drop another: the drop happens only if the add succeeds")
    EnrollmentView swap(@AuthenticationPrincipal CredoUser user, @RequestBody SwapRequest request) {
        var learner = mine(user);
        return EnrollmentView.of(enrollments.swap(
                user.organizationId(),
                learner.learnerId(),
                request.dropSectionId(),
                request.addSectionId(),
                actor(user),
                null));
    }

    @PostMapping("/api/v1/me/registration/waitlists")
    @Operation(summary = "Join a full section's waitlist (idempotent); the answer says my position")
    WaitlistView join(@AuthenticationPrincipal CredoUser user, @RequestBody SectionRequest request) {
        var learner = mine(user);
        var org = user.organizationId();
        var refusals = enrollments.refusals(org, learner.learnerId(), request.sectionId(), null);
        var section = enrollments.sectionOf(org, request.sectionId());
        return WaitlistView.of(waitlists.join(org, learner.learnerId(), section, refusals));
    }

    @DeleteMapping("/api/v1/me/registration/waitlists/{sectionId}")
    @Operation(summary = "Leave a waitlist (an offered seat passes to the next learner)")
    ResponseEntity<Void> leave(@AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId) {
        var learner = mine(user);
        waitlists.leave(user.organizationId(), learner.learnerId(), sectionId);
        return ResponseEntity.noContent().build();
    }

    private LearnerSummary mine(CredoUser user) {
        return learners.ofPerson(user.organizationId(), user.personId())
                .orElseThrow(() -> ProblemException.notFound("Your learner record"));
    }

    static Enrollments.Actor actor(CredoUser user) {
        return new Enrollments.Actor(user.personId(), user.displayName(), false);
    }
}
