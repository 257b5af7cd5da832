package org.credo.registration.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.registration.enrollment.ClassStanding;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Permissions;
import org.credo.registration.enrollment.RegistrationWindows;
import org.credo.registration.enrollment.Schedules;
import org.credo.registration.enrollment.Seats;
import org.credo.registration.enrollment.Waitlists;
import org.credo.scheduling.Scheduling;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
 * The registrar's registration pages: a term's window and its sections' seats, and each section's roster and
 * waitlist, where the registrar registers a learner (setting refusals aside with a reason) or drops one.
 */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class EnrollmentPages {

    private final Scheduling scheduling;
    private final Schedules schedules;
    private final Enrollments enrollments;
    private final Waitlists waitlists;
    private final RegistrationWindows windows;
    private final Seats seats;
    private final Learners learners;
    private final Rosters rosters;
    private final Permissions permissions;

    EnrollmentPages(
            Scheduling scheduling,
            Schedules schedules,
            Enrollments enrollments,
            Waitlists waitlists,
            RegistrationWindows windows,
            Seats seats,
            Learners learners,
            Rosters rosters,
            Permissions permissions) {
        this.scheduling = scheduling;
        this.schedules = schedules;
        this.enrollments = enrollments;
        this.waitlists = waitlists;
        this.windows = windows;
        this.seats = seats;
        this.learners = learners;
        this.rosters = rosters;
        this.permissions = permissions;
    }

    @GetMapping("/manage/registration")
    String term(
            @AuthenticationPrincipal CredoUser user, @RequestParam(required = false) @Nullable UUID term, Model model) {
        var org = user.organizationId();
        var found = schedules.term(org, term, LocalDate.now(user.zone())).orElse(null);
        model.addAttribute("term", found);
        model.addAttribute("zone", user.zone());
        if (found == null) {
            return "registration/manage";
        }
        var window = windows.of(org, found.termId());
        model.addAttribute("window", window.orElse(null));
        if (!model.containsAttribute("windowForm")) {
            model.addAttribute(
                    "windowForm",
                    new WindowForm(
                            window.map(w -> LocalDateTime.ofInstant(w.opensAt(), user.zone()))
                                    .orElse(null),
                            window.map(RegistrationWindows.Window::maxCredits).orElse(new BigDecimal("18")),
                            window.map(RegistrationWindows.Window::offerHours).orElse(48),
                            window.map(RegistrationWindows.Window::maxAttempts).orElse(3),
                            ticketFields(
                                    window.map(RegistrationWindows.Window::tickets)
                                            .orElse(Map.of()),
                                    user)));
        }
        model.addAttribute("standings", ClassStanding.values());
        var sections = scheduling.sections(org, found.termId());
        Map<UUID, Seats.Count> counts = new LinkedHashMap<>();
        for (var s : sections) {
            seats.count(s.sectionId()).ifPresent(c -> counts.put(s.sectionId(), c));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("counts", counts);
        return "registration/manage";
    }

    /** What the window form holds, kept as typed when refused; tickets by standing name, as typed. */
    record WindowForm(
            @Nullable LocalDateTime opensAt,
            @Nullable BigDecimal maxCredits,
            @Nullable Integer offerHours,
            @Nullable Integer maxAttempts,
            java.util.HashMap<String, String> tickets)
            implements java.io.Serializable {}

    private static java.util.HashMap<String, String> ticketFields(Map<ClassStanding, Instant> tickets, CredoUser user) {
        var fields = new java.util.HashMap<String, String>();
        tickets.forEach((standing, opens) -> fields.put(
                standing.name(), LocalDateTime.ofInstant(opens, user.zone()).toString()));
        return fields;
    }

    @PostMapping("/manage/registration/terms/{termId}/window")
    String saveWindow(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID termId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    LocalDateTime opensAt,
            @RequestParam(required = false) @Nullable BigDecimal maxCredits,
            @RequestParam(required = false) @Nullable Integer offerHours,
            @RequestParam(required = false) @Nullable Integer maxAttempts,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        var typed = new java.util.HashMap<String, String>();
        for (var standing : ClassStanding.values()) {
            var value = form.get("ticket" + standing.name());
            if (value != null && !value.isBlank()) {
                typed.put(standing.name(), value.trim());
            }
        }
        try {
            var tickets = new java.util.EnumMap<ClassStanding, Instant>(ClassStanding.class);
            typed.forEach((standing, value) -> {
                try {
                    tickets.put(
                            ClassStanding.valueOf(standing),
                            LocalDateTime.parse(value).atZone(user.zone()).toInstant());
                } catch (java.time.format.DateTimeParseException e) {
                    throw ProblemException.invalidField(
                            "ticket" + standing, "give a day and time, such as 2027-11-02T08:00.");
                }
            });
            windows.save(
                    user.organizationId(),
                    termId,
                    opensAt == null ? null : opensAt.atZone(user.zone()).toInstant(),
                    maxCredits,
                    offerHours,
                    maxAttempts,
                    tickets);
            redirect.addFlashAttribute("flash", "Registration window saved.");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute(
                    "windowForm", new WindowForm(opensAt, maxCredits, offerHours, maxAttempts, typed));
            redirect.addFlashAttribute("windowErrors", Problems.fields(e));
            redirect.addFlashAttribute("flashError", "The window was not saved: " + e.getMessage());
        }
        return "redirect:/manage/registration?term=" + termId;
    }

    @GetMapping("/manage/registration/sections/{sectionId}")
    String section(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var org = user.organizationId();
        var section = enrollments.sectionOf(org, sectionId);
        model.addAttribute("section", section);
        model.addAttribute("count", seats.count(sectionId).orElse(null));
        var roster = enrollments.ofSection(
                org, sectionId, null, PageQuery.of(page, 50, "registered", Enrollments.SORTABLE, true));
        model.addAttribute("roster", roster);
        Map<UUID, String> names = new LinkedHashMap<>();
        roster.items()
                .forEach(e -> learners.find(org, e.learnerId())
                        .ifPresent(l -> names.put(e.learnerId(), l.name() + " · " + l.learnerNumber())));
        var waiting = waitlists.ofSection(org, sectionId);
        waiting.forEach(w -> learners.find(org, w.learnerId())
                .ifPresent(l -> names.put(w.learnerId(), l.name() + " · " + l.learnerNumber())));
        model.addAttribute("names", names);
        model.addAttribute("waitlist", waiting);
        model.addAttribute("zone", user.zone());
        model.addAttribute("permissions", permissions.ofSection(user.organizationId(), sectionId));
        return "registration/section";
    }

    @PostMapping("/manage/registration/sections/{sectionId}/enroll")
    String enroll(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable String learner,
            @RequestParam(required = false) @Nullable String overrideReason,
            RedirectAttributes redirect) {
        var org = user.organizationId();
        var back = "redirect:/manage/registration/sections/" + sectionId;
        var words = learner == null ? "" : learner.trim();
        var matches = words.isEmpty() ? java.util.List.<Learners.LearnerSummary>of() : learners.search(org, words, 2);
        if (matches.size() != 1) {
            redirect.addFlashAttribute("enrollLearner", words);
            redirect.addFlashAttribute("enrollReason", overrideReason);
            redirect.addFlashAttribute(
                    "enrollError",
                    matches.isEmpty()
                            ? "No learner matches \"" + words + "\"; type their learner number."
                            : "More than one learner matches \"" + words + "\"; type their learner number.");
            return back;
        }
        try {
            var e = enrollments.add(
                    org,
                    matches.get(0).learnerId(),
                    sectionId,
                    new Enrollments.Actor(user.personId(), user.displayName(), true),
                    overrideReason);
            redirect.addFlashAttribute(
                    "flash", matches.get(0).name() + " is " + e.status().label().toLowerCase() + ".");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("enrollLearner", words);
            redirect.addFlashAttribute("enrollReason", overrideReason);
            redirect.addFlashAttribute("enrollError", e.getMessage());
            redirect.addFlashAttribute("refusalList", e.properties().get("refusals"));
        }
        return back;
    }

    @PostMapping("/manage/registration/sections/{sectionId}/drop")
    String drop(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam UUID learnerId,
            RedirectAttributes redirect) {
        var e = enrollments.drop(
                user.organizationId(),
                learnerId,
                sectionId,
                new Enrollments.Actor(user.personId(), user.displayName(), true));
        redirect.addFlashAttribute("flash", "Enrollment " + e.status().label().toLowerCase() + ".");
        return "redirect:/manage/registration/sections/" + sectionId;
    }

    @GetMapping("/manage/registration/sections/{sectionId}/roster.csv")
    ResponseEntity<String> roster(@AuthenticationPrincipal CredoUser user, @PathVariable UUID sectionId) {
        return rosters.csv(user.organizationId(), enrollments.sectionOf(user.organizationId(), sectionId));
    }
}
