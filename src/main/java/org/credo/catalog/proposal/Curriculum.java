package org.credo.catalog.proposal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.ProposalChanged;
import org.credo.catalog.approval.ApprovalChain;
import org.credo.catalog.course.CourseContent;
import org.credo.catalog.diff.Diff;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curriculum proposals from the author's side: draft, revise, submit into the approval chain,
 * withdraw; and reading them with their diff and impact. Decisions are in {@link Reviews}.
 */
@Service
public class Curriculum {

    private final Proposals proposals;
    private final ProposalItems items;
    private final ApprovalChain chain;
    private final Impact impact;
    private final ProposalEmails emails;
    private final ApplicationEventPublisher events;

    Curriculum(
            Proposals proposals,
            ProposalItems items,
            ApprovalChain chain,
            Impact impact,
            ProposalEmails emails,
            ApplicationEventPublisher events) {
        this.proposals = proposals;
        this.items = items;
        this.chain = chain;
        this.impact = impact;
        this.emails = emails;
        this.events = events;
    }

    /** Saves a new draft proposal. Nothing is stored when anything in it is wrong. */
    @Transactional
    public Proposal create(CredoUser user, ProposalRequest r) {
        return create(user, r, null);
    }

    /** The proposal an earlier request with this Idempotency-Key created, if any. */
    public java.util.Optional<Proposal> findByIdempotencyKey(CredoUser user, String key) {
        return proposals.findByIdempotencyKey(user.organizationId(), key);
    }

    /** Saves a new draft proposal, remembering the client's Idempotency-Key. */
    @Transactional
    public Proposal create(CredoUser user, ProposalRequest r, @Nullable String idempotencyKey) {
        var org = user.organizationId();
        var kind = kind(r.kind());
        var action = action(r.action());
        var title = title(r.title());
        var rationale = rationale(r.rationale());
        var effectiveFrom = effectiveFrom(r.effectiveFrom());
        Object content;
        String key;
        UUID itemId = null;
        Integer base = null;
        if (action == Proposal.Action.CREATE) {
            content = items.parse(kind, r.content());
            key = items.key(kind, content, null);
            if (kind != Proposal.Kind.CREDENTIAL) {
                var existing = items.current(org, kind, key.substring(key.indexOf(':') + 1));
                if (existing.isPresent()) {
                    throw ProblemException.conflict(
                            "Exists already",
                            key.substring(key.indexOf(':') + 1)
                                    + " is already in the catalog; propose a change to it instead.");
                }
            }
        } else {
            if (r.item() == null || r.item().isBlank()) {
                throw ProblemException.invalidField(
                        "item",
                        "name the " + kind.name().toLowerCase() + " to "
                                + action.name().toLowerCase());
            }
            key = items.key(kind, r.item());
            var name = key.substring(key.indexOf(':') + 1);
            var current = items.current(org, kind, name)
                    .orElseThrow(() -> ProblemException.notFound(
                            kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + " " + name));
            if (action == Proposal.Action.RETIRE) {
                if (current.retired()) {
                    throw ProblemException.conflict("Retired already", name + " is retired already.");
                }
                content = current.content();
            } else {
                content = items.parse(kind, r.content());
                if (kind != Proposal.Kind.CREDENTIAL
                        && !items.key(kind, content, null).equals(key)) {
                    throw ProblemException.invalidField(
                            "content",
                            "the code cannot change from " + name + "; retire it and propose a new one instead");
                }
            }
            itemId = current.itemId();
            base = current.version();
        }
        refuseCollision(org, key);
        if (action != Proposal.Action.RETIRE) {
            items.check(org, kind, content);
        }
        var now = Timestamps.now();
        var proposal = new Proposal(
                UUID.randomUUID(),
                org,
                proposals.nextNumber(org),
                kind,
                action,
                key,
                itemId,
                base,
                title,
                rationale,
                items.write(content),
                effectiveFrom,
                Proposal.Status.DRAFT,
                0,
                null,
                user.personId(),
                user.displayName(),
                now,
                now,
                null,
                null,
                0);
        try {
            proposals.insert(proposal, idempotencyKey);
        } catch (DuplicateKeyException raced) {
            refuseCollision(org, key);
            throw raced;
        }
        publish(proposal, "created", Proposal.Status.DRAFT, null);
        return proposals.find(org, proposal.id()).orElseThrow();
    }

