package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/**
 * An achievement's picture changed: {@code change} is {@code uploaded}, {@code generated} or {@code removed}; credentials
 * issued from now on carry the new picture, those issued before keep theirs.
 */
public record AchievementImageChanged(
        ChangeStamp stamp,
        UUID achievementId,
        String name,
        String change,
        @Nullable UUID imageId) implements Audited {

    @Override
    public String action() {
        return "achievement.image-changed";
    }

    @Override
    public String subjectType() {
        return "Achievement";
    }

    @Override
    public String subjectId() {
        return achievementId.toString();
    }

    @Override
    public String summary() {
        return switch (change) {
            case "uploaded" -> "Uploaded a picture for " + name;
            case "generated" -> "Chose a generated design for " + name;
            default -> "Removed the picture of " + name;
        };
    }
}
