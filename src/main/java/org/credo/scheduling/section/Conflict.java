package org.credo.scheduling.section;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A scheduling problem in a term, about a section (and, for a double booking, the other section): what is wrong and
 * what it concerns.
 */
public record Conflict(
        Kind kind,
        UUID sectionId,
        String sectionLabel,
        @Nullable UUID meetingId,
        @Nullable UUID otherSectionId,
        @Nullable String otherLabel,
        String message) {

    /** The kinds of conflicts the registrar is shown. */
    public enum Kind {
        ROOM_DOUBLE_BOOKED("Room double-booked"),
        INSTRUCTOR_DOUBLE_BOOKED("Instructor double-booked"),
        LINKED_SECTIONS_OVERLAP("Linked sections overlap"),
        ROOM_TOO_SMALL("Room too small"),
        INSTRUCTOR_OVER_LOAD("Instructor over load"),
        INSTRUCTOR_UNAVAILABLE("Instructor unavailable"),
        OUTSIDE_PART_OF_TERM("Outside the part of term"),
        HOLIDAYS_ONLY("Meets only on holidays");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name people read on screen. */
        public String label() {
            return label;
        }
    }

    /** Whether the conflict concerns the section, as itself or as the other side of a double booking. */
    public boolean concerns(UUID section) {
        return sectionId.equals(section) || section.equals(otherSectionId);
    }
}
