package org.credo.scheduling.timetabling.term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a term's instance maps back: the slot grid, each instance room's room, each section with the instance course
 * it was placed as (sections cross-listed together share one), the fingerprint it had when the run started and
 * whether it was pinned, and the sections left out with the reason. Stored with the run as lines of text.
 */
record TermMap(SlotGrid grid, Map<String, UUID> rooms, List<Entry> sections, List<LeftOut> leftOut) {

    /** A section placed as the instance course {@code course}. */
    record Entry(String course, UUID sectionId, String fingerprint, boolean pinned) {}

    /** A section the solver did not see, and why. */
    record LeftOut(UUID sectionId, String reason) {}

    TermMap {
        rooms = Map.copyOf(rooms);
        sections = List.copyOf(sections);
        leftOut = List.copyOf(leftOut);
    }

    String text() {
        var out = new StringBuilder("grid ").append(grid.text()).append('\n');
        rooms.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(r -> out.append("room ")
                        .append(r.getKey())
                        .append(' ')
                        .append(r.getValue())
                        .append('\n'));
        sections.forEach(s -> out.append("section ")
                .append(s.course())
                .append(' ')
                .append(s.sectionId())
                .append(' ')
                .append(s.fingerprint())
                .append(' ')
                .append(s.pinned())
                .append('\n'));
        leftOut.forEach(l -> out.append("left ")
                .append(l.sectionId())
                .append(' ')
                .append(l.reason())
                .append('\n'));
        return out.toString();
    }

    static TermMap parse(String text) {
        SlotGrid grid = SlotGrid.DEFAULT;
        var rooms = new LinkedHashMap<String, UUID>();
        var sections = new ArrayList<Entry>();
        var leftOut = new ArrayList<LeftOut>();
        for (var line : text.split("\n")) {
            var t = line.split(" ", 2);
            if (t.length < 2) {
                continue;
            }
            var rest = t[1].split(" ");
            switch (t[0]) {
                case "grid" -> grid = SlotGrid.parse(t[1]);
                case "room" -> rooms.put(rest[0], UUID.fromString(rest[1]));
                case "section" ->
                    sections.add(new Entry(rest[0], UUID.fromString(rest[1]), rest[2], Boolean.parseBoolean(rest[3])));
                case "left" -> {
                    var l = t[1].split(" ", 2);
                    leftOut.add(new LeftOut(UUID.fromString(l[0]), l.length > 1 ? l[1] : ""));
                }
                default -> {
                    // an unknown line is ignored, so that a later version may add lines
                }
            }
        }
        return new TermMap(grid, rooms, sections, leftOut);
    }
}
