package org.credo.registration.enrollment;

import java.util.UUID;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.credo.scheduling.SectionCancelled;
import org.credo.scheduling.SectionSaved;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.SectionStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registration's count of each section's seats (ADR 46): the one row every change to a section's enrollment updates
 * or locks first, so that no section ever has more learners than seats, on any number of nodes. Kept from the
 * scheduling events in the same transaction as the section's change, and made on first use for sections that
 * existed before.
 */
@Component
public class Seats {

    /** A section's seats as registration counts them. */
    public record Count(int capacity, int waitlistCapacity, boolean open, int enrolled, int held, int waitlisted) {

        /** Seats a learner may take now (those held for waitlist offers excluded). */
        public int available() {
            return Math.max(0, capacity - enrolled - held);
        }
    }

    private final JdbcClient jdbc;

    Seats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the section's seat row when it has none yet; true when this call made it. */
    boolean ensure(UUID organizationId, SectionRecord section) {
        // ON CONFLICT DO NOTHING, not a caught exception: on PostgreSQL a unique violation would abort the caller's
        // transaction.
        return jdbc.sql("INSERT INTO registration_seat (section_id, organization_id, term_id, capacity,"
                                + " waitlist_capacity, open_for_adds) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(
                                section.sectionId(),
                                organizationId,
                                section.termId(),
                                section.capacity(),
                                section.waitlistCapacity(),
                                section.status() == SectionStatus.OPEN)
                        .update()
                == 1;
    }

    /**
     * Takes a seat in the section, making its seat row first if registration has not seen the section yet: one
     * statement when the row exists, as it does after the first add.
     */
    boolean take(UUID organizationId, SectionRecord section, boolean evenIfClosed) {
        return take(section.sectionId(), evenIfClosed)
                || (ensure(organizationId, section) && take(section.sectionId(), evenIfClosed));
    }

    /** Locks the section's row until the transaction ends and returns its counts. */
    Count lock(UUID sectionId) {
        return jdbc.sql("SELECT capacity, waitlist_capacity, open_for_adds, enrolled, held, waitlisted"
                        + " FROM registration_seat WHERE section_id = ? FOR UPDATE")
                .param(sectionId)
                .query((rs, n) -> new Count(
                        rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .single();
    }

    /** The section's counts, when registration has seen the section. */
    public java.util.Optional<Count> count(UUID sectionId) {
        return jdbc.sql("SELECT capacity, waitlist_capacity, open_for_adds, enrolled, held, waitlisted"
                        + " FROM registration_seat WHERE section_id = ?")
                .param(sectionId)
                .query((rs, n) -> new Count(
                        rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .optional();
    }

    /**
     * Takes an open seat; false when none is left, or when the section is not open for adds (unless a permission
     * lets a learner into a closed section).
     */
    boolean take(UUID sectionId, boolean evenIfClosed) {
        return jdbc.sql("UPDATE registration_seat SET enrolled = enrolled + 1 WHERE section_id = ?"
                                + (evenIfClosed ? "" : " AND open_for_adds") + " AND enrolled + held < capacity")
                        .param(sectionId)
                        .update()
                == 1;
    }

    /** Turns a seat held for a waitlist offer into an enrolled one. */
    boolean takeHeld(UUID sectionId) {
        return jdbc.sql("UPDATE registration_seat SET enrolled = enrolled + 1, held = held - 1 WHERE section_id = ?"
                                + " AND held > 0")
                        .param(sectionId)
                        .update()
                == 1;
    }

    /** Gives back an enrolled learner's seat. */
    void free(UUID sectionId) {
        jdbc.sql("UPDATE registration_seat SET enrolled = enrolled - 1 WHERE section_id = ? AND enrolled > 0")
                .param(sectionId)
                .update();
    }

    /** Holds a seat for a waitlist offer, taking the learner off the count of those waiting. */
    void holdForOffer(UUID sectionId) {
        jdbc.sql("UPDATE registration_seat SET held = held + 1, waitlisted = waitlisted - 1 WHERE section_id = ?")
                .param(sectionId)
                .update();
    }

    /** Gives back a seat held for an offer that lapsed or was declined. */
    void releaseHeld(UUID sectionId) {
        jdbc.sql("UPDATE registration_seat SET held = held - 1 WHERE section_id = ? AND held > 0")
                .param(sectionId)
                .update();
    }

    void joinedWaitlist(UUID sectionId) {
        jdbc.sql("UPDATE registration_seat SET waitlisted = waitlisted + 1 WHERE section_id = ?")
                .param(sectionId)
                .update();
    }

    void leftWaitlist(UUID sectionId) {
        jdbc.sql("UPDATE registration_seat SET waitlisted = waitlisted - 1 WHERE section_id = ? AND waitlisted > 0")
                .param(sectionId)
                .update();
    }

    @EventListener
    @org.springframework.core.annotation.Order(0)
    void on(SectionSaved saved) {
        int changed = jdbc.sql("UPDATE registration_seat SET capacity = ?, waitlist_capacity = ?, open_for_adds = ?"
                        + " WHERE section_id = ?")
                .params(
                        saved.capacity(),
                        saved.waitlistCapacity(),
                        saved.status() == SectionStatus.OPEN,
                        saved.sectionId())
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO registration_seat (section_id, organization_id, term_id, capacity,"
                            + " waitlist_capacity, open_for_adds) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            saved.sectionId(),
                            saved.stamp().organizationId(),
                            saved.termId(),
                            saved.capacity(),
                            saved.waitlistCapacity(),
                            saved.status() == SectionStatus.OPEN)
                    .update();
        }
    }

    @EventListener
    void on(SectionStatusChanged changed) {
        jdbc.sql("UPDATE registration_seat SET open_for_adds = ? WHERE section_id = ?")
                .params(changed.to() == SectionStatus.OPEN, changed.sectionId())
                .update();
    }

    @EventListener
    void on(SectionCancelled cancelled) {
        jdbc.sql("UPDATE registration_seat SET open_for_adds = false WHERE section_id = ?")
                .param(cancelled.sectionId())
                .update();
    }
}
