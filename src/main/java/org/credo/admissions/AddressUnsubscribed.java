package org.credo.admissions;

import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Someone asked, through an email's unsubscribe link, for no more marketing email to an address. */
public record AddressUnsubscribed(ChangeStamp stamp, String email) implements Audited {

    @Override
    public String action() {
        return "campaign.unsubscribed";
    }

    @Override
    public String subjectType() {
        return "EmailAddress";
    }

    @Override
    public String subjectId() {
        return email;
    }

    @Override
    public String summary() {
        return "Unsubscribed " + email + " from marketing email";
    }
}
