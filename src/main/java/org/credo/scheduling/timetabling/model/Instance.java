package org.credo.scheduling.timetabling.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A curriculum-based course timetabling problem as the ITC 2007 (track 3) defines it: a week of {@code days} days of
 * {@code periodsPerDay} periods, courses with their lectures, rooms, curricula and periods in which a course may not
 * meet. Read from and written to the {@code .ctt} format by {@link CttParser} and {@link CttWriter}.
 */
public record Instance(
        String name,
        int days,
        int periodsPerDay,
        List<Course> courses,
        List<Room> rooms,
        List<Curriculum> curricula,
        List<Unavailability> unavailability) {

    public Instance {
        courses = List.copyOf(courses);
        rooms = List.copyOf(rooms);
        curricula = List.copyOf(curricula);
        unavailability = List.copyOf(unavailability);
    }

    /** How many lectures are to be placed. */
    public int lectureCount() {
        return courses.stream().mapToInt(Course::lectures).sum();
    }

    /** How many teachers teach the courses. */
    public int teacherCount() {
        return (int) courses.stream().map(Course::teacher).distinct().count();
    }

    /** The courses by id. */
    public Map<String, Course> coursesById() {
        var byId = new HashMap<String, Course>();
        courses.forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    /** The rooms by id. */
    public Map<String, Room> roomsById() {
        var byId = new HashMap<String, Room>();
        rooms.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /** For each course, the other courses it must not share a period with: same teacher, or a common curriculum. */
    public Map<String, Set<String>> conflicts() {
        var conflicts = new HashMap<String, Set<String>>();
        courses.forEach(c -> conflicts.put(c.id(), new HashSet<>()));
        for (var a : courses) {
            for (var b : courses) {
                if (!a.id().equals(b.id()) && a.teacher().equals(b.teacher())) {
                    conflicts.get(a.id()).add(b.id());
                }
            }
        }
        for (var curriculum : curricula) {
            for (var a : curriculum.courses()) {
                for (var b : curriculum.courses()) {
                    if (!a.equals(b)) {
                        conflicts.get(a).add(b);
                    }
                }
            }
        }
        return conflicts;
    }
}
