package org.credo.registration.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.registration.api.RegistrationViews.BulkLine;
import org.credo.registration.api.RegistrationViews.BulkRequest;
import org.credo.registration.api.RegistrationViews.EnrollmentView;
import org.credo.registration.api.RegistrationViews.StaffDropRequest;
import org.credo.registration.api.RegistrationViews.StaffEnrollRequest;
import org.credo.registration.api.RegistrationViews.WaitlistView;
import org.credo.registration.enrollment.EnrollmentStatus;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.RegistrationWindows;
import org.credo.registration.enrollment.Waitlists;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrollments for the registrar and integrators: a section's enrollments and waitlist, registering or dropping a
 * learner (the registrar may set refusals aside with a reason), and bulk registration.
 */
@RestController
@Tag(name = "Registration", description = "Enrollments in sections, waitlists, overrides and bulk registration")
class RegistrationApi {

    static final int BULK_LIMIT = 1_000;

    private final Enrollments enrollments;
    private final Waitlists waitlists;
    private final RegistrationWindows windows;

    RegistrationApi(Enrollments enrollments, Waitlists waitlists, RegistrationWindows windows) {
        this.enrollments = enrollments;
        this.waitlists = waitlists;
        this.windows = windows;
    }

    /** A term's registration window as the API reads and writes it. */
    record WindowView(
            @Nullable Instant opensAt,
            @Nullable BigDecimal maxCredits,
            @Nullable Integer offerHours,

            @Schema(description = "How many times a learner may attempt one course, withdrawals included (default 3)")
            @Nullable
            Integer maxAttempts,

            @Schema(
                    description = "When registration opens per class standing (SENIOR, JUNIOR, SOPHOMORE, FIRST_YEAR);"
                            + " a standing left out opens with opensAt")
            java.util.@Nullable Map<String, Instant> timeTickets) {

        static WindowView of(RegistrationWindows.Window w) {
            var tickets = new java.util.LinkedHashMap<String, Instant>();
            w.tickets().forEach((standing, opens) -> tickets.put(standing.name(), opens));
            return new WindowView(w.opensAt(), w.maxCredits(), w.offerHours(), w.maxAttempts(), tickets);
        }
    }

    @GetMapping("/api/v1/registration/terms/{termId}/window")
    @Operation(summary = "When a term's registration opens, its credit limit and how long waitlist offers last")
    WindowView window(@AuthenticationPrincipal CredoUser user, @PathVariable UUID termId) {
        var w = windows.of(user.organizationId(), termId)
                .orElseThrow(() -> ProblemException.notFound("A registration window for this term"));
        return WindowView.of(w);
    }

    @PutMapping("/api/v1/registration/terms/{termId}/window")
    @Operation(summary = "Set a term's registration window (registrar)")
    @PreAuthorize("hasRole('REGISTRAR')")
    WindowView saveWindow(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID termId, @RequestBody WindowView request) {
        var tickets = new java.util.EnumMap<org.credo.registration.enrollment.ClassStanding, Instant>(
                org.credo.registration.enrollment.ClassStanding.class);
        if (request.timeTickets() != null) {
            request.timeTickets().forEach((standing, opens) -> {
                try {
                    tickets.put(
                            org.credo.registration.enrollment.ClassStanding.valueOf(standing),
                            java.util.Objects.requireNonNull(opens));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw ProblemException.invalidField(
                            "timeTickets." + standing,
                            "name a class standing (SENIOR, JUNIOR, SOPHOMORE or FIRST_YEAR) with the moment it opens.");
                }
            });
        }
        var w = windows.save(
                user.organizationId(),
                termId,
                request.opensAt(),
                request.maxCredits(),
                request.offerHours(),
                request.maxAttempts() == null ? 3 : request.maxAttempts(),
                tickets);
        return WindowView.of(w);
    }

    @GetMapping("/api/v1/registration/sections/{sectionId}/enrollments")
    @Operation(summary = "A section's enrollments, paged; status ENROLLED, DROPPED or WITHDRAWN to filter")
    PageResult<EnrollmentView> enrollments(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        enrollments.sectionOf(user.organizationId(), sectionId);
        return enrollments
                .ofSection(
                        user.organizationId(),
                        sectionId,
                        status(status),
                        PageQuery.of(page, size, sort, Enrollments.SORTABLE, true))
                .map(EnrollmentView::of);
    }

    @GetMapping("/api/v1/registration/sections/{sectionId}/waitlist")
    @Operation(summary = "A section's waitlist in order: offers first, then those waiting")
    List<WaitlistView> waitlist(@AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId) {
        enrollments.sectionOf(user.organizationId(), sectionId);
        return waitlists.ofSection(user.organizationId(), sectionId).stream()
                .map(WaitlistView::of)
                .toList();
    }

    @PostMapping("/api/v1/registration/enrollments")
    @Operation(
            summary = "Register a learner for a section (idempotent); a registrar's overrideReason sets aside the"
                    + " refusals a permission may (prerequisites, credit limit, time conflicts, closed section)")
    EnrollmentView enroll(@AuthenticationPrincipal CredoUser user, @RequestBody StaffEnrollRequest request) {
        return EnrollmentView.of(enrollments.add(
                user.organizationId(),
                request.learnerId(),
                request.sectionId(),
                actor(user),
                request.overrideReason()));
    }

    @PostMapping("/api/v1/registration/enrollments/drop")
    @Operation(summary = "Drop a learner from a section (W after the drop date); idempotent")
    EnrollmentView drop(@AuthenticationPrincipal CredoUser user, @RequestBody StaffDropRequest request) {
        return EnrollmentView.of(
                enrollments.drop(user.organizationId(), request.learnerId(), request.sectionId(), actor(user)));
    }

    @PostMapping("/api/v1/registration/enrollments/bulk")
    @Operation(
            summary = "Register many learners (at most 1,000 lines): each line is done or refused on its own, and"
                    + " the answer says which; sending the same lines again enrolls nobody twice")
    List<BulkLine> bulk(@AuthenticationPrincipal CredoUser user, @RequestBody BulkRequest request) {
        if (request.items() == null || request.items().isEmpty()) {
            throw ProblemException.invalidField("items", "send at least one line.");
        }
        if (request.items().size() > BULK_LIMIT) {
            throw ProblemException.invalidField(
                    "items", "send at most " + BULK_LIMIT + " lines at a time; split the rest into more requests.");
        }
        var lines = new ArrayList<BulkLine>();
        for (int i = 0; i < request.items().size(); i++) {
            var item = request.items().get(i);
            if (item.learnerId() == null || item.sectionId() == null) {
                lines.add(new BulkLine(
                        i,
                        item.learnerId(),
                        item.sectionId(),
                        null,
                        "learnerId and sectionId are" + " both required.",
                        null));
                continue;
            }
            try {
                var e = enrollments.add(
                        user.organizationId(), item.learnerId(), item.sectionId(), actor(user), item.overrideReason());
                lines.add(new BulkLine(i, item.learnerId(), item.sectionId(), EnrollmentView.of(e), null, null));
            } catch (ProblemException refused) {
                lines.add(new BulkLine(
                        i,
                        item.learnerId(),
                        item.sectionId(),
                        null,
                        refused.getMessage(),
                        refused.properties().get("refusals")));
            }
        }
        return lines;
    }

    private static Enrollments.Actor actor(CredoUser user) {
        return new Enrollments.Actor(
                user.personId(), user.displayName(), user.roles().contains(Role.REGISTRAR));
    }

    private static @Nullable EnrollmentStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return EnrollmentStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "use ENROLLED, DROPPED or WITHDRAWN.");
        }
    }
}
