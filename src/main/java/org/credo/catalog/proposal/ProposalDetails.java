package org.credo.catalog.proposal;

import java.util.List;
import org.credo.catalog.diff.Diff;
import org.jspecify.annotations.Nullable;

/** A proposal with everything its page shows: steps, decisions, the diff, the impact, what the viewer may do. */
public record ProposalDetails(
        Proposal proposal,
        Object content,
        ProposalItems.@Nullable Current current,
        Diff diff,
        List<ProposalStep> steps,
        List<Decision> decisions,
        List<ImpactItem> impact,
        boolean canEdit,
        boolean canSubmit,
        boolean canWithdraw,
        boolean canDecide) {}
