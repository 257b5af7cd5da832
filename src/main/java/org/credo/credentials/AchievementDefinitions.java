package org.credo.credentials;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credentials facade for the catalog: which achievements a program may award, and publishing an
 * achievement that an approved curriculum proposal defines.
 */
@Service
public class AchievementDefinitions {

    /** The published version of an achievement lineage, in the terms a curriculum proposal uses. */
    public record Definition(
            UUID lineageId,
            UUID achievementId,
            int version,
            String name,
            String description,
            String criteriaNarrative,
            String achievementType,
            @Nullable BigDecimal creditsAvailable,
            @Nullable String fieldOfStudy) {}

    /** The fields a curriculum proposal sets on an achievement. */
    public record DefinitionContent(
            String name,
            String description,
            String criteriaNarrative,
            String achievementType,
            @Nullable BigDecimal creditsAvailable,
            @Nullable String fieldOfStudy) {}

    private final Achievements achievements;

    AchievementDefinitions(Achievements achievements) {
        this.achievements = achievements;
    }

    /** The Open Badges achievement types a definition may use. */
    public static List<String> types() {
        return java.util.Arrays.stream(AchievementType.values()).map(Enum::name).toList();
    }

    /** Every published achievement of the organization, by name. */
    public List<Definition> published(UUID organizationId) {
        return achievements.issuable(organizationId).stream()
                .map(AchievementDefinitions::definition)
                .toList();
    }

    /** The published version of one lineage, if it has one. */
    public Optional<Definition> published(UUID organizationId, UUID lineageId) {
        return achievements.issuable(organizationId).stream()
                .filter(a -> a.lineageId().equals(lineageId))
                .findFirst()
                .map(AchievementDefinitions::definition);
    }

    /**
     * Publishes a definition: a new achievement when {@code lineageId} is null, otherwise a new
     * version of that lineage (its tags, alignments and result descriptions carried over).
     */
    @Transactional
    public Definition publish(UUID organizationId, @Nullable UUID lineageId, DefinitionContent content) {
        var type = AchievementType.valueOf(content.achievementType());
        if (lineageId == null) {
            var draft = achievements.draft(
                    organizationId,
                    new AchievementDraft(
                            content.name(),
                            content.description(),
                            content.criteriaNarrative(),
                            null,
                            type,
                            content.creditsAvailable(),
                            content.fieldOfStudy(),
                            null,
                            null,
                            null));
            return definition(achievements.publish(organizationId, draft.id()));
        }
        var latest = achievements.all(organizationId).stream()
                .filter(a -> a.lineageId().equals(lineageId))
                .max(Comparator.comparingInt(Achievement::version))
                .orElseThrow(() -> ProblemException.notFound("That achievement"));
        var old = latest.content();
        var revised = achievements.revise(
                organizationId,
                latest.id(),
                new AchievementDraft(
                        content.name(),
                        content.description(),
                        content.criteriaNarrative(),
                        old.imageUrl(),
                        type,
                        content.creditsAvailable(),
                        content.fieldOfStudy(),
                        old.tags(),
                        old.alignments(),
                        old.resultDescriptions()));
        return definition(achievements.publish(organizationId, revised.id()));
    }

    /** Retires a lineage: it is no longer issued. */
    @Transactional
    public void retire(UUID organizationId, UUID lineageId) {
        achievements.retire(organizationId, lineageId);
    }

    private static Definition definition(Achievement a) {
        var c = a.content();
        return new Definition(
                a.lineageId(),
                a.id(),
                a.version(),
                c.name(),
                c.description(),
                c.criteriaNarrative(),
                c.achievementType().name(),
                c.creditsAvailable(),
                c.fieldOfStudy());
    }
}
