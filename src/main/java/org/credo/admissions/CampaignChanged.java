package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A campaign was created, changed, scheduled or sent; {@code action} says which. */
public record CampaignChanged(ChangeStamp stamp, UUID campaignId, String name, String action, String summary)
        implements Audited {

    @Override
    public String subjectType() {
        return "Campaign";
    }

    @Override
    public String subjectId() {
        return campaignId.toString();
    }

    @Override
    public String subjectName() {
        return name;
    }
}
