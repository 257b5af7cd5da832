package org.credo.catalog.proposal;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.catalog.approval.ApprovalChain;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' decisions on proposals in review. Steps at one position run in parallel; when all of
 * them are approved the next position starts; when the last is approved the proposal is approved
 * and its version published with its effective date.
 */
@Service
public class Reviews {

    /** What a reviewer decides. */
    public enum Verdict {
        APPROVE,
        RETURN,
        REJECT
    }

    private final Proposals proposals;
    private final ProposalItems items;
    private final ApprovalChain chain;
    private final Curriculum curriculum;
    private final ProposalEmails emails;

    Reviews(
            Proposals proposals,
            ProposalItems items,
            ApprovalChain chain,
            Curriculum curriculum,
            ProposalEmails emails) {
        this.proposals = proposals;
        this.items = items;
        this.chain = chain;
        this.curriculum = curriculum;
        this.emails = emails;
    }

    /**
     * Records a decision on the step the caller reviews; refuses anything out of turn, and the proposal's own author,
     * leaving nothing changed.
     */
    @Transactional
    public Proposal decide(CredoUser user, UUID id, @Nullable String decision, @Nullable String comment) {
        var org = user.organizationId();
        var p = proposals.lock(org, id).orElseThrow(() -> ProblemException.notFound("That proposal"));
        var verdict = verdict(decision);
        var note = comment == null || comment.isBlank() ? null : comment.trim();
        if (verdict != Verdict.APPROVE && note == null) {
            throw ProblemException.invalidField(
                    "comment",
                    "is required to " + verdict.name().toLowerCase()
                            + " a proposal: tell the author what to change or why");
        }
        if (note != null && note.length() > 4000) {
            throw ProblemException.invalidField("comment", "must be at most 4000 characters");
        }
        p.requireInReview();
        if (user.personId().equals(p.authorId())) {
            // Separation of duties: whoever wrote a proposal does not decide on it, even holding a reviewer's role.
            throw ProblemException.forbidden("You wrote proposal #" + p.number()
                    + ", so its other reviewers decide on it; ask a colleague who reviews this step.");
        }
        var steps =
                proposals.steps(id).stream().filter(s -> s.round() == p.round()).toList();
        var decisions = proposals.decisions(id).stream()
                .filter(d -> d.round() == p.round())
                .toList();
        var pending = steps.stream().filter(s -> s.status().equals("PENDING")).toList();
        var mine = pending.stream()
                .filter(s -> chain.mayReview(user, s.role(), s.groupId()))
                .filter(s -> decisions.stream()
                        .noneMatch(
                                d -> s.id().equals(d.stepId()) && d.reviewerId().equals(user.personId())))
                .toList();
        if (mine.isEmpty()) {
            var earlier = decisions.stream()
                    .filter(d -> d.reviewerId().equals(user.personId()))
                    .findFirst();
            if (earlier.isPresent()) {
                var d = earlier.get();
                throw ProblemException.conflict(
                        "Already decided",
                        "You already decided on proposal #" + p.number()
                                + " (" + d.decision().toLowerCase() + " at step \"" + d.stepName() + "\" on "
                                + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                                        .format(d.decidedAt().atZone(user.zone()))
                                + "); each reviewer decides once per step.");
            }
            throw ProblemException.forbidden("Proposal #" + p.number() + " is at step "
                    + String.join(
                            " and ",
                            pending.stream()
                                    .map(s -> "\"" + s.name() + "\" (reviewed by " + s.reviewers() + ")")
                                    .toList())
                    + "; you are not one of its reviewers.");
        }
        var step = mine.get(0);
        try {
            proposals.insertDecision(p, step.id(), user.personId(), verdict.name(), note);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict(
                    "Already decided", "You already decided on this step of proposal #" + p.number() + ".");
        }
        switch (verdict) {
            case APPROVE -> approve(user, p, step, steps);
            case RETURN -> close(user, p, step, "RETURNED", Proposal.Status.RETURNED, "returned", note);
            case REJECT -> close(user, p, step, "REJECTED", Proposal.Status.REJECTED, "rejected", note);
        }
        return proposals.find(org, id).orElseThrow();
    }

    private void approve(CredoUser user, Proposal p, ProposalStep step, List<ProposalStep> steps) {
        proposals.setStepStatus(step.id(), "APPROVED");
        boolean positionDone = steps.stream()
                .filter(s -> s.position() == step.position() && !s.id().equals(step.id()))
                .allMatch(s -> s.status().equals("APPROVED"));
        if (!positionDone) {
            curriculum.publish(p, "approved-step", Proposal.Status.IN_REVIEW, null);
            return;
        }
        var next = steps.stream()
                .map(ProposalStep::position)
                .filter(position -> position > step.position())
                .min(Comparator.naturalOrder());
        if (next.isPresent()) {
            steps.stream()
                    .filter(s -> s.position() == next.get())
                    .forEach(s -> proposals.setStepStatus(s.id(), "PENDING"));
            proposals.updateStatus(p, Proposal.Status.IN_REVIEW, p.round(), next.get());
            var advanced = proposals.find(p.organizationId(), p.id()).orElseThrow();
            curriculum.publish(advanced, "advanced", Proposal.Status.IN_REVIEW, null);
            emails.reviewersOf(advanced, curriculum.pending(advanced));
            return;
        }
        // Final approval: the new version is published with the proposal's effective date.
        var content = items.parse(p.kind(), p.content());
        if (p.action() != Proposal.Action.RETIRE) {
            items.check(p.organizationId(), p.kind(), content);
        }
        items.publish(p, content, p.action() == Proposal.Action.RETIRE, user.personId());
        proposals.updateStatus(p, Proposal.Status.APPROVED, p.round(), null);
        curriculum.publish(p, "approved", Proposal.Status.APPROVED, null);
        emails.author(p, "approved", user.displayName(), null, p.round());
    }

    private void close(
            CredoUser user,
            Proposal p,
            ProposalStep step,
            String stepStatus,
            Proposal.Status status,
            String change,
            @Nullable String comment) {
        proposals.setStepStatus(step.id(), stepStatus);
        curriculum.cancelOpenSteps(p);
        proposals.updateStatus(p, status, p.round(), null);
        curriculum.publish(p, change, status, comment);
        emails.author(p, change, user.displayName(), comment, p.round());
    }

    private static Verdict verdict(@Nullable String decision) {
        try {
            return Verdict.valueOf(decision == null ? "" : decision.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("decision", "use APPROVE, RETURN or REJECT");
        }
    }
}
