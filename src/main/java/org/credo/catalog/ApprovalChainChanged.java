package org.credo.catalog;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The organization's approval chain or one of its review groups changed. */
public record ApprovalChainChanged(ChangeStamp stamp, UUID subject, String change, String description)
        implements Audited {

    @Override
    public String action() {
        return "catalog.chain." + change;
    }

    @Override
    public String subjectType() {
        return "ApprovalChain";
    }

    @Override
    public String subjectId() {
        return subject.toString();
    }

    @Override
    public String summary() {
        return description;
    }
}
