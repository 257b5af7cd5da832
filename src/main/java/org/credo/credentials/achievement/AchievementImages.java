package org.credo.credentials.achievement;

import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.AchievementImageChanged;
import org.credo.credentials.badges.BadgeImages;
import org.credo.platform.Brandings;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ImagePurpose;
import org.credo.platform.Images;
import org.credo.platform.ProblemException;
import org.credo.platform.StoredImage;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The picture of each achievement (ADR 26): an upload, or a design generated in the organization's colours. It belongs
 * to the achievement, not to one version of it, so changing it makes no new version; a credential names the picture
 * by its immutable URL, so credentials issued before a change keep showing the picture they were issued with.
 */
@Service
public class AchievementImages {

    /** The picture an achievement shows, and whether Credo drew it. */
    public record Current(StoredImage image, boolean generated, String url) {}

    private final JdbcClient jdbc;
    private final Achievements achievements;
    private final Images images;
    private final Brandings brandings;
    private final BadgeImages badges;
    private final CredoProperties properties;
    private final ApplicationEventPublisher events;

    AchievementImages(
            JdbcClient jdbc,
            Achievements achievements,
            Images images,
            Brandings brandings,
            BadgeImages badges,
            CredoProperties properties,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.achievements = achievements;
        this.images = images;
        this.brandings = brandings;
        this.badges = badges;
        this.properties = properties;
        this.events = events;
    }

    /** The id of the picture of an achievement's lineage, if it has one. */
    public Optional<UUID> imageId(UUID organizationId, UUID lineageId) {
        return jdbc.sql("SELECT image_id FROM achievement_image WHERE organization_id = ? AND lineage_id = ?")
                .params(organizationId, lineageId)
                .query(UUID.class)
                .optional();
    }

    /** The public URL of a picture. */
    public String url(UUID imageId) {
        return properties.link(StoredImage.path(imageId));
    }

    /** The picture of an achievement (any version of it), with its public URL. */
    public Optional<Current> current(UUID organizationId, UUID achievementId) {
        var achievement = achievements.find(organizationId, achievementId);
        if (achievement.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "SELECT image_id, generated FROM achievement_image WHERE organization_id = ? AND lineage_id = ?")
                .params(organizationId, achievement.get().lineageId())
                .query((rs, row) -> new Object[] {rs.getObject("image_id", UUID.class), rs.getBoolean("generated")})
                .optional()
                .flatMap(row ->
                        images.find((UUID) row[0]).map(image -> new Current(image, (Boolean) row[1], url(image.id()))));
    }

    /**
     * Checks and stores an uploaded PNG or SVG as the achievement's picture.
     *
     * @throws ProblemException naming the field {@code image} when the file is refused
     */
    @Transactional
    public Current upload(UUID organizationId, UUID achievementId, byte[] file) {
        var achievement = find(organizationId, achievementId);
        var image = images.upload(organizationId, ImagePurpose.ACHIEVEMENT, "image", file);
        return save(achievement, image, false, "uploaded");
    }

    /** Draws a design in the organization's colours with the achievement's initials and name, and uses it. */
    @Transactional
    public Current generate(UUID organizationId, UUID achievementId) {
        var achievement = find(organizationId, achievementId);
        var branding = brandings.of(organizationId);
        var colours = new BadgeImages.Colours(branding.primaryColour(), branding.accentColour());
        var name = achievement.content().name();
        var image = images.storeDrawn(
                organizationId,
                ImagePurpose.ACHIEVEMENT,
                badges.designSvg(name, branding.organizationName(), colours),
                badges.designPng(name, branding.organizationName(), colours));
        return save(achievement, image, true, "generated");
    }

    /** Removes the achievement's picture; new credentials carry none, and badges are drawn from the names. */
    @Transactional
    public void remove(UUID organizationId, UUID achievementId) {
        var achievement = find(organizationId, achievementId);
        int removed = jdbc.sql("DELETE FROM achievement_image WHERE organization_id = ? AND lineage_id = ?")
                .params(organizationId, achievement.lineageId())
                .update();
        if (removed > 0) {
            events.publishEvent(new AchievementImageChanged(
                    ChangeStamp.now(organizationId),
                    achievementId,
                    achievement.content().name(),
                    "removed",
                    null));
        }
    }

    private Achievement find(UUID organizationId, UUID achievementId) {
        return achievements
                .find(organizationId, achievementId)
                .orElseThrow(() -> ProblemException.notFound("That achievement"));
    }

    private Current save(Achievement achievement, StoredImage image, boolean generated, String change) {
        var now = Timestamps.sql(Timestamps.now());
        int updated = jdbc.sql("""
                        UPDATE achievement_image SET image_id = ?, generated = ?, changed_at = ?
                        WHERE organization_id = ? AND lineage_id = ?""")
                .params(image.id(), generated, now, achievement.organizationId(), achievement.lineageId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO achievement_image (lineage_id, organization_id, image_id, generated, changed_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(achievement.lineageId(), achievement.organizationId(), image.id(), generated, now)
                    .update();
        }
        events.publishEvent(new AchievementImageChanged(
                ChangeStamp.now(achievement.organizationId()),
                achievement.id(),
                achievement.content().name(),
                change,
                image.id()));
        return new Current(image, generated, url(image.id()));
    }
}
