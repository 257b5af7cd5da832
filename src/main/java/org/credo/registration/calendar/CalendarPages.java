package org.credo.registration.calendar;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.credo.registration.enrollment.Enrollments;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.credo.scheduling.SectionStatus;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Calendar feeds (ADR 47): a learner's classes and an instructor's sections at a secret address that calendars
 * subscribe to. The page makes, replaces and revokes the address; the feed itself needs no sign-in, only the token.
 */
@Controller
class CalendarPages {

    private final CalendarFeeds feeds;
    private final ScheduleCalendar calendars;
    private final Enrollments enrollments;
    private final Scheduling scheduling;
    private final Learners learners;
    private final Organizations organizations;
    private final CredoProperties properties;

    CalendarPages(
            CalendarFeeds feeds,
            ScheduleCalendar calendars,
            Enrollments enrollments,
            Scheduling scheduling,
            Learners learners,
            Organizations organizations,
            CredoProperties properties) {
        this.feeds = feeds;
        this.calendars = calendars;
        this.enrollments = enrollments;
        this.scheduling = scheduling;
        this.learners = learners;
        this.organizations = organizations;
        this.properties = properties;
    }

    @GetMapping("/calendar")
    String page(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute(
                "feed", feeds.of(user.organizationId(), user.personId()).orElse(null));
        model.addAttribute("zone", user.zone());
        return "registration/calendar";
    }

    @PostMapping("/calendar/feed")
    String create(@AuthenticationPrincipal CredoUser user, RedirectAttributes redirect) {
        var token = feeds.create(user.organizationId(), user.personId(), user.displayName());
        redirect.addFlashAttribute("feedUrl", properties.link("/calendar/" + token + ".ics"));
        return "redirect:/calendar";
    }

    @PostMapping("/calendar/feed/revoke")
    String revoke(@AuthenticationPrincipal CredoUser user, RedirectAttributes redirect) {
        feeds.revoke(user.organizationId(), user.personId(), user.displayName());
        redirect.addFlashAttribute(
                "flash", "Your calendar address no longer works; calendars that used it stop updating.");
        return "redirect:/calendar";
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        var feed = feeds.open(token).orElseThrow(() -> ProblemException.notFound("This calendar"));
        var org = feed.organizationId();
        var zone = organizations.find(org).map(o -> ZoneId.of(o.timeZone())).orElse(ZoneId.of("UTC"));
        var sections = new ArrayList<SectionRecord>();
        learners.ofPerson(org, feed.personId())
                .ifPresent(l -> sections.addAll(enrollments.enrolledEverywhere(org, l.learnerId())));
        scheduling.taughtBy(org, feed.personId()).stream()
                .filter(s -> s.status() != SectionStatus.CANCELLED && s.status() != SectionStatus.PLANNED)
                .filter(s -> sections.stream().noneMatch(x -> x.sectionId().equals(s.sectionId())))
                .forEach(sections::add);
        var holidays = new HashMap<UUID, java.util.Set<java.time.LocalDate>>();
        var entries = new ArrayList<ScheduleCalendar.Entry>();
        for (var s : sections) {
            var off = holidays.computeIfAbsent(
                    s.termId(),
                    t -> new HashSet<>(scheduling
                            .term(org, t)
                            .map(Scheduling.TermRecord::holidays)
                            .orElse(List.of())));
            var rooms = new HashMap<UUID, String>();
            s.meetings().stream()
                    .map(Scheduling.MeetingRecord::roomId)
                    .filter(java.util.Objects::nonNull)
                    .forEach(id -> scheduling.roomName(org, id).ifPresent(n -> rooms.put(id, n)));
            entries.add(new ScheduleCalendar.Entry(s, off, rooms));
        }
        var name = organizations.find(org).map(o -> o.name()).orElse("Credo") + " schedule";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"schedule.ics\"")
                .header("X-Robots-Tag", "noindex")
                .body(calendars.render(name, zone, entries));
    }
}