    /** Changes a draft or returned proposal (its title, rationale, effective date and content). */
    @Transactional
    public Proposal revise(CredoUser user, UUID id, ProposalRequest r) {
        var p = proposals.lock(user.organizationId(), id).orElseThrow(() -> ProblemException.notFound("That proposal"));
        p.requireEditableBy(user);
        var title = title(r.title());
        var rationale = rationale(r.rationale());
        var effectiveFrom = effectiveFrom(r.effectiveFrom());
        var content = p.content();
        if (p.action() != Proposal.Action.RETIRE) {
            var parsed = items.parse(p.kind(), r.content());
            if (p.kind() != Proposal.Kind.CREDENTIAL
                    && !items.key(p.kind(), parsed, null).equals(p.itemKey())) {
                throw ProblemException.invalidField(
                        "content",
                        "the code cannot change from " + p.itemName() + "; withdraw this proposal and start another");
            }
            if (p.kind() == Proposal.Kind.CREDENTIAL
                    && p.action() == Proposal.Action.CREATE
                    && !items.key(p.kind(), parsed, null).equals(p.itemKey())) {
                throw ProblemException.invalidField(
                        "content",
                        "the name of a new credential cannot change; " + "withdraw this proposal and start another");
            }
            items.check(user.organizationId(), p.kind(), parsed);
            content = items.write(parsed);
        }
        proposals.updateContent(p, title, rationale, content, effectiveFrom);
        publish(p, "revised", p.status(), null);
        return proposals.find(user.organizationId(), id).orElseThrow();
    }

    /** Submits a draft or returned proposal into the organization's approval chain as it stands now. */
    @Transactional
    public Proposal submit(CredoUser user, UUID id) {
        var org = user.organizationId();
        var p = proposals.lock(org, id).orElseThrow(() -> ProblemException.notFound("That proposal"));
        p.requireSubmittableBy(user);
        if (p.action() != Proposal.Action.RETIRE) {
            items.check(org, p.kind(), items.parse(p.kind(), p.content()));
        }
        var steps = chain.steps(org);
        if (steps.isEmpty()) {
            throw ProblemException.conflict(
                    "No approval chain",
                    "This organization has no approval chain yet; an administrator sets it up under Catalog → Approval chain.");
        }
        int round = p.round() + 1;
        int first = steps.get(0).position();
        for (var s : steps) {
            proposals.insertStep(
                    p,
                    round,
                    s.position(),
                    s.name(),
                    s.role() == null ? null : s.role().name(),
                    s.groupId(),
                    s.position() == first ? "PENDING" : "WAITING");
        }
        proposals.updateStatus(p, Proposal.Status.IN_REVIEW, round, first);
        var submitted = proposals.find(org, id).orElseThrow();
        publish(submitted, "submitted", Proposal.Status.IN_REVIEW, null);
        emails.reviewersOf(submitted, pending(submitted));
        return submitted;
    }

    /** Withdraws an open proposal; the item is free for another proposal. */
    @Transactional
    public Proposal withdraw(CredoUser user, UUID id) {
        var org = user.organizationId();
        var p = proposals.lock(org, id).orElseThrow(() -> ProblemException.notFound("That proposal"));
        p.requireWithdrawableBy(user);
        cancelOpenSteps(p);
        proposals.updateStatus(p, Proposal.Status.WITHDRAWN, p.round(), null);
        publish(p, "withdrawn", Proposal.Status.WITHDRAWN, null);
        return proposals.find(org, id).orElseThrow();
    }

    /** A proposal of the caller's organization. */
    public Proposal find(CredoUser user, UUID id) {
        return proposals.find(user.organizationId(), id).orElseThrow(() -> ProblemException.notFound("That proposal"));
    }

