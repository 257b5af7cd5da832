package org.credo.scheduling.timetabling.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads an instance in the ITC 2007 curriculum-based course timetabling format ({@code .ctt}): a header of seven
 * {@code Key: value} lines, then the sections {@code COURSES:}, {@code ROOMS:}, {@code CURRICULA:},
 * {@code UNAVAILABILITY_CONSTRAINTS:} and {@code END.}. The first problem stops the reading with a
 * {@link CttFormatException} that names its line; nothing is returned from a malformed file.
 */
public final class CttParser {

    /** Bounds that keep one upload from taking the solver's memory: larger than every published instance. */
    static final int MAX_DAYS = 14;

    static final int MAX_PERIODS_PER_DAY = 24;
    static final int MAX_ITEMS = 5_000;

    private static final List<String> HEADER =
            List.of("Name", "Courses", "Rooms", "Days", "Periods_per_day", "Curricula", "Constraints");
    private static final List<String> SECTIONS =
            List.of("COURSES:", "ROOMS:", "CURRICULA:", "UNAVAILABILITY_CONSTRAINTS:");

    private final String[] lines;
    private int index;

    private CttParser(String text) {
        this.lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    /** The instance in {@code text}; throws {@link CttFormatException} naming the first bad line. */
    public static Instance parse(String text) {
        return new CttParser(text).instance();
    }

    private Instance instance() {
        var header = new HashMap<String, String>();
        for (var key : HEADER) {
            var tokens = next("the header line '" + key + ": ...'");
            if (tokens.length == 0 || !tokens[0].equals(key + ":")) {
                throw error("expected '" + key + ": ...' (the header lists " + String.join(", ", HEADER)
                        + " in this order) but found '" + lines[index - 1].trim() + "'");
            }
            if (tokens.length != 2) {
                throw error("'" + key + ":' takes one value without spaces, found " + (tokens.length - 1));
            }
            header.put(key, tokens[1]);
        }
        int courseCount = count(header, "Courses", 1, MAX_ITEMS);
        int roomCount = count(header, "Rooms", 1, MAX_ITEMS);
        int days = count(header, "Days", 1, MAX_DAYS);
        int periodsPerDay = count(header, "Periods_per_day", 1, MAX_PERIODS_PER_DAY);
        int curriculumCount = count(header, "Curricula", 0, MAX_ITEMS);
        int constraintCount = count(header, "Constraints", 0, MAX_ITEMS * days * periodsPerDay);

        section(SECTIONS.get(0));
        var courses = new ArrayList<Course>();
        var courseIds = new HashMap<String, Integer>();
        for (int i = 0; i < courseCount; i++) {
            var t = item("course", "<id> <teacher> <lectures> <min working days> <students>", 5);
            if (courseIds.putIfAbsent(t[0], index) != null) {
                throw error("course " + t[0] + " is already listed on line " + courseIds.get(t[0]));
            }
            int lectures = number(t[2], "the number of lectures of " + t[0], 1, days * periodsPerDay);
            int minDays = number(t[3], "the minimum working days of " + t[0], 0, days);
            int students = number(t[4], "the number of students of " + t[0], 0, 1_000_000);
            courses.add(new Course(t[0], t[1], lectures, minDays, students));
        }

        section(SECTIONS.get(1));
        var rooms = new ArrayList<Room>();
        var roomIds = new HashMap<String, Integer>();
        for (int i = 0; i < roomCount; i++) {
            var t = item("room", "<id> <capacity>", 2);
            if (roomIds.putIfAbsent(t[0], index) != null) {
                throw error("room " + t[0] + " is already listed on line " + roomIds.get(t[0]));
            }
            rooms.add(new Room(t[0], number(t[1], "the capacity of room " + t[0], 0, 1_000_000)));
        }

        section(SECTIONS.get(2));
        var curricula = new ArrayList<Curriculum>();
        var curriculumIds = new HashMap<String, Integer>();
        for (int i = 0; i < curriculumCount; i++) {
            var t = item("curriculum", "<id> <number of courses> <course> ...", -1);
            if (t.length < 2) {
                throw error("a curriculum line is '<id> <number of courses> <course> ...'");
            }
            if (curriculumIds.putIfAbsent(t[0], index) != null) {
                throw error("curriculum " + t[0] + " is already listed on line " + curriculumIds.get(t[0]));
            }
            int n = number(t[1], "the number of courses of curriculum " + t[0], 1, MAX_ITEMS);
            if (t.length - 2 != n) {
                throw error("curriculum " + t[0] + " says it has " + n + " courses but lists " + (t.length - 2));
            }
            var members = new LinkedHashSet<String>();
            for (int k = 2; k < t.length; k++) {
                if (!courseIds.containsKey(t[k])) {
                    throw error("curriculum " + t[0] + " names course " + t[k] + ", which COURSES does not list");
                }
                if (!members.add(t[k])) {
                    throw error("curriculum " + t[0] + " names course " + t[k] + " twice");
                }
            }
            curricula.add(new Curriculum(t[0], List.copyOf(members)));
        }

        section(SECTIONS.get(3));
        var unavailability = new LinkedHashSet<Unavailability>();
        for (int i = 0; i < constraintCount; i++) {
            var t = item("unavailability constraint", "<course> <day> <period>", 3);
            if (!courseIds.containsKey(t[0])) {
                throw error("unavailability of course " + t[0] + ", which COURSES does not list");
            }
            int day = number(t[1], "the day (from 0)", 0, days - 1);
            int period = number(t[2], "the period of the day (from 0)", 0, periodsPerDay - 1);
            unavailability.add(new Unavailability(t[0], day, period));
        }

        var end = next("END.");
        if (end.length != 1 || !end[0].equals("END.")) {
            throw error("expected 'END.' after the " + constraintCount
                    + " unavailability constraints the header announces, found '" + lines[index - 1].trim() + "'");
        }
        while (index < lines.length) {
            if (!lines[index++].isBlank()) {
                throw error("nothing may follow 'END.'");
            }
        }
        return new Instance(
                header.get("Name"), days, periodsPerDay, courses, rooms, curricula, new ArrayList<>(unavailability));
    }

    private void section(String marker) {
        var tokens = next(marker);
        if (tokens.length != 1 || !tokens[0].equals(marker)) {
            var found = lines[index - 1].trim();
            var hint = SECTIONS.contains(found) || found.equals("END.")
                    ? " (the header announces more items than the section before holds)"
                    : " (the header announces fewer items than the section before holds, or the line is malformed)";
            throw error("expected '" + marker + "' but found '" + found + "'" + hint);
        }
    }

    private String[] item(String what, String shape, int size) {
        var tokens = next("a " + what + " line");
        if (tokens.length == 1 && (SECTIONS.contains(tokens[0]) || tokens[0].equals("END."))) {
            throw error("expected a " + what + " line '" + shape + "' but found '" + tokens[0]
                    + "': the header announces more items than the section holds");
        }
        if (size > 0 && tokens.length != size) {
            throw error("a " + what + " line is '" + shape + "' (" + size + " values), found " + tokens.length
                    + " values in '" + lines[index - 1].trim() + "'");
        }
        return tokens;
    }

    /** The next non-blank line split on white space. */
    private String[] next(String expected) {
        while (index < lines.length && lines[index].isBlank()) {
            index++;
        }
        if (index >= lines.length) {
            index = lines.length;
            throw new CttFormatException(lines.length, "the file ends where " + expected + " was expected");
        }
        return lines[index++].trim().split("\\s+");
    }

    private int count(Map<String, String> header, String key, int min, int max) {
        int line = HEADER.indexOf(key);
        try {
            int value = Integer.parseInt(header.get(key));
            if (value < min || value > max) {
                throw new CttFormatException(
                        headerLine(line), "'" + key + "' must be between " + min + " and " + max + ", found " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CttFormatException(
                    headerLine(line), "'" + key + "' must be a whole number, found '" + header.get(key) + "'");
        }
    }

    /** The file line of the n-th header line (blank lines may come before it). */
    private int headerLine(int n) {
        int seen = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && ++seen == n) {
                return i + 1;
            }
        }
        return 1;
    }

    private int number(String token, String what, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(what + " must be a whole number, found '" + token + "'");
        }
        if (value < min || value > max) {
            throw error(what + " must be between " + min + " and " + max + ", found " + value);
        }
        return value;
    }

    private CttFormatException error(String problem) {
        return new CttFormatException(index, problem);
    }
}
