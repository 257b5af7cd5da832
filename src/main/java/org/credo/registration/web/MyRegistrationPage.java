package org.credo.registration.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.registration.enrollment.EnrollmentStatus;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Refusal;
import org.credo.registration.enrollment.Schedules;
import org.credo.registration.enrollment.Waitlists;
import org.credo.scheduling.DeliveryMode;
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

/**
 * A learner's registration page: their schedule in a term as a list and a week, waitlists with their position or
 * offer, and a search of the term's sections where each result says, before adding, what would refuse it.
 */
@Controller
@PreAuthorize("hasRole('LEARNER')")
class MyRegistrationPage {

    private final Learners learners;
    private final Enrollments enrollments;
    private final Waitlists waitlists;
    private final Schedules schedules;

    MyRegistrationPage(Learners learners, Enrollments enrollments, Waitlists waitlists, Schedules schedules) {
        this.learners = learners;
        this.enrollments = enrollments;
        this.waitlists = waitlists;
        this.schedules = schedules;
    }

    @GetMapping("/registration")
    String page(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID term,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String until,
            Model model) {
        var org = user.organizationId();
        var learner = learners.ofPerson(org, user.personId()).orElse(null);
        model.addAttribute("learner", learner);
        var found = schedules.term(org, term, LocalDate.now(user.zone())).orElse(null);
        model.addAttribute("term", found);
        model.addAttribute("zone", user.zone());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("mode", mode == null ? "" : mode);
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("day", day == null ? "" : day);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("until", until == null ? "" : until);
        model.addAttribute("days", java.time.DayOfWeek.values());
        if (learner == null || found == null) {
            return "registration/my-registration";
        }
        var schedule = schedules.of(org, learner.learnerId(), found);
        model.addAttribute(
                "opening",
                enrollments.opening(org, learner.learnerId(), found.termId()).orElse(null));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("schedule", schedule);
        model.addAttribute("week", Week.of(schedule));
        var criteria = new Schedules.Criteria(q, mode(mode), null, day(day), time(from), time(until));
        boolean searching = criteria.any();
        model.addAttribute("searching", searching);
        if (searching) {
            var results = schedules.search(org, found.termId(), criteria);
            Map<UUID, List<Refusal>> refusals = enrollments.refusalsEach(
                    org,
                    learner.learnerId(),
                    found.termId(),
                    results.stream().map(Schedules.Found::section).toList());
            model.addAttribute("results", results);
            model.addAttribute(
                    "enrolledIds",
                    schedule.lines().stream()
                            .filter(l -> l.enrollment().status() == EnrollmentStatus.ENROLLED)
                            .map(l -> l.section().sectionId())
                            .collect(java.util.stream.Collectors.toSet()));
            model.addAttribute("refusals", refusals);
        }
        return "registration/my-registration";
    }

    @PostMapping("/registration/sections/{sectionId}/add")
    String add(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable UUID term,
            RedirectAttributes redirect) {
        return act(user, term, redirect, learnerId -> {
            var e = enrollments.add(
                    user.organizationId(), learnerId, sectionId, MyRegistrationPageActor.of(user), null);
            return "You are registered for " + e.courseCode() + ".";
        });
    }

    @PostMapping("/registration/sections/{sectionId}/drop")
    String drop(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable UUID term,
            RedirectAttributes redirect) {
        return act(user, term, redirect, learnerId -> {
            var e = enrollments.drop(user.organizationId(), learnerId, sectionId, MyRegistrationPageActor.of(user));
            return e.courseCode() + ": " + e.status().label().toLowerCase() + ".";
        });
    }

    @PostMapping("/registration/sections/{sectionId}/waitlist")
    String join(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable UUID term,
            RedirectAttributes redirect) {
        return act(user, term, redirect, learnerId -> {
            var org = user.organizationId();
            var section = enrollments.sectionOf(org, sectionId);
            var entry = waitlists.join(org, learnerId, section, enrollments.refusals(org, learnerId, sectionId, null));
            return "You are number " + entry.position() + " on the waitlist of " + section.courseCode() + "-"
                    + section.sectionNumber() + ".";
        });
    }

    @PostMapping("/registration/sections/{sectionId}/leave-waitlist")
    String leave(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable UUID term,
            RedirectAttributes redirect) {
        return act(user, term, redirect, learnerId -> {
            waitlists.leave(user.organizationId(), learnerId, sectionId);
            return "You left the waitlist.";
        });
    }

    private String act(
            CredoUser user,
            @Nullable UUID term,
            RedirectAttributes redirect,
            java.util.function.Function<UUID, String> action) {
        var learner = learners.ofPerson(user.organizationId(), user.personId())
                .orElseThrow(() -> ProblemException.notFound("Your learner record"));
        try {
            redirect.addFlashAttribute("flash", action.apply(learner.learnerId()));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("refusalTitle", e.title());
            redirect.addFlashAttribute("refusalDetail", e.getMessage());
            redirect.addFlashAttribute("refusalList", e.properties().get("refusals"));
        }
        return "redirect:/registration" + (term == null ? "" : "?term=" + term);
    }

    private static java.time.@Nullable DayOfWeek day(@Nullable String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return java.time.DayOfWeek.valueOf(day);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static java.time.@Nullable LocalTime time(@Nullable String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(time.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable DeliveryMode mode(@Nullable String mode) {
        if (mode == null || mode.isBlank()) {
            return null;
        }
        try {
            return DeliveryMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
