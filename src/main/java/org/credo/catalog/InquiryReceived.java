package org.credo.catalog;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/**
 * Someone asked, from the public catalog, to apply to a program or for information about it.
 *
 * @param kind APPLY or INFORMATION
 */
public record InquiryReceived(ChangeStamp stamp, UUID inquiryId, UUID programId, String programCode, String kind)
        implements Audited {

    @Override
    public String action() {
        return "catalog.inquiry.received";
    }

    @Override
    public String subjectType() {
        return "Inquiry";
    }

    @Override
    public String subjectId() {
        return inquiryId.toString();
    }

    @Override
    public String summary() {
        // Who asked stays in the inquiry itself, for admissions; the audit trail names only the program.
        return ("APPLY".equals(kind) ? "Application interest" : "Information request") + " for " + programCode;
    }
}
