package org.credo.scheduling.timetabling.term;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.room.Rooms;
import org.credo.scheduling.section.Conflicts;
import org.credo.scheduling.section.Meeting;
import org.credo.scheduling.section.MeetingDraft;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Terms;
import org.credo.scheduling.timetabling.TimetableAccepted;
import org.credo.scheduling.timetabling.model.Assignment;
import org.credo.scheduling.timetabling.model.CttParser;
import org.credo.scheduling.timetabling.model.CttWriter;
import org.credo.scheduling.timetabling.model.SolutionFormat;
import org.credo.scheduling.timetabling.run.TermBinding;
import org.credo.scheduling.timetabling.run.TimetablingRun;
import org.credo.scheduling.timetabling.run.TimetablingRuns;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timetabling a term's real sections (ADR 0056): start the solver on the term, list what its timetable would change
 * per section, and accept all or some of the changes into the sections' meetings through {@link Meetings}, so that
 * each change is audited on its section and conflicts are reported as for any edit.
 */
@Service
public class TermTimetabling {

    private final Terms terms;
    private final Sections sections;
    private final Meetings meetings;
    private final Rooms rooms;
    private final Instructors instructors;
    private final Conflicts conflicts;
    private final TimetablingRuns runs;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final SlotGrid grid;

    TermTimetabling(
            Terms terms,
            Sections sections,
            Meetings meetings,
            Rooms rooms,
            Instructors instructors,
            Conflicts conflicts,
            TimetablingRuns runs,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            @Value("${credo.timetabling.grid.days:MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}") String days,
            @Value("${credo.timetabling.grid.first-start:08:00}") String firstStart,
            @Value("${credo.timetabling.grid.slot-minutes:90}") int slotMinutes,
            @Value("${credo.timetabling.grid.class-minutes:75}") int classMinutes,
            @Value("${credo.timetabling.grid.slots:8}") int slots) {
        this.terms = terms;
        this.sections = sections;
        this.meetings = meetings;
        this.rooms = rooms;
        this.instructors = instructors;
        this.conflicts = conflicts;
        this.runs = runs;
        this.events = events;
        this.jdbc = jdbc;
        this.grid = new SlotGrid(
                Arrays.stream(days.split(","))
                        .map(d -> DayOfWeek.valueOf(d.trim().toUpperCase(Locale.ROOT)))
                        .toList(),
                LocalTime.parse(firstStart),
                slotMinutes,
                classMinutes,
                slots);
    }

    /** The weekly slot grid new term runs are timetabled on. */
    public SlotGrid grid() {
        return grid;
    }

    /**
     * Starts the solver on a term's sections for at most {@code timeLimitSeconds}.
     *
     * @throws ProblemException 404 for an unknown term, 400 when it has no section or the organization no room to
     *     timetable, and as {@link TimetablingRuns#start(CredoUser, String, String, int)}
     */
    public TimetablingRun start(CredoUser user, @Nullable UUID termId, int timeLimitSeconds) {
        if (termId == null) {
            throw ProblemException.invalidField("termId", "choose the term to timetable.");
        }
        var organizationId = user.organizationId();
        var term = terms.find(organizationId, termId);
        var built = TermInstance.build(
                term,
                sections.ofTerm(organizationId, termId),
                rooms.all(organizationId),
                instructors.all(organizationId),
                grid);
        if (built.instance().rooms().isEmpty()) {
            throw ProblemException.invalidField(
                    "termId", "the organization has no room in use; add rooms before timetabling " + term.code() + ".");
        }
        if (built.instance().courses().isEmpty()) {
            throw ProblemException.invalidField(
                    "termId",
                    term.code() + " has no section to timetable; add sections that meet in person first"
                            + " (cancelled and online sections are left out).");
        }
        return runs.start(
                user,
                CttWriter.write(built.instance()),
                built.pins().isEmpty() ? null : SolutionFormat.write(built.pins()),
                timeLimitSeconds,
                new TermBinding(termId, built.map().text()));
    }

    /** What the run's timetable would change, section by section, by course and number. */
    @Transactional(readOnly = true)
    public List<SectionChange> changes(UUID organizationId, UUID runId) {
        return rows(organizationId, runId).stream().map(Row::view).toList();
    }

    /** What an accept wrote: the sections whose meetings changed, those already as proposed, and the term's conflicts. */
    public record Accepted(List<String> changed, List<String> unchanged, int conflicts) {

        public Accepted {
            changed = List.copyOf(changed);
            unchanged = List.copyOf(unchanged);
        }
    }

