package org.credo.credentials;

import java.util.Optional;
import java.util.UUID;

/** What other modules may read of the achievements a program awards: the published version of a lineage. */
public interface AwardedAchievements {

    /** The newest published (not draft, not retired) version of an achievement lineage. */
    Optional<AwardedAchievement> published(UUID organizationId, UUID lineageId);

    /** The path of the achievement's public picture ({@code /images/{id}}), when it has one. */
    default Optional<String> imagePath(UUID organizationId, UUID lineageId) {
        return Optional.empty();
    }

    /**
     * A published achievement.
     *
     * @param id the id of the version, which its public description URL {@code /achievements/{id}} names
     * @param achievementType the Open Badges {@code achievementType}, such as {@code Certificate}
     */
    record AwardedAchievement(UUID id, UUID lineageId, String name, String description, String achievementType) {}
}
