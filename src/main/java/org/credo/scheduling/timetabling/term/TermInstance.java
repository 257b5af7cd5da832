package org.credo.scheduling.timetabling.term;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.instructor.Instructor;
import org.credo.scheduling.room.Room;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.timetabling.model.Assignment;
import org.credo.scheduling.timetabling.model.Course;
import org.credo.scheduling.timetabling.model.Curriculum;
import org.credo.scheduling.timetabling.model.Instance;
import org.credo.scheduling.timetabling.model.Unavailability;
import org.jspecify.annotations.Nullable;

/**
 * A term's sections as an ITC 2007 instance (ADR 0056): each section not cancelled and not online is a course (a
 * cross-listed group is one course, since it meets together), the organization's active rooms are rooms, the slot
 * grid's days and slots are the periods, instructors' unavailable times are unavailable periods, linked sections and
 * sections with seats reserved for the same program or cohort are curricula, and a pinned section's meetings are
 * pinned lectures.
 */
final class TermInstance {

    /** Minutes of class a week per credit, by which a section without meetings gets its number of lectures. */
    static final int MINUTES_PER_CREDIT = 50;

    private TermInstance() {}

    /** The instance, its pinned lectures and the map back onto the term. */
    record Built(Instance instance, List<Assignment> pins, TermMap map) {}

