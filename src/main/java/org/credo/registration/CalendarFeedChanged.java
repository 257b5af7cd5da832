package org.credo.registration;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A person made a new secret calendar address (ending the old one) or revoked theirs. Never carries the token. */
public record CalendarFeedChanged(ChangeStamp stamp, UUID feedId, UUID personId, String personName, boolean revoked)
        implements Audited {

    @Override
    public String action() {
        return revoked ? "calendar-feed.revoked" : "calendar-feed.created";
    }

    @Override
    public String subjectType() {
        return "Calendar feed";
    }

    @Override
    public String subjectId() {
        return feedId.toString();
    }

    @Override
    public String subjectName() {
        return personName;
    }

    @Override
    public String summary() {
        return revoked
                ? personName + " revoked their calendar address"
                : personName + " made a new calendar address (any earlier one stopped working)";
    }
}
