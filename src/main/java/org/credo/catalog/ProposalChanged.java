package org.credo.catalog;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/**
 * A curriculum proposal changed state: created, revised, submitted, advanced, approved, returned,
 * rejected or withdrawn. The comment is the reviewer's, when there is one.
 */
public record ProposalChanged(
        ChangeStamp stamp,
        UUID proposalId,
        int number,
        String itemKey,
        String change,
        String status,
        @Nullable String comment)
        implements Audited {

    @Override
    public String action() {
        return "catalog.proposal." + change;
    }

    @Override
    public String subjectType() {
        return "Proposal";
    }

    @Override
    public String subjectId() {
        return proposalId.toString();
    }

    @Override
    public String summary() {
        return "Proposal #" + number + " for " + itemKey + " " + change + (comment == null ? "" : ": " + comment);
    }
}
