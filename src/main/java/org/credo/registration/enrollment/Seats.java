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

    /**
     * A section's seats as registration counts them: {@code reserved} seats are kept for programs or cohorts, of
     * which {@code reservedTaken} are taken by those they are kept for.
     */
    public record Count(
            int capacity,
            int waitlistCapacity,
            boolean open,
            int enrolled,
            int held,
            int waitlisted,
            int reserved,
            int reservedTaken,
            boolean autoEnroll,
            boolean majorsFirst) {

        /** Seats anyone may take now: not held for a waitlist offer and not kept for a reservation. */
        public int available() {
            int unreserved = capacity - reserved - (enrolled - reservedTaken) - held;
            return Math.max(0, Math.min(unreserved, capacity - enrolled - held));
        }

        /** Reserved seats still free for those they are kept for. */
        public int reservedFree() {
            return Math.max(0, Math.min(reserved - reservedTaken, capacity - enrolled - held - available()));
        }
    }

    private static final String COLUMNS = "capacity, waitlist_capacity, open_for_adds, enrolled, held, waitlisted,"
            + " reserved, reserved_taken, auto_enroll, majors_first";

    private final JdbcClient jdbc;
    private final org.credo.scheduling.Scheduling scheduling;

    Seats(JdbcClient jdbc, org.credo.scheduling.Scheduling scheduling) {
        this.jdbc = jdbc;
        this.scheduling = scheduling;
    }

    /** Makes the section's seat row when it has none yet; true when this call made it. */
    boolean ensure(UUID organizationId, SectionRecord section) {
        // ON CONFLICT DO NOTHING, not a caught exception: on PostgreSQL a unique violation would abort the caller's
        // transaction.
        boolean made = jdbc.sql("INSERT INTO registration_seat (section_id, organization_id, term_id, capacity,"
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
        if (made) {
            syncReservations(organizationId, section.sectionId());
        }
        return made;
    }

    /**
     * Takes a seat for a learner of the program: one kept for it while any is free, else an unreserved one. Answers
     * the reservation the seat counts against ({@code ""} for an unreserved seat), or empty when none is left.
     */
    java.util.Optional<String> take(
            UUID organizationId,
            SectionRecord section,
            boolean evenIfClosed,
            @org.jspecify.annotations.Nullable String programCode) {
        if (programCode != null && takeReserved(section.sectionId(), programCode, evenIfClosed)) {
            return java.util.Optional.of(programCode);
        }
        return take(organizationId, section, evenIfClosed) ? java.util.Optional.of("") : java.util.Optional.empty();
    }

    /**
     * Takes one of the seats kept for the reservation, locking the seat row first as every change does; false when
     * the section reserves none for it or they are all taken (then nothing changed).
     */
    private boolean takeReserved(UUID sectionId, String reference, boolean evenIfClosed) {
        int seated = jdbc.sql(
                        "UPDATE registration_seat SET enrolled = enrolled + 1, reserved_taken = reserved_taken + 1"
                                + " WHERE section_id = ?" + (evenIfClosed ? "" : " AND open_for_adds")
                                + " AND reserved_taken < reserved AND enrolled + held < capacity")
                .param(sectionId)
                .update();
        if (seated == 0) {
            return false;
        }
        int counted = jdbc.sql("UPDATE registration_reservation SET taken = taken + 1 WHERE section_id = ?"
                        + " AND reference = ? AND taken < seats")
                .params(sectionId, reference)
                .update();
        if (counted == 0) {
            jdbc.sql("UPDATE registration_seat SET enrolled = enrolled - 1, reserved_taken = reserved_taken - 1"
                            + " WHERE section_id = ?")
                    .param(sectionId)
                    .update();
            return false;
        }
        return true;
    }

    /**
     * Keeps registration's copy of the section's reservations equal to scheduling's: seats per reference, and their
     * sum on the seat row. Seats already taken stay taken when a reservation shrinks or goes.
     */
    void syncReservations(UUID organizationId, UUID sectionId) {
        var seatsOf = new java.util.TreeMap<String, Integer>();
        scheduling
                .reservations(organizationId, sectionId)
                .forEach(r -> seatsOf.merge(r.reference(), r.seats(), Integer::sum));
        jdbc.sql("UPDATE registration_reservation SET seats = 0 WHERE section_id = ?")
                .param(sectionId)
                .update();
        seatsOf.forEach((reference, count) -> {
            int changed = jdbc.sql(
                            "UPDATE registration_reservation SET seats = ? WHERE section_id = ? AND reference = ?")
                    .params(count, sectionId, reference)
                    .update();
            if (changed == 0) {
                jdbc.sql("INSERT INTO registration_reservation (section_id, reference, seats) VALUES (?, ?, ?)")
                        .params(sectionId, reference, count)
                        .update();
            }
        });
        jdbc.sql("DELETE FROM registration_reservation WHERE section_id = ? AND seats = 0 AND taken = 0")
                .param(sectionId)
                .update();
        jdbc.sql("UPDATE registration_seat SET reserved = ? WHERE section_id = ?")
                .params(seatsOf.values().stream().mapToInt(Integer::intValue).sum(), sectionId)
                .update();
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_seat WHERE section_id = ? FOR UPDATE")
                .param(sectionId)
                .query(Seats::count)
                .single();
    }

    /** The section's counts, when registration has seen the section. */
    public java.util.Optional<Count> count(UUID sectionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_seat WHERE section_id = ?")
                .param(sectionId)
                .query(Seats::count)
                .optional();
    }

    private static Count count(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Count(
                rs.getInt(1),
                rs.getInt(2),
                rs.getBoolean(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getBoolean(9),
                rs.getBoolean(10));
    }

    /** Sets how the section's waitlist moves: enrolling the next learner at once, and majors first. */
    void settings(UUID sectionId, boolean autoEnroll, boolean majorsFirst) {
        jdbc.sql("UPDATE registration_seat SET auto_enroll = ?, majors_first = ? WHERE section_id = ?")
                .params(autoEnroll, majorsFirst, sectionId)
                .update();
    }

    /**
     * Takes an open seat; false when none is left, or when the section is not open for adds (unless a permission
     * lets a learner into a closed section).
     */
    boolean take(UUID sectionId, boolean evenIfClosed) {
        return jdbc.sql("UPDATE registration_seat SET enrolled = enrolled + 1 WHERE section_id = ?"
                                + (evenIfClosed ? "" : " AND open_for_adds") + " AND enrolled + held < capacity"
                                + " AND enrolled - reserved_taken + held < capacity - reserved")
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

    /** Gives back an enrolled learner's seat, to the reservation it counted against if any. */
    void free(UUID sectionId, @org.jspecify.annotations.Nullable String reservedFor) {
        if (reservedFor == null || reservedFor.isEmpty()) {
            jdbc.sql("UPDATE registration_seat SET enrolled = enrolled - 1 WHERE section_id = ? AND enrolled > 0")
                    .param(sectionId)
                    .update();
            return;
        }
        jdbc.sql("UPDATE registration_seat SET enrolled = enrolled - 1, reserved_taken = reserved_taken - 1"
                        + " WHERE section_id = ? AND enrolled > 0 AND reserved_taken > 0")
                .param(sectionId)
                .update();
        jdbc.sql("UPDATE registration_reservation SET taken = taken - 1 WHERE section_id = ? AND reference = ?"
                        + " AND taken > 0")
                .params(sectionId, reservedFor)
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
        syncReservations(saved.stamp().organizationId(), saved.sectionId());
    }

    @EventListener
    void on(org.credo.scheduling.SectionMeetingsChanged changed) {
        syncReservations(changed.stamp().organizationId(), changed.sectionId());
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
