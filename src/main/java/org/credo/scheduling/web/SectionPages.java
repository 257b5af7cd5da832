package org.credo.scheduling.web;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.room.Rooms;
import org.credo.scheduling.section.Conflicts;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Terms;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registrar's section pages: creating and changing a section, its meetings (checked for conflicts as they are
 * typed), reserved seats and status.
 */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class SectionPages {

    static final String FORM = "scheduling/section-form";
    static final String SECTION = "scheduling/section";
    static final String CONFLICTS = "scheduling/section :: conflicts";
    static final String CHECK = "scheduling/section :: check";
    private static final List<String> FIELDS = List.of(
            "courseCode",
            "part",
            "number",
            "capacity",
            "waitlistCapacity",
            "deliveryMode",
            "instructorIds",
            "crossListWith",
            "linkedTo");
    private static final List<String> MEETING_FIELDS =
            List.of("days", "startsAt", "endsAt", "startsOn", "endsOn", "roomId");

    private final Terms terms;
    private final Sections sections;
    private final Meetings meetings;
    private final Conflicts conflicts;
    private final Rooms rooms;
    private final Instructors instructors;

    SectionPages(
            Terms terms,
            Sections sections,
            Meetings meetings,
            Conflicts conflicts,
            Rooms rooms,
            Instructors instructors) {
        this.terms = terms;
        this.sections = sections;
        this.meetings = meetings;
        this.conflicts = conflicts;
        this.rooms = rooms;
        this.instructors = instructors;
    }

    @GetMapping("/manage/scheduling/terms/{termId}/sections/new")
    String newSection(@AuthenticationPrincipal CredoUser user, @PathVariable UUID termId, Model model) {
        model.addAttribute("form", new SectionForm());
        return form(user, termId, null, model);
    }

    @PostMapping("/manage/scheduling/terms/{termId}/sections")
    String create(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID termId,
            @ModelAttribute("form") SectionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        terms.find(user.organizationId(), termId);
        if (!binding.hasErrors()) {
            try {
                var section = sections.create(user.organizationId(), termId, form.draft());
                redirect.addFlashAttribute(
                        "flash", "Created " + section.label() + ", planned. Add its meetings below.");
                return "redirect:/manage/scheduling/sections/" + section.id();
            } catch (ProblemException e) {
                FormErrors.reject(binding, e, FIELDS);
            }
        }
        return form(user, termId, null, model);
    }

    @GetMapping("/manage/scheduling/sections/{id}")
    String section(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID meeting,
            Model model) {
        var section = sections.find(user.organizationId(), id);
        var form = section.meetings().stream()
                .filter(m -> m.id().equals(meeting))
                .findFirst()
                .map(MeetingForm::of)
                .orElseGet(MeetingForm::new);
        model.addAttribute("meetingForm", form);
        model.addAttribute("editing", meeting != null && !form.getDays().isEmpty() ? meeting : null);
        return page(user, section, model);
    }

    @GetMapping("/manage/scheduling/sections/{id}/edit")
    String edit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var section = sections.find(user.organizationId(), id);
        model.addAttribute("form", SectionForm.of(section, sections.ofTerm(user.organizationId(), section.termId())));
        return form(user, section.termId(), section, model);
    }

    @PostMapping("/manage/scheduling/sections/{id}")
    String update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") SectionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var section = sections.find(user.organizationId(), id);
        if (!binding.hasErrors()) {
            try {
                var saved = sections.update(user.organizationId(), id, form.draft());
                redirect.addFlashAttribute("flash", "Saved " + saved.label() + ".");
                return "redirect:/manage/scheduling/sections/" + id;
            } catch (ProblemException e) {
                if (e.status().value() == 409) {
                    throw e;
                }
                FormErrors.reject(binding, e, FIELDS);
            }
        }
        return form(user, section.termId(), section, model);
    }

    @PostMapping({"/manage/scheduling/sections/{id}/meetings", "/manage/scheduling/sections/{id}/meetings/{meetingId}"})
    String saveMeeting(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable(required = false) @Nullable UUID meetingId,
            @ModelAttribute("meetingForm") MeetingForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var org = user.organizationId();
        var section = sections.find(org, id);
        if (!binding.hasErrors()) {
            try {
                var m = meetingId == null
                        ? meetings.add(org, id, form.draft())
                        : meetings.update(org, id, meetingId, form.draft());
                var found = conflicts.ofSection(org, id).stream()
                        .filter(c -> m.id().equals(c.meetingId()))
                        .count();
                redirect.addFlashAttribute(
                        "flash",
                        (meetingId == null ? "Scheduled " : "Moved to ") + m.when() + "."
                                + (found == 0 ? " No conflicts." : " It has " + found + " conflict(s): see below."));
                return "redirect:/manage/scheduling/sections/" + id;
            } catch (ProblemException e) {
                if (e.status().value() == 409) {
                    throw e;
                }
                FormErrors.reject(binding, e, MEETING_FIELDS);
            }
        }
        model.addAttribute("editing", meetingId);
        return page(user, section, model);
    }

    @PostMapping("/manage/scheduling/sections/{id}/meetings/check")
    String check(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("meetingForm") MeetingForm form,
            @RequestParam(required = false) @Nullable UUID editing,
            Model model) {
        var org = user.organizationId();
        var section = sections.find(org, id);
        try {
            var draft = form.draft();
            if (draft.days().isEmpty() || draft.startsAt() == null || draft.endsAt() == null) {
                model.addAttribute("checkMessage", "Choose days and times to check this meeting for conflicts.");
                model.addAttribute("preview", List.of());
            } else {
                var meeting = meetings.check(org, section, draft);
                model.addAttribute("preview", conflicts.preview(org, id, meeting, editing));
                model.addAttribute("checkMessage", null);
            }
        } catch (ProblemException e) {
            model.addAttribute("checkMessage", FormErrors.message(e));
            model.addAttribute("preview", List.of());
        }
        return CHECK;
    }

    @GetMapping("/manage/scheduling/sections/{id}/conflicts")
    String conflicts(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var section = sections.find(user.organizationId(), id);
        model.addAttribute("section", section);
        model.addAttribute("conflicts", conflicts.ofSection(user.organizationId(), id));
        return CONFLICTS;
    }

    @PostMapping("/manage/scheduling/sections/{id}/meetings/{meetingId}/delete")
    String removeMeeting(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID meetingId,
            RedirectAttributes redirect) {
        try {
            meetings.remove(user.organizationId(), id, meetingId);
            redirect.addFlashAttribute("flash", "Removed the meeting.");
        } catch (ProblemException e) {
            FormErrors.flash(redirect, e, "Not removed: ");
        }
        return "redirect:/manage/scheduling/sections/" + id;
    }

    @PostMapping("/manage/scheduling/sections/{id}/status")
    String status(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable SectionStatus status,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            var s = sections.changeStatus(user.organizationId(), id, status, reason);
            redirect.addFlashAttribute(
                    "flash", s.label() + " is now " + s.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        } catch (ProblemException e) {
            FormErrors.flash(redirect, e, "Status not changed: ");
        }
        return "redirect:/manage/scheduling/sections/" + id;
    }

    @PostMapping("/manage/scheduling/sections/{id}/pinned")
    String pin(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean pinned,
            RedirectAttributes redirect) {
        try {
            var s = sections.pin(user.organizationId(), id, pinned);
            redirect.addFlashAttribute(
                    "flash",
                    s.pinned()
                            ? s.label() + " is pinned: the timetabling solver keeps its meetings where they are."
                            : s.label() + " is unpinned: the timetabling solver may move its meetings.");
        } catch (ProblemException e) {
            FormErrors.flash(redirect, e, "Not changed: ");
        }
        return "redirect:/manage/scheduling/sections/" + id;
    }

    @PostMapping("/manage/scheduling/sections/{id}/reserved-seats")
    String reserve(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String reference,
            @RequestParam(required = false) @Nullable Integer seats,
            RedirectAttributes redirect) {
        try {
            meetings.reserve(user.organizationId(), id, kind, reference, seats);
            redirect.addFlashAttribute("flash", "Reserved " + seats + " seat(s) for " + reference.trim() + ".");
        } catch (ProblemException e) {
            FormErrors.flash(redirect, e, "Not reserved: ");
        }
        return "redirect:/manage/scheduling/sections/" + id;
    }

    @PostMapping("/manage/scheduling/sections/{id}/reserved-seats/{reservationId}/delete")
    String release(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID reservationId,
            RedirectAttributes redirect) {
        try {
            meetings.release(user.organizationId(), id, reservationId);
            redirect.addFlashAttribute("flash", "Released the reserved seats.");
        } catch (ProblemException e) {
            FormErrors.flash(redirect, e, "Not released: ");
        }
        return "redirect:/manage/scheduling/sections/" + id;
    }

    private String page(CredoUser user, Section section, Model model) {
        var org = user.organizationId();
        var roomNames = new HashMap<UUID, String>();
        var all = rooms.all(org);
        all.forEach(r -> roomNames.put(r.id(), r.name()));
        var names = new HashMap<UUID, String>();
        instructors.all(org).forEach(i -> names.put(i.personId(), i.name()));
        var termSections = sections.ofTerm(org, section.termId());
        var labels = new HashMap<UUID, String>();
        termSections.forEach(s -> labels.put(s.id(), s.label()));
        model.addAttribute("section", section);
        model.addAttribute("term", terms.find(org, section.termId()));
        model.addAttribute("rooms", all.stream().filter(r -> r.active()).toList());
        model.addAttribute("roomNames", roomNames);
        model.addAttribute("instructorNames", names);
        model.addAttribute("sectionLabels", labels);
        model.addAttribute(
                "crossListed",
                section.crossListGroup() == null
                        ? List.of()
                        : termSections.stream()
                                .filter(s -> !s.id().equals(section.id())
                                        && section.crossListGroup().equals(s.crossListGroup()))
                                .toList());
        model.addAttribute("conflicts", conflicts.ofSection(org, section.id()));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute(
                "nextStatuses",
                java.util.Arrays.stream(SectionStatus.values())
                        .filter(s -> section.status().canMoveTo(s) && s != SectionStatus.CANCELLED)
                        .toList());
        return SECTION;
    }

    private String form(CredoUser user, UUID termId, @Nullable Section section, Model model) {
        var org = user.organizationId();
        var term = terms.find(org, termId);
        model.addAttribute("term", term);
        model.addAttribute("section", section);
        model.addAttribute("parts", term.parts().stream().map(p -> p.part()).toList());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("instructors", instructors.all(org));
        model.addAttribute(
                "others",
                sections.ofTerm(org, termId).stream()
                        .filter(s -> section == null || !s.id().equals(section.id()))
                        .filter(s -> s.status() != SectionStatus.CANCELLED)
                        .toList());
        model.addAttribute("allParts", PartOfTerm.values());
        return FORM;
    }
}
