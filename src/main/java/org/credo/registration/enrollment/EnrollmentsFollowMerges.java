package org.credo.registration.enrollment;

import java.util.UUID;
import org.credo.learners.LearnerMergeUndone;
import org.credo.learners.LearnersMerged;
import org.credo.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Enrollments, waitlist places and permissions name a learner record: when two records of one person are merged,
 * those of the retired record move to the survivor, and undoing the merge moves exactly those back. Where both
 * records are in one section, the survivor's row stays; if both were enrolled, the retired record's seat is given
 * back (one person takes one seat) and its enrollment marked dropped, kept on the retired record.
 */
@Component
class EnrollmentsFollowMerges {

    private final JdbcClient jdbc;
    private final Seats seats;

    EnrollmentsFollowMerges(JdbcClient jdbc, Seats seats) {
        this.jdbc = jdbc;
        this.seats = seats;
    }

    @ApplicationModuleListener
    void on(LearnersMerged merged) {
        var org = merged.stamp().organizationId();
        var survivor = merged.survivorId();
        var retired = merged.mergedId();
        var rows = jdbc.sql("SELECT id, section_id, status, reserved_for FROM enrollment WHERE organization_id = ?"
                        + " AND learner_id = ?")
                .params(org, retired)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)
                })
                .list();
        for (var row : rows) {
            var id = (UUID) row[0];
            var sectionId = (UUID) row[1];
            var theirs = jdbc.sql("SELECT status FROM enrollment WHERE section_id = ? AND learner_id = ?")
                    .params(sectionId, survivor)
                    .query(String.class)
                    .optional();
            if (theirs.isEmpty()) {
                jdbc.sql("UPDATE enrollment SET learner_id = ? WHERE id = ?")
                        .params(survivor, id)
                        .update();
                moved(merged.mergeId(), "ENROLLMENT", id);
            } else if ("ENROLLED".equals(row[2]) && "ENROLLED".equals(theirs.get())) {
                seats.lock(sectionId);
                int dropped = jdbc.sql("UPDATE enrollment SET status = 'DROPPED', changed_at = ?,"
                                + " changed_by_name = 'Merge of learner records' WHERE id = ? AND status = 'ENROLLED'")
                        .params(Timestamps.sql(Timestamps.now()), id)
                        .update();
                if (dropped == 1) {
                    seats.free(sectionId, (String) row[3]);
                }
            }
        }
        move(merged, "WAITLIST", "waitlist_entry");
        move(merged, "PERMISSION", "registration_permission");
    }

    /** Moves the retired record's rows of a table with a unique (section, learner) to the survivor where free. */
    private void move(LearnersMerged merged, String kind, String table) {
        var ids = jdbc.sql("SELECT t.id FROM " + table + " t WHERE t.organization_id = ? AND t.learner_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM " + table + " s WHERE s.section_id = t.section_id"
                        + " AND s.learner_id = ?)")
                .params(merged.stamp().organizationId(), merged.mergedId(), merged.survivorId())
                .query(UUID.class)
                .list();
        for (var id : ids) {
            jdbc.sql("UPDATE " + table + " SET learner_id = ? WHERE id = ?")
                    .params(merged.survivorId(), id)
                    .update();
            moved(merged.mergeId(), kind, id);
        }
    }

    private void moved(UUID mergeId, String kind, UUID rowId) {
        jdbc.sql("INSERT INTO registration_merge_move (merge_id, kind, row_id) VALUES (?, ?, ?)")
                .params(mergeId, kind, rowId)
                .update();
    }

    @ApplicationModuleListener
    void on(LearnerMergeUndone undone) {
        for (var table : new String[][] {
            {"ENROLLMENT", "enrollment"}, {"WAITLIST", "waitlist_entry"}, {"PERMISSION", "registration_permission"}
        }) {
            jdbc.sql("UPDATE " + table[1] + " SET learner_id = ? WHERE learner_id = ? AND id IN (SELECT row_id FROM"
                            + " registration_merge_move WHERE merge_id = ? AND kind = ?)")
                    .params(undone.mergedId(), undone.survivorId(), undone.mergeId(), table[0])
                    .update();
        }
        jdbc.sql("DELETE FROM registration_merge_move WHERE merge_id = ?")
                .param(undone.mergeId())
                .update();
    }
}
