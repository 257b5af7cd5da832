package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A new draft version of an achievement was saved. */
public record AchievementDrafted(ChangeStamp stamp, UUID achievementId, String name, int version) implements Audited {

    @Override
    public String action() {
        return "achievement.drafted";
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
        return "Saved draft " + name + " version " + version;
    }

    @Override
    public String subjectName() {
        return name;
    }
}