    /**
     * Writes the run's meetings into the chosen sections (every section of the run when {@code chosen} is null):
     * each section's meetings are replaced by the solver's through {@link Meetings}. A section already as proposed,
     * pinned or left out is not touched, so accepting twice changes nothing the second time.
     *
     * @throws ProblemException 409 naming the sections changed since the run started (nothing is written), 400 for a
     *     section the run does not have, 409 while the run solves
     */
    @Transactional
    public Accepted accept(CredoUser user, UUID runId, @Nullable Collection<UUID> chosen) {
        var organizationId = user.organizationId();
        // two accepts of one run take turns, so that the second sees the first's meetings
        jdbc.sql("SELECT id FROM timetabling_run WHERE organization_id = ? AND id = ? FOR UPDATE")
                .params(organizationId, runId)
                .query(UUID.class)
                .optional();
        var rows = rows(organizationId, runId);
        var bySection = new LinkedHashMap<UUID, Row>();
        rows.forEach(r -> bySection.put(r.view().sectionId(), r));
        List<Row> targets;
        if (chosen == null) {
            targets = rows;
        } else {
            if (chosen.isEmpty()) {
                throw ProblemException.invalidField("sectionIds", "choose at least one section to accept.");
            }
            targets = new ArrayList<>();
            for (var id : chosen.stream().distinct().toList()) {
                var row = bySection.get(id);
                if (row == null) {
                    throw ProblemException.invalidField("sectionIds", "the run did not timetable section " + id + ".");
                }
                targets.add(row);
            }
        }
        var stale = targets.stream()
                .filter(r -> r.view().state() == SectionChange.State.CHANGED_SINCE)
                .map(r -> r.view().label())
                .toList();
        if (!stale.isEmpty()) {
            throw ProblemException.conflict(
                    "Sections changed since the run",
                    String.join(", ", stale) + (stale.size() == 1 ? " was" : " were")
                            + " changed since the solver started, so the run's timetable may no longer fit "
                            + (stale.size() == 1 ? "it" : "them")
                            + "; nothing was accepted. Leave " + (stale.size() == 1 ? "it" : "them")
                            + " out or start a new run.");
        }
        var changed = new ArrayList<String>();
        var unchanged = new ArrayList<String>();
        for (var row : targets) {
            if (!row.view().acceptable() || row.section() == null) {
                unchanged.add(row.view().label());
                continue;
            }
            var section = row.section();
            for (var m : section.meetings()) {
                meetings.remove(organizationId, section.id(), m.id());
            }
            for (var p : row.proposed()) {
                meetings.add(
                        organizationId,
                        section.id(),
                        new MeetingDraft(p.days(), p.startsAt(), p.endsAt(), null, null, p.roomId()));
            }
            changed.add(row.view().label());
        }
        var solution = runs.termSolution(organizationId, runId);
        var term = terms.find(organizationId, solution.term().termId());
        if (!changed.isEmpty()) {
            events.publishEvent(new TimetableAccepted(
                    ChangeStamp.now(organizationId),
                    runId,
                    runs.get(organizationId, runId).name(),
                    term.code(),
                    changed));
        }
        return new Accepted(
                changed, unchanged, conflicts.ofTerm(organizationId, term.id()).size());
    }

    /** A meeting as the solver placed it. */
    record Proposed(Set<DayOfWeek> days, LocalTime startsAt, LocalTime endsAt, UUID roomId) {

        String key() {
            return Meeting.store(days) + " " + startsAt + " " + endsAt + " " + roomId;
        }
    }

    private record Row(SectionChange view, @Nullable Section section, List<Proposed> proposed) {}

