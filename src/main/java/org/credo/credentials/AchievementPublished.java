package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A version of an achievement can now be issued. */
public record AchievementPublished(ChangeStamp stamp, UUID achievementId, String name, int version) implements Audited {

    @Override
    public String action() {
        return "achievement.published";
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
        return "Published " + name + " version " + version;
    }

    @Override
    public String subjectName() {
        return name;
    }
}
