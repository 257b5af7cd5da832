package org.credo.scheduling.timetabling.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Generates instances in the ITC 2007 format that look like a term: sections of 1 to 3 weekly meetings, teachers
 * with an even load, cohorts taking 3 to 6 sections together, rooms from seminar rooms to lecture halls, and some
 * periods in which a section may not meet. The same settings (seed included) always give the same instance.
 */
public final class InstanceGenerator {

    /** What to generate. */
    public record Settings(
            int courses, int rooms, int teachers, int curricula, int days, int periodsPerDay, long seed) {

        public Settings {
            if (courses < 1 || rooms < 1 || teachers < 1 || curricula < 0 || days < 1 || periodsPerDay < 1) {
                throw new IllegalArgumentException("courses, rooms, teachers, days and periods must be at least 1");
            }
        }

        /** The name the generated instance carries. */
        public String name() {
            return "credo-" + courses + "c-" + rooms + "r-" + teachers + "t-s" + seed;
        }
    }

    private static final int[] CAPACITIES = {25, 30, 40, 50, 60, 80, 100, 150, 200};

    private InstanceGenerator() {}

    /** A generated instance. */
    public static Instance generate(Settings settings) {
        var random = new Random(settings.seed());
        int periods = settings.days() * settings.periodsPerDay();

        var rooms = new ArrayList<Room>();
        for (int i = 0; i < settings.rooms(); i++) {
            // mostly small and middle rooms, a few halls; the last room is always the largest
            int capacity = i == settings.rooms() - 1
                    ? CAPACITIES[CAPACITIES.length - 1]
                    : CAPACITIES[Math.min(CAPACITIES.length - 1, (int) Math.abs(random.nextGaussian() * 3))];
            rooms.add(new Room(String.format("r%03d", i), capacity));
        }
        int largest = rooms.stream().mapToInt(Room::capacity).max().orElse(0);

        var courses = new ArrayList<Course>();
        for (int i = 0; i < settings.courses(); i++) {
            int lectures = Math.min(periods, 1 + random.nextInt(3));
            int minDays = Math.min(settings.days(), 1 + random.nextInt(lectures));
            int students = Math.min(largest, 8 + (int) Math.abs(random.nextGaussian() * 40));
            var teacher = String.format("t%03d", i % settings.teachers());
            courses.add(new Course(String.format("c%04d", i), teacher, lectures, minDays, students));
        }

        var curricula = new ArrayList<Curriculum>();
        for (int i = 0; i < settings.curricula(); i++) {
            int size = Math.min(settings.courses(), 3 + random.nextInt(4));
            var members = new LinkedHashSet<String>();
            while (members.size() < size) {
                members.add(courses.get(random.nextInt(courses.size())).id());
            }
            curricula.add(new Curriculum(String.format("q%03d", i), List.copyOf(members)));
        }

        var unavailability = new ArrayList<Unavailability>();
        for (var course : courses) {
            if (random.nextInt(10) < 3) {
                // keep at least three free periods per lecture
                int blocked = Math.min(2 + random.nextInt(4), periods - 3 * course.lectures());
                var seen = new HashSet<Integer>();
                while (seen.size() < Math.max(0, blocked)) {
                    int p = random.nextInt(periods);
                    if (seen.add(p)) {
                        unavailability.add(new Unavailability(
                                course.id(), p / settings.periodsPerDay(), p % settings.periodsPerDay()));
                    }
                }
            }
        }
        return new Instance(
                settings.name(), settings.days(), settings.periodsPerDay(), courses, rooms, curricula, unavailability);
    }
}
