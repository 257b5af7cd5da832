package org.credo.catalog.publiccatalog;

import java.util.UUID;
import org.credo.catalog.ProgramIntakeRemoved;
import org.credo.catalog.ProgramIntakeScheduled;
import org.credo.credentials.AchievementPublished;
import org.credo.credentials.AchievementRetired;
import org.credo.platform.Timestamps;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The generation of each organization's public catalog ({@code catalog_stamp}): one primary-key read tells whether a
 * kept read model or a reader's cached page is still current, on every node (ADR 29). The search index raises it in
 * the transaction that changes the entries; changes of what else the pages show (intakes, awarded achievements)
 * raise it in the transaction that makes them, through their events.
 */
@Component
class CatalogStamps {

    private final JdbcClient jdbc;

    CatalogStamps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's catalog generation; 0 before its first change. */
    long current(UUID organizationId) {
        return jdbc.sql("SELECT generation FROM catalog_stamp WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Raises the organization's generation. */
    void raise(UUID organizationId) {
        for (int attempt = 0; ; attempt++) {
            var raised = jdbc.sql(
                            "UPDATE catalog_stamp SET generation = generation + 1, changed_at = ? WHERE organization_id = ?")
                    .params(Timestamps.sql(Timestamps.now()), organizationId)
                    .update();
            if (raised > 0) {
                return;
            }
            try {
                jdbc.sql("INSERT INTO catalog_stamp (organization_id, generation, changed_at) VALUES (?, 1, ?)")
                        .params(organizationId, Timestamps.sql(Timestamps.now()))
                        .update();
                return;
            } catch (DuplicateKeyException e) {
                // Another transaction inserted it first: raise that row instead.
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** Raises every organization's generation (after the whole index was rebuilt). */
    void raiseAll() {
        jdbc.sql("UPDATE catalog_stamp SET generation = generation + 1, changed_at = ?")
                .param(Timestamps.sql(Timestamps.now()))
                .update();
        jdbc.sql(
                        "INSERT INTO catalog_stamp (organization_id, generation, changed_at) SELECT o.id, 1, ? FROM organization o"
                                + " WHERE NOT EXISTS (SELECT 1 FROM catalog_stamp s WHERE s.organization_id = o.id)")
                .param(Timestamps.sql(Timestamps.now()))
                .update();
    }

    @EventListener
    void on(ProgramIntakeScheduled event) {
        raise(event.stamp().organizationId());
    }

    @EventListener
    void on(ProgramIntakeRemoved event) {
        raise(event.stamp().organizationId());
    }

    @EventListener
    void on(AchievementPublished event) {
        raise(event.stamp().organizationId());
    }

    @EventListener
    void on(AchievementRetired event) {
        raise(event.stamp().organizationId());
    }
}
