package org.credo.scheduling.section;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.TermRolledForward;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.term.Terms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies a term's sections and meetings into a later term as planned sections, moved to the new term's dates, and
 * says what it could not copy (a course retired or missing in the new term, a part of term the new term lacks, a
 * section number already taken).
 */
@Service
public class RollForward {

    /** What was copied and what was not, with the reason. */
    public record Result(int copied, List<String> notCopied) {}

    private final Sections sections;
    private final Meetings meetings;
    private final Terms terms;
    private final ApplicationEventPublisher events;
    private final Catalog catalog;
    private final Instructors instructors;

    RollForward(
            Sections sections,
            Meetings meetings,
            Terms terms,
            ApplicationEventPublisher events,
            Catalog catalog,
            Instructors instructors) {
        this.catalog = catalog;
        this.instructors = instructors;
        this.sections = sections;
        this.meetings = meetings;
        this.terms = terms;
        this.events = events;
    }

    /** Copies the sections of {@code fromTermId} that are not cancelled into {@code toTermId}. */
    @Transactional
    public Result run(UUID organizationId, UUID fromTermId, UUID toTermId) {
        if (fromTermId.equals(toTermId)) {
            throw ProblemException.invalidField("fromTermId", "choose an earlier term to copy from, not this one.");
        }
        var from = terms.find(organizationId, fromTermId);
        var to = terms.find(organizationId, toTermId);
        int copied = 0;
        var notCopied = new ArrayList<String>();
        var copies = new java.util.HashMap<UUID, UUID>();
        var taken = sections.ofTerm(organizationId, toTermId).stream()
                .map(Section::label)
                .collect(java.util.stream.Collectors.toSet());
        var current = instructors.all(organizationId).stream()
                .map(i -> i.personId())
                .collect(java.util.stream.Collectors.toSet());
        var sources = sections.ofTerm(organizationId, fromTermId).stream()
                .filter(s -> s.status() != SectionStatus.CANCELLED)
                .sorted(java.util.Comparator.comparing((Section s) -> s.linkedTo() != null))
                .toList();
        for (var s : sources) {
            var oldPart = from.part(s.part()).orElseThrow();
            var newPart = to.part(s.part());
            if (newPart.isEmpty()) {
                notCopied.add(s.label() + ": " + to.code() + " has no "
                        + s.part().label().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            // Checked first: a refusal inside create would mark the whole roll-forward for rollback.
            var course = catalog.course(organizationId, s.courseCode(), to.startsOn());
            if (course.isEmpty() || course.get().retired()) {
                notCopied.add(s.label() + ": " + s.courseCode()
                        + (course.isEmpty() ? " is not in the catalog on " : " is retired on ") + to.startsOn());
                continue;
            }
            if (taken.contains(s.courseCode() + "-" + s.number())) {
                notCopied.add(s.label() + ": " + to.code() + " already has this section");
                continue;
            }
            var teaching = s.instructorIds().stream().filter(current::contains).toList();
            var copy = sections.create(
                    organizationId,
                    toTermId,
                    new SectionDraft(
                            s.courseCode(),
                            s.part(),
                            s.number(),
                            s.capacity(),
                            s.waitlistCapacity(),
                            s.deliveryMode(),
                            teaching,
                            null,
                            s.linkedTo() == null ? null : copies.get(s.linkedTo())));
            copies.put(s.id(), copy.id());
            var shift = ChronoUnit.DAYS.between(
                    oldPart.classesStart(), newPart.get().classesStart());
            for (var m : s.meetings()) {
                var startsOn = m.startsOn().equals(oldPart.classesStart())
                        ? newPart.get().classesStart()
                        : m.startsOn().plusDays(shift);
                var endsOn = m.endsOn().equals(oldPart.classesEnd())
                        ? newPart.get().classesEnd()
                        : min(m.endsOn().plusDays(shift), newPart.get().classesEnd());
                if (endsOn.isBefore(startsOn)) {
                    notCopied.add(s.label() + ": the meeting " + m.when() + " falls after the end of "
                            + s.part().label().toLowerCase(java.util.Locale.ROOT) + " in " + to.code());
                    continue;
                }
                meetings.add(
                        organizationId,
                        copy.id(),
                        new MeetingDraft(m.days(), m.startsAt(), m.endsAt(), startsOn, endsOn, m.roomId()));
            }
            for (var r : s.reservedSeats()) {
                meetings.reserve(organizationId, copy.id(), r.kind(), r.reference(), r.seats());
            }
            copied++;
        }
        // Cross-listed groups are copied as they were, among the copies.
        var groups = new java.util.HashMap<UUID, UUID>();
        for (var s : sources) {
            if (s.crossListGroup() != null && copies.containsKey(s.id())) {
                var first = groups.putIfAbsent(s.crossListGroup(), copies.get(s.id()));
                if (first != null) {
                    var copy = sections.find(organizationId, copies.get(s.id()));
                    sections.update(
                            organizationId,
                            copy.id(),
                            new SectionDraft(
                                    null,
                                    copy.part(),
                                    copy.number(),
                                    copy.capacity(),
                                    copy.waitlistCapacity(),
                                    copy.deliveryMode(),
                                    copy.instructorIds(),
                                    first,
                                    copy.linkedTo()));
                }
            }
        }
        events.publishEvent(new TermRolledForward(
                ChangeStamp.now(organizationId), fromTermId, from.code(), toTermId, to.code(), copied, notCopied));
        return new Result(copied, notCopied);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
