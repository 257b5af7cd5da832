package org.credo.admissions.application;

import java.util.UUID;
import org.credo.learners.LearnerMergeUndone;
import org.credo.learners.LearnersMerged;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applications name the person record of their applicant: when two records are merged, the applications of the retired
 * one move to the survivor, each with a line in its history naming the merge; undoing the merge moves exactly those
 * applications back.
 */
@Component
class ApplicationsFollowMerges {

    static final String MOVED = "PERSON_MERGED";

    private final JdbcClient jdbc;

    ApplicationsFollowMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(LearnersMerged merged) {
        var org = merged.stamp().organizationId();
        var moved = jdbc.sql("SELECT id FROM application WHERE organization_id = ? AND learner_id = ?")
                .params(org, merged.mergedId())
                .query(UUID.class)
                .list();
        for (var applicationId : moved) {
            jdbc.sql("UPDATE application SET learner_id = ? WHERE id = ? AND organization_id = ?")
                    .params(merged.survivorId(), applicationId, org)
                    .update();
            event(
                    org,
                    applicationId,
                    MOVED,
                    merged.mergeId(),
                    merged.mergedNumber(),
                    merged.survivorNumber(),
                    merged.stamp());
        }
    }

    @ApplicationModuleListener
    void on(LearnerMergeUndone undone) {
        var org = undone.stamp().organizationId();
        var moved = jdbc.sql("SELECT DISTINCT application_id FROM application_event WHERE organization_id = ?"
                        + " AND kind = ? AND detail LIKE ?")
                .params(org, MOVED, "%(merge " + undone.mergeId() + ")")
                .query(UUID.class)
                .list();
        for (var applicationId : moved) {
            jdbc.sql("UPDATE application SET learner_id = ? WHERE id = ? AND organization_id = ? AND learner_id = ?")
                    .params(undone.mergedId(), applicationId, org, undone.survivorId())
                    .update();
            event(
                    org,
                    applicationId,
                    "PERSON_UNMERGED",
                    undone.mergeId(),
                    undone.survivorNumber(),
                    undone.mergedNumber(),
                    undone.stamp());
        }
    }

    private void event(
            UUID org, UUID applicationId, String kind, UUID mergeId, String from, String to, ChangeStamp stamp) {
        jdbc.sql("INSERT INTO application_event (id, application_id, organization_id, kind, detail, actor_id,"
                        + " actor_name, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        applicationId,
                        org,
                        kind,
                        "Person record " + from + " now " + to + " (merge " + mergeId + ")",
                        stamp.actorId(),
                        stamp.actorName(),
                        Timestamps.sql(Timestamps.now()))
                .update();
    }
}
