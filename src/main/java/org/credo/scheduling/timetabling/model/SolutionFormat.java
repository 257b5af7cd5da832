package org.credo.scheduling.timetabling.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ITC 2007 solution format: one line {@code <course> <room> <day> <period>} per lecture, days and periods from 0.
 */
public final class SolutionFormat {

    private SolutionFormat() {}

    /** The assignments as solution text, in course, day, period order. */
    public static String write(List<Assignment> assignments) {
        var out = new StringBuilder();
        assignments.stream()
                .sorted(Comparator.comparing(Assignment::course)
                        .thenComparingInt(Assignment::day)
                        .thenComparingInt(Assignment::period)
                        .thenComparing(Assignment::room))
                .forEach(a -> out.append(a.course())
                        .append(' ')
                        .append(a.room())
                        .append(' ')
                        .append(a.day())
                        .append(' ')
                        .append(a.period())
                        .append('\n'));
        return out.toString();
    }

    /**
     * The assignments of solution text for an instance; throws {@link CttFormatException} naming the first line that
     * is malformed or names a course or room the instance does not have, or a day or period outside its week.
     */
    public static List<Assignment> read(String text, Instance instance) {
        var courses = instance.coursesById();
        var rooms = instance.roomsById();
        var assignments = new ArrayList<Assignment>();
        var lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            var t = lines[i].trim().split("\\s+");
            if (t.length != 4) {
                throw new CttFormatException(
                        line, "a solution line is '<course> <room> <day> <period>', found " + t.length + " values");
            }
            if (!courses.containsKey(t[0])) {
                throw new CttFormatException(line, "course " + t[0] + " is not in instance " + instance.name());
            }
            if (!rooms.containsKey(t[1])) {
                throw new CttFormatException(line, "room " + t[1] + " is not in instance " + instance.name());
            }
            int day = number(line, t[2], "day", instance.days());
            int period = number(line, t[3], "period", instance.periodsPerDay());
            assignments.add(new Assignment(t[0], t[1], day, period));
        }
        return assignments;
    }

    private static int number(int line, String token, String what, int bound) {
        try {
            int value = Integer.parseInt(token);
            if (value < 0 || value >= bound) {
                throw new CttFormatException(
                        line, "the " + what + " must be between 0 and " + (bound - 1) + ", found " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CttFormatException(line, "the " + what + " must be a whole number, found '" + token + "'");
        }
    }
}
