package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An achievement is no longer issued; credentials already issued stay valid. */
public record AchievementRetired(ChangeStamp stamp, UUID lineageId, String name) implements Audited {

    @Override
    public String action() {
        return "achievement.retired";
    }

    @Override
    public String subjectType() {
        return "Achievement";
    }

    @Override
    public String subjectId() {
        return lineageId.toString();
    }

    @Override
    public String summary() {
        return "Retired " + name;
    }

    @Override
    public String subjectName() {
        return name;
    }
}