    static Built build(
            Term term, List<Section> termSections, List<Room> allRooms, List<Instructor> instructors, SlotGrid grid) {
        var rooms = new LinkedHashMap<String, UUID>();
        var roomKeys = new HashMap<UUID, String>();
        var itcRooms = new ArrayList<org.credo.scheduling.timetabling.model.Room>();
        for (var r : allRooms) {
            if (r.active()) {
                var key = unique(key(r.buildingCode() + "-" + r.number()), rooms.keySet());
                rooms.put(key, r.id());
                roomKeys.put(r.id(), key);
                itcRooms.add(new org.credo.scheduling.timetabling.model.Room(key, r.capacity()));
            }
        }
        var instructorsById = new HashMap<UUID, Instructor>();
        instructors.forEach(i -> instructorsById.put(i.personId(), i));
        var teacherKeys = new HashMap<UUID, String>();

        var leftOut = new ArrayList<TermMap.LeftOut>();
        var units = new LinkedHashMap<Object, List<Section>>();
        termSections.stream().sorted(Comparator.comparing(Section::label)).forEach(s -> {
            if (!s.editable()) {
                return;
            }
            if (s.deliveryMode() == DeliveryMode.ONLINE) {
                leftOut.add(new TermMap.LeftOut(s.id(), "online: it meets in no room"));
                return;
            }
            Object unit = s.crossListGroup() == null ? s.id() : s.crossListGroup();
            units.computeIfAbsent(unit, k -> new ArrayList<>()).add(s);
        });

        var courses = new ArrayList<Course>();
        var pins = new ArrayList<Assignment>();
        var entries = new ArrayList<TermMap.Entry>();
        var unavailable = new ArrayList<Unavailability>();
        var courseOf = new HashMap<UUID, String>();
        var courseKeys = new HashSet<String>();
        var taughtBy = new LinkedHashMap<UUID, Set<String>>();
        var secondary = new LinkedHashSet<UUID>();
        for (var unit : units.values()) {
            var lead = unit.get(0);
            var key = unique(key(lead.label()), courseKeys);
            var pinnedSection = unit.stream().filter(Section::pinned).findFirst();
            var unitPins = new ArrayList<Assignment>();
            int lectures;
            int minDays;
            if (pinnedSection.isPresent()) {
                var problem = pinsOf(pinnedSection.get(), key, grid, roomKeys, unitPins);
                if (problem != null) {
                    unit.forEach(s -> leftOut.add(new TermMap.LeftOut(s.id(), problem)));
                    continue;
                }
                lectures = unitPins.size();
                minDays = (int)
                        unitPins.stream().mapToInt(Assignment::day).distinct().count();
            } else {
                int weekly =
                        lead.meetings().stream().mapToInt(m -> m.days().size()).sum();
                lectures = weekly > 0 ? weekly : fromCredits(lead.credits(), grid);
                lectures = Math.min(lectures, grid.days().size() * grid.slots());
                minDays = Math.min(lectures, grid.days().size());
            }
            courseKeys.add(key);
            var instructorIds = unit.stream()
                    .flatMap(s -> s.instructorIds().stream())
                    .distinct()
                    .toList();
            for (var person : instructorIds) {
                taughtBy.computeIfAbsent(person, p -> new LinkedHashSet<>()).add(key);
                if (!person.equals(
                        lead.instructorIds().isEmpty()
                                ? null
                                : lead.instructorIds().get(0))) {
                    secondary.add(person);
                }
            }
            var teacher = lead.instructorIds().isEmpty()
                    ? "none-" + key
                    : teacherKeys.computeIfAbsent(
                            lead.instructorIds().get(0),
                            id -> unique(
                                    key(
                                            instructorsById.containsKey(id)
                                                    ? instructorsById.get(id).name()
                                                    : id.toString()),
                                    new HashSet<>(teacherKeys.values())));
            int students = unit.stream().mapToInt(Section::capacity).sum();
            courses.add(new Course(
                    key, teacher, lectures, Math.min(lectures, grid.days().size()), students));
            pins.addAll(unitPins);
            for (var s : unit) {
                courseOf.put(s.id(), key);
                entries.add(new TermMap.Entry(key, s.id(), fingerprint(s), pinnedSection.isPresent()));
            }
            // a pinned section meets when the registrar said (its real times are checked by Conflicts); its slots
            // are only approximations of those times, so they carry no unavailable periods
            for (int d = 0; d < grid.days().size() && pinnedSection.isEmpty(); d++) {
                for (int p = 0; p < grid.slots(); p++) {
                    var day = grid.days().get(d);
                    var from = grid.start(p);
                    var to = grid.end(p);
                    boolean out = instructorIds.stream()
                            .map(instructorsById::get)
                            .anyMatch(i -> i != null && !i.canTeach(day, from, to));
                    if (out) {
                        unavailable.add(new Unavailability(key, d, p));
                    }
                }
            }
        }
        var instance = new Instance(
                key(term.code()),
                grid.days().size(),
                grid.slots(),
                courses,
                itcRooms,
                curricula(units.values(), courseOf, secondaryTeaching(secondary, taughtBy, instructorsById)),
                unavailable);
        return new Built(instance, pins, new TermMap(grid, rooms, entries, leftOut));
    }

    /**
     * The pinned lectures of a section's meetings, one for each day and slot a meeting overlaps (a 110-minute lab
     * holds two 90-minute slots), or why none can be pinned: meetings without an active room, or all outside the
     * grid. Days and times outside the grid cannot clash with what the solver places and are skipped.
     */
    private static @Nullable String pinsOf(
            Section section, String key, SlotGrid grid, Map<UUID, String> roomKeys, List<Assignment> out) {
        for (var m : section.meetings()) {
            if (m.roomId() == null || !roomKeys.containsKey(m.roomId())) {
                return "pinned meeting " + m.when() + " has no room in use, so the solver cannot keep it";
            }
            for (var day : m.days().stream().sorted().toList()) {
                int d = grid.days().indexOf(day);
                if (d >= 0) {
                    grid.slotsCovering(m.startsAt(), m.endsAt())
                            .forEach(slot -> out.add(new Assignment(key, roomKeys.get(m.roomId()), d, slot)));
                }
            }
        }
        return out.isEmpty() ? "pinned, and no meeting falls on the slot grid: nothing for the solver to keep" : null;
    }