    /** A page of proposals: the caller's, those awaiting the caller's review, or all. */
    public PageResult<Proposal> page(
            CredoUser user, Proposals.Filter filter, @Nullable String status, @Nullable String q, PageQuery query) {
        if (status != null && !status.isBlank()) {
            try {
                Proposal.Status.valueOf(status.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(
                        "status", "use DRAFT, IN_REVIEW, RETURNED, APPROVED, REJECTED or WITHDRAWN");
            }
        }
        return proposals.page(user, filter, status == null ? null : status.trim(), q, query);
    }

    /** The proposal with its steps, decisions, diff against the current version and impact. */
    public ProposalDetails details(CredoUser user, UUID id) {
        var p = find(user, id);
        var content = items.parse(p.kind(), p.content());
        var current = p.action() == Proposal.Action.CREATE
                ? null
                : items.current(user.organizationId(), p.kind(), p.itemName()).orElse(null);
        var before = current == null ? java.util.Map.<String, Object>of() : items.fields(current.content());
        var after = items.fields(content);
        if (p.action() == Proposal.Action.RETIRE) {
            after = new java.util.LinkedHashMap<>(after);
            after.put("Status", "Retired");
            before = new java.util.LinkedHashMap<>(before);
            before.put("Status", "In the catalog");
        }
        var steps = proposals.steps(id);
        var decisions = proposals.decisions(id);
        List<ImpactItem> impacts =
                content instanceof CourseContent c ? impact.of(user.organizationId(), c.code()) : List.of();
        boolean author = user.personId().equals(p.authorId());
        boolean editable = author && (p.status() == Proposal.Status.DRAFT || p.status() == Proposal.Status.RETURNED);
        boolean canDecide = p.status() == Proposal.Status.IN_REVIEW
                && !author
                && steps.stream()
                        .filter(s -> s.round() == p.round() && s.status().equals("PENDING"))
                        .anyMatch(s -> chain.mayReview(user, s.role(), s.groupId())
                                && decisions.stream()
                                        .noneMatch(d -> s.id().equals(d.stepId())
                                                && d.reviewerId().equals(user.personId())));
        return new ProposalDetails(
                p,
                content,
                current,
                Diff.between(before, after),
                steps,
                decisions,
                impacts,
                editable,
                editable,
                author && p.status().open(),
                canDecide);
    }

    /** The steps of the current round under review now. */
    List<ProposalStep> pending(Proposal p) {
        return proposals.steps(p.id()).stream()
                .filter(s -> s.round() == p.round() && s.status().equals("PENDING"))
                .sorted(Comparator.comparing(ProposalStep::name))
                .toList();
    }

    void cancelOpenSteps(Proposal p) {
        proposals.steps(p.id()).stream()
                .filter(s -> s.round() == p.round()
                        && (s.status().equals("PENDING") || s.status().equals("WAITING")))
                .forEach(s -> proposals.setStepStatus(s.id(), "CANCELLED"));
    }

    void publish(Proposal p, String change, Proposal.Status status, @Nullable String comment) {
        events.publishEvent(new ProposalChanged(
                ChangeStamp.now(p.organizationId()), p.id(), p.number(), p.itemKey(), change, status.name(), comment));
    }

    private void refuseCollision(UUID org, String key) {
        proposals.openFor(org, key).ifPresent(other -> {
            throw ProblemException.conflict(
                    "Another proposal is open",
                    "Proposal #" + other.number() + " \"" + other.title() + "\" by " + other.authorName()
                            + " is already open for " + other.itemName() + " ("
                            + other.status().label().toLowerCase()
                            + "); finish or withdraw it before proposing another change.");
        });
    }

    private static Proposal.Kind kind(@Nullable String kind) {
        try {
            return Proposal.Kind.valueOf(kind == null ? "" : kind.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("kind", "use COURSE, PROGRAM or CREDENTIAL");
        }
    }

    private static Proposal.Action action(@Nullable String action) {
        try {
            return Proposal.Action.valueOf(action == null ? "" : action.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("action", "use CREATE, MODIFY or RETIRE");
        }
    }

    private static String title(@Nullable String title) {
        if (title == null || title.isBlank()) {
            throw ProblemException.invalidField("title", "is required: say in a few words what the proposal does");
        }
        if (title.trim().length() > 300) {
            throw ProblemException.invalidField("title", "must be at most 300 characters");
        }
        return title.trim();
    }

    private static @Nullable String rationale(@Nullable String rationale) {
        if (rationale != null && rationale.length() > 4000) {
            throw ProblemException.invalidField("rationale", "must be at most 4000 characters");
        }
        return rationale == null || rationale.isBlank() ? null : rationale.trim();
    }

    private static LocalDate effectiveFrom(@Nullable LocalDate date) {
        if (date == null) {
            throw ProblemException.invalidField("effectiveFrom", "is required: the date the new version takes effect");
        }
        return date;
    }
}
