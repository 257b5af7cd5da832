package org.credo.scheduling.timetabling.term;

import java.util.List;
import java.util.UUID;

/**
 * What a term run would change on one section: its meetings now and as the solver placed them, and whether they can
 * be accepted.
 *
 * @param current the section's meetings now, as people read them ('Mon Wed 09:30–10:45 in SCI 101')
 * @param proposed the meetings the solver proposes, in the same words; empty when the section was left out
 * @param note why a section is left out, pinned or changed since the run started; empty otherwise
 */
public record SectionChange(
        UUID sectionId, String label, State state, List<String> current, List<String> proposed, String note) {

    public SectionChange {
        current = List.copyOf(current);
        proposed = List.copyOf(proposed);
    }

    /** Where a section stands against the run's timetable. */
    public enum State {
        /** The solver moves its meetings; accepting writes them. */
        CHANGES("Would change", "text-bg-primary"),
        /** Its meetings already are the solver's (accepted, or the solver kept them). */
        UNCHANGED("No change", "text-bg-light"),
        /** Pinned: the solver kept its meetings. */
        PINNED("Pinned", "text-bg-secondary"),
        /** Edited, cancelled or deleted since the run started: accepting it is refused. */
        CHANGED_SINCE("Changed since the run", "text-bg-warning"),
        /** The solver did not see it (online, or pinned meetings it cannot keep). */
        LEFT_OUT("Left out", "text-bg-light");

        private final String label;
        private final String badge;

        State(String label, String badge) {
            this.label = label;
            this.badge = badge;
        }

        public String label() {
            return label;
        }

        /** The Bootstrap badge class of the state. */
        public String badge() {
            return badge;
        }
    }

    /** Whether accepting this section would write its meetings. */
    public boolean acceptable() {
        return state == State.CHANGES;
    }
}