    private List<Row> rows(UUID organizationId, UUID runId) {
        var solution = runs.termSolution(organizationId, runId);
        var map = TermMap.parse(solution.term().map());
        var instance = CttParser.parse(solution.ctt());
        var byCourse = SolutionFormat.read(solution.solution(), instance).stream()
                .collect(Collectors.groupingBy(Assignment::course));
        var roomNames = new HashMap<UUID, String>();
        var roomSeats = new HashMap<UUID, Integer>();
        rooms.all(organizationId).forEach(r -> {
            roomNames.put(r.id(), r.name());
            roomSeats.put(r.id(), r.capacity());
        });
        // the term's sections in one read, not one per section: a term has hundreds
        var termSections = new HashMap<UUID, Section>();
        sections.ofTerm(organizationId, solution.term().termId()).forEach(x -> termSections.put(x.id(), x));
        var rows = new ArrayList<Row>();
        for (var entry : map.sections()) {
            var section = termSections.get(entry.sectionId());
            var proposed = proposed(byCourse.getOrDefault(entry.course(), List.of()), map);
            int seats = section == null ? 0 : section.capacity();
            var proposedText = proposed.stream()
                    .map(p -> describe(p.days(), p.startsAt(), p.endsAt(), p.roomId(), roomNames)
                            + (roomSeats.getOrDefault(p.roomId(), Integer.MAX_VALUE) < seats
                                    ? " (" + roomSeats.get(p.roomId()) + " seats for " + seats + ")"
                                    : ""))
                    .toList();
            if (section == null) {
                rows.add(new Row(
                        new SectionChange(
                                entry.sectionId(),
                                entry.course(),
                                SectionChange.State.CHANGED_SINCE,
                                List.of(),
                                proposedText,
                                "deleted since the run started"),
                        null,
                        proposed));
                continue;
            }
            var current = section.meetings().stream()
                    .map(m -> describe(m.days(), m.startsAt(), m.endsAt(), m.roomId(), roomNames))
                    .toList();
            SectionChange.State state;
            String note = "";
            if (entry.pinned() && TermInstance.fingerprint(section).equals(entry.fingerprint())) {
                // the solver kept its meetings where they are; they are never written
                rows.add(new Row(
                        new SectionChange(
                                section.id(),
                                section.label(),
                                SectionChange.State.PINNED,
                                current,
                                current,
                                "pinned: its meetings stay as they are"),
                        section,
                        List.of()));
                continue;
            }
            if (same(section, proposed)) {
                state = SectionChange.State.UNCHANGED;
            } else if (!section.editable()) {
                state = SectionChange.State.CHANGED_SINCE;
                note = "cancelled since the run started";
            } else if (!TermInstance.fingerprint(section).equals(entry.fingerprint())) {
                state = SectionChange.State.CHANGED_SINCE;
                note = "edited since the run started";
            } else {
                state = SectionChange.State.CHANGES;
            }
            rows.add(new Row(
                    new SectionChange(section.id(), section.label(), state, current, proposedText, note),
                    section,
                    proposed));
        }
        for (var left : map.leftOut()) {
            java.util.Optional.ofNullable(termSections.get(left.sectionId()))
                    .ifPresent(s -> rows.add(new Row(
                            new SectionChange(
                                    s.id(),
                                    s.label(),
                                    SectionChange.State.LEFT_OUT,
                                    s.meetings().stream()
                                            .map(m ->
                                                    describe(m.days(), m.startsAt(), m.endsAt(), m.roomId(), roomNames))
                                            .toList(),
                                    List.of(),
                                    left.reason()),
                            s,
                            List.of())));
        }
        rows.sort(Comparator.comparing(r -> r.view().label()));
        return rows;
    }

    /** The lectures of a course as meetings: lectures in the same slot and room make one meeting on their days. */
    private static List<Proposed> proposed(List<Assignment> lectures, TermMap map) {
        var grouped = new LinkedHashMap<String, Set<DayOfWeek>>();
        lectures.stream()
                .sorted(Comparator.comparingInt(Assignment::period)
                        .thenComparing(Assignment::room)
                        .thenComparingInt(Assignment::day))
                .forEach(a -> grouped.computeIfAbsent(a.period() + " " + a.room(), k -> EnumSet.noneOf(DayOfWeek.class))
                        .add(map.grid().days().get(a.day())));
        var out = new ArrayList<Proposed>();
        grouped.forEach((k, days) -> {
            var t = k.split(" ");
            int slot = Integer.parseInt(t[0]);
            out.add(new Proposed(
                    days,
                    map.grid().start(slot),
                    map.grid().end(slot),
                    map.rooms().get(t[1])));
        });
        return out;
    }

    /** Whether the section's meetings already are the proposed ones (days, times and rooms; dates aside). */
    private static boolean same(Section section, List<Proposed> proposed) {
        var now = section.meetings().stream()
                .map(m -> Meeting.store(m.days()) + " " + m.startsAt() + " " + m.endsAt() + " " + m.roomId())
                .sorted()
                .toList();
        var then = proposed.stream().map(Proposed::key).sorted().toList();
        return now.equals(then);
    }

    private static String describe(
            Set<DayOfWeek> days, LocalTime from, LocalTime to, @Nullable UUID roomId, Map<UUID, String> roomNames) {
        var dayText = days.stream()
                .sorted()
                .map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
        var room = roomId == null ? "no room" : roomNames.getOrDefault(roomId, "a room no longer listed");
        return dayText + " " + from + "–" + to + " in " + room;
    }
}