    /**
     * ITC gives a course one teacher, its section's first instructor; an instructor who also teaches a section as its
     * second (or later) instructor gets a curriculum of all their courses, so that they are never booked twice.
     */
    private static Map<String, Set<String>> secondaryTeaching(
            Set<UUID> secondary, Map<UUID, Set<String>> taughtBy, Map<UUID, Instructor> instructorsById) {
        var groups = new TreeMap<String, Set<String>>();
        for (var person : secondary) {
            var name = instructorsById.containsKey(person)
                    ? instructorsById.get(person).name()
                    : person.toString();
            groups.put(key("teaches-" + name + "-" + person.toString().substring(0, 8)), taughtBy.get(person));
        }
        return groups;
    }

    /** Weekly meetings for a section without any: its credits' class minutes in the grid's classes, 1 at least. */
    static int fromCredits(BigDecimal credits, SlotGrid grid) {
        int n = credits.multiply(BigDecimal.valueOf(MINUTES_PER_CREDIT))
                .divide(BigDecimal.valueOf(grid.classMinutes()), 0, RoundingMode.CEILING)
                .intValue();
        return Math.max(1, Math.min(n, grid.days().size()));
    }

    /**
     * Linked sections (a lecture and its labs) are taken together, and sections with seats reserved for the same
     * program or cohort are taken by the same learners: each such group is a curriculum, so that none of its courses
     * meet at once.
     */
    private static List<Curriculum> curricula(
            java.util.Collection<List<Section>> units,
            Map<UUID, String> courseOf,
            Map<String, Set<String>> secondaryTeaching) {
        var groups = new TreeMap<String, Set<String>>(secondaryTeaching);
        for (var unit : units) {
            for (var s : unit) {
                var course = courseOf.get(s.id());
                if (s.linkedTo() != null && courseOf.containsKey(s.linkedTo())) {
                    var lecture = courseOf.get(s.linkedTo());
                    var group = groups.computeIfAbsent("link-" + lecture, k -> new LinkedHashSet<>());
                    group.add(lecture);
                    group.add(course);
                }
                for (var seat : s.reservedSeats()) {
                    groups.computeIfAbsent(key(seat.kind() + "-" + seat.reference()), k -> new LinkedHashSet<>())
                            .add(course);
                }
            }
        }
        return groups.entrySet().stream()
                .filter(g -> g.getValue().size() > 1)
                .map(g -> new Curriculum(g.getKey(), List.copyOf(g.getValue())))
                .toList();
    }

    /**
     * What a section was when a run started, as a short hash: its status, seats, part of term, instructors,
     * links, reserved seats, pin and meetings. A section whose fingerprint differs was changed since.
     */
    static String fingerprint(Section s) {
        var text = new StringBuilder()
                .append(s.status())
                .append('|')
                .append(s.part())
                .append('|')
                .append(s.capacity())
                .append('|')
                .append(s.deliveryMode())
                .append('|')
                .append(s.pinned())
                .append('|')
                .append(s.crossListGroup())
                .append('|')
                .append(s.linkedTo())
                .append('|')
                .append(s.instructorIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(",")))
                .append('|')
                .append(s.reservedSeats().stream()
                        .map(r -> r.kind() + ":" + r.reference() + ":" + r.seats())
                        .sorted()
                        .collect(Collectors.joining(",")))
                .append('|')
                .append(s.meetings().stream()
                        .map(m -> m.days().stream().sorted().toList() + " " + m.startsAt() + " " + m.endsAt() + " "
                                + m.startsOn() + " " + m.endsOn() + " " + m.roomId())
                        .sorted()
                        .collect(Collectors.joining(",")));
        try {
            var hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A name as an instance id: no spaces, only letters, digits and {@code - _ .}. */
    static String key(String name) {
        var k = name.trim().replaceAll("\\s+", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return k.isEmpty() ? "x" : k;
    }

    private static String unique(String key, Set<String> taken) {
        var k = key;
        for (int i = 2; taken.contains(k); i++) {
            k = key + "~" + i;
        }
        return k;
    }
}
