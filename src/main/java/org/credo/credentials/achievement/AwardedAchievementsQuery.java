package org.credo.credentials.achievement;

import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.AwardedAchievements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads published achievements for other modules. */
@Component
class AwardedAchievementsQuery implements AwardedAchievements {

    private final JdbcClient jdbc;

    AwardedAchievementsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AwardedAchievement> published(UUID organizationId, UUID lineageId) {
        return jdbc.sql("SELECT id, lineage_id, name, description, achievement_type FROM achievement"
                        + " WHERE organization_id = ? AND lineage_id = ? AND status = 'PUBLISHED'"
                        + " ORDER BY version DESC LIMIT 1")
                .params(organizationId, lineageId)
                .query((rs, n) -> new AwardedAchievement(
                        rs.getObject("id", UUID.class),
                        rs.getObject("lineage_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("achievement_type")))
                .optional();
    }

    @Override
    public Optional<String> imagePath(UUID organizationId, UUID lineageId) {
        return jdbc.sql("SELECT image_id FROM achievement_image WHERE organization_id = ? AND lineage_id = ?")
                .params(organizationId, lineageId)
                .query(UUID.class)
                .optional()
                .map(org.credo.platform.StoredImage::path);
    }
}
