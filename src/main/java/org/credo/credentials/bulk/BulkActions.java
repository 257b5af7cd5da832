package org.credo.credentials.bulk;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credo.credentials.CredentialBulkActionApplied;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.wallet.ClaimResends;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk suspend, reinstate, revoke and claim-email resend. A request becomes a stored plan that says
 * what will change and lists every id that cannot (unknown, another organization's, or not in a
 * state for that action); a plan with any error changes nothing. Applying a plan is one
 * transaction that calls the same single-credential operations (so the same audit events are
 * written), and a plan is applied at most once.
 */
@Service
class BulkActions {

    /** The most credentials one plan may change. */
    static final int MAX_ITEMS = 10_000;

    /** How long a plan may be confirmed: states change, so a plan should not wait long. */
    static final Duration VALIDITY = Duration.ofHours(1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT);

    /** One requested change: the file row (0 for a selection), the id as given, action and reason if given. */
    record Request(
            int row,
            String credentialId,
            @Nullable CredentialAction action,
            @Nullable String reason) {}

    private final ActionPlans plans;
    private final Issuance issuance;
    private final ClaimResends resends;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    BulkActions(
            ActionPlans plans,
            Issuance issuance,
            ClaimResends resends,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.plans = plans;
        this.issuance = issuance;
        this.resends = resends;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Checks the requests and stores them as a plan to review. {@code action} and {@code reason} apply
     * to requests that name none. With an idempotency key, a repeated call returns the first plan.
     */
    ActionPlan plan(
            CredoUser user,
            ActionPlan.Source source,
            @Nullable String fileName,
            List<Request> requests,
            @Nullable CredentialAction action,
            @Nullable String reason,
            @Nullable String idempotencyKey) {
        var org = user.organizationId();
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 180) {
                throw ProblemException.badRequest(
                        "Invalid Idempotency-Key", "Send an Idempotency-Key of 1 to 180 characters, such as a UUID.");
            }
            var earlier = plans.findByKey(org, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (requests.isEmpty()) {
            throw ProblemException.invalidField(
                    source == ActionPlan.Source.CSV ? "file" : "credentialIds",
                    source == ActionPlan.Source.UNCLAIMED
                            ? "every credential here has been claimed already; there is nobody to resend to."
                            : "choose at least one credential.");
        }
        if (requests.size() > MAX_ITEMS) {
            throw ProblemException.invalidField(
                    source == ActionPlan.Source.CSV ? "file" : "credentialIds",
                    "at most " + MAX_ITEMS + " credentials fit in one change; split it.");
        }
        if (reason != null && reason.trim().length() > 900) {
            throw ProblemException.invalidField("reason", "keep the reason to 900 characters.");
        }
        var ids = new ArrayList<UUID>();
        for (var request : requests) {
            parse(request.credentialId()).ifPresent(ids::add);
        }
        Map<UUID, ActionPlans.Target> targets = new HashMap<>();
        for (var target : plans.targets(ids.stream().distinct().toList())) {
            targets.put(target.id(), target);
        }
        var now = Timestamps.now();
        var items = new ArrayList<ActionPlan.Item>();
        var errors = new ArrayList<ActionPlan.PlanError>();
        var seen = new HashMap<UUID, Integer>();
        for (var request : requests) {
            var given = request.credentialId().trim();
            var wanted = request.action() != null ? request.action() : action;
            var why = request.reason() != null && !request.reason().isBlank()
                    ? request.reason().trim()
                    : reason == null || reason.isBlank() ? null : reason.trim();
            var id = parse(given);
            String problem = null;
            ActionPlans.Target target = null;
            if (id.isEmpty()) {
                problem = "This is not a credential id; ids look like 3f2b9c1e-8d4a-4b6e-9f0a-1c2d3e4f5a6b.";
            } else if (seen.containsKey(id.get())) {
                problem = "This credential is listed twice"
                        + (request.row() > 0 ? " (also row " + seen.get(id.get()) + ")" : "") + "; keep one.";
            } else if ((target = targets.get(id.get())) == null) {
                problem = "No credential has this id.";
            } else if (!target.organizationId().equals(org)) {
                problem = "This credential belongs to another organization.";
            } else if (wanted == null) {
                problem = "Say what to do: suspend, reinstate, revoke or resend.";
            } else if (wanted.needsReason() && why == null) {
                problem = "Give a reason to " + wanted.id() + "; it is recorded in the credential's history.";
            } else if (why != null && why.length() > 900) {
                problem = "Keep the reason to 900 characters.";
            } else {
                problem = stateProblem(wanted, target, now);
            }
            if (id.isPresent()) {
                seen.putIfAbsent(id.get(), request.row());
            }
            if (problem != null) {
                errors.add(new ActionPlan.PlanError(request.row(), given, problem));
            } else {
                items.add(new ActionPlan.Item(
                        id.get(),
                        wanted,
                        wanted.needsReason() ? why : null,
                        target.recipientName(),
                        target.achievementName()));
            }
        }
        // Resends to credentials emailed a moment ago are left out, not errors: the earner has a fresh email.
        var skipped = new ArrayList<ActionPlan.Skipped>();
        var resendIds = items.stream()
                .filter(i -> i.action() == CredentialAction.RESEND)
                .map(ActionPlan.Item::credentialId)
                .toList();
        if (!resendIds.isEmpty()) {
            var recent = resends.recentlySent(org, resendIds);
            items.removeIf(i -> i.action() == CredentialAction.RESEND && recent.containsKey(i.credentialId()));
            recent.forEach((credentialId, at) -> skipped.add(new ActionPlan.Skipped(credentialId, throttled(at))));
        }
        var plan = new ActionPlan(
                UUID.randomUUID(),
                org,
                source,
                fileName == null || fileName.isBlank() ? null : trim(fileName),
                ActionPlan.Status.PREVIEW,
                items,
                errors,
                skipped,
                null,
                user.displayName(),
                now,
                now.plus(VALIDITY),
                null,
                null);
        try {
            plans.insert(plan, idempotencyKey);
        } catch (DuplicateKeyException e) {
            return plans.findByKey(org, idempotencyKey).orElseThrow(() -> e);
        }
        return plan;
    }

    /** Reads a CSV of credential ids, with an optional action and reason per row, into requests. */
    static List<Request> fromCsv(byte[] bytes) {
        List<List<String>> records;
        try {
            records = CsvRecords.read(bytes);
        } catch (CsvRecords.Unreadable e) {
            throw ProblemException.invalidField("file", "row " + e.row() + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw ProblemException.invalidField("file", "the file is empty; the first row must be credential_id.");
        }
        var header = records.get(0).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .toList();
        for (var column : header) {
            if (!List.of("credential_id", "action", "reason").contains(column)) {
                throw ProblemException.invalidField(
                        "file",
                        "unknown column '" + column + "'; use credential_id and, if you like, action and reason.");
            }
        }
        int idColumn = header.indexOf("credential_id");
        if (idColumn < 0) {
            throw ProblemException.invalidField("file", "the first row must name the column credential_id.");
        }
        int actionColumn = header.indexOf("action");
        int reasonColumn = header.indexOf("reason");
        var requests = new ArrayList<Request>();
        var bad = new ArrayList<String>();
        for (int r = 1; r < records.size(); r++) {
            var record = records.get(r);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            int row = r + 1;
            CredentialAction action = null;
            var actionCell = cell(record, actionColumn);
            if (!actionCell.isBlank()) {
                action = CredentialAction.parse(actionCell).orElse(null);
                if (action == null) {
                    bad.add("row " + row + ": unknown action '" + actionCell + "'");
                }
            }
            var reason = cell(record, reasonColumn);
            requests.add(new Request(row, cell(record, idColumn), action, reason.isBlank() ? null : reason));
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalidField(
                    "file",
                    String.join("; ", bad.subList(0, Math.min(20, bad.size())))
                            + "; use suspend, reinstate, revoke or resend.");
        }
        return requests;
    }

    /**
     * Applies a plan once: every change or none. A second confirmation, an expired plan or one with
     * errors changes nothing and says why.
     */
    ActionPlan apply(CredoUser user, UUID planId) {
        var org = user.organizationId();
        var plan = require(org, planId);
        if (plan.status() == ActionPlan.Status.PREVIEW && !plan.errors().isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Plan has errors",
                    plan.errors().size() + " credentials cannot take the change; nothing was changed. "
                            + "Fix or remove them and review again.",
                    Map.of("errors", plan.errors()));
        }
        transactions.executeWithoutResult(tx -> {
            if (!plans.markApplied(org, planId, user.displayName())) {
                throw notApplicable(require(org, planId));
            }
            var changed = new LinkedHashMap<String, Integer>();
            var resendIds = new ArrayList<UUID>();
            for (var item : plan.items()) {
                if (item.action() == CredentialAction.RESEND) {
                    resendIds.add(item.credentialId());
                    continue;
                }
                try {
                    switch (item.action()) {
                        case SUSPEND -> issuance.suspend(org, item.credentialId(), item.reason());
                        case REINSTATE -> issuance.reinstate(org, item.credentialId(), item.reason());
                        case REVOKE -> issuance.revoke(org, item.credentialId(), item.reason());
                        default -> throw new IllegalStateException(item.action().name());
                    }
                } catch (ProblemException e) {
                    throw ProblemException.conflict(
                            "Credential changed since the review",
                            "Nothing was changed: credential " + item.credentialId() + " cannot be "
                                    + item.action().id() + "d now (" + e.getMessage()
                                    + "). Review the changes again.");
                }
                changed.merge(item.action().id(), 1, Integer::sum);
            }
            var sent = resendIds.isEmpty() ? List.<UUID>of() : resends.resend(org, resendIds, planId);
            if (!sent.isEmpty()) {
                changed.put(CredentialAction.RESEND.id(), sent.size());
            }
            var sentSet = new HashSet<>(sent);
            var throttled =
                    resendIds.stream().filter(id -> !sentSet.contains(id)).toList();
            plans.saveOutcome(planId, new ActionPlan.Outcome(changed, sent, throttled));
            events.publishEvent(new CredentialBulkActionApplied(
                    ChangeStamp.now(org),
                    planId,
                    plan.source().name().toLowerCase(Locale.ROOT),
                    changed.isEmpty()
                            ? "nothing to change"
                            : changed.entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .collect(Collectors.joining(", "))));
        });
        return require(org, planId);
    }

    /**
     * Resends one credential's claim email. The same key (one click, one API retry) sends once; a
     * credential emailed within the throttle window is told when it may be sent again.
     */
    ActionPlan resendOne(CredoUser user, UUID credentialId, String key) {
        var plan = plan(
                user,
                ActionPlan.Source.SINGLE,
                null,
                List.of(new Request(0, credentialId.toString(), CredentialAction.RESEND, null)),
                null,
                null,
                "resend-one:" + key);
        if (plan.status() == ActionPlan.Status.APPLIED) {
            return plan;
        }
        if (!plan.errors().isEmpty()) {
            var message = plan.errors().get(0).message();
            if (message.equals("No credential has this id.")
                    || message.equals("This credential belongs to another organization.")) {
                throw ProblemException.notFound("That credential");
            }
            throw ProblemException.conflict("Cannot resend", message);
        }
        if (!plan.skipped().isEmpty()) {
            throw new ProblemException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Sent recently",
                    plan.skipped().get(0).message(),
                    Map.of("credentialId", credentialId));
        }
        try {
            return apply(user, plan.id());
        } catch (ProblemException e) {
            if (e.title().equals("Already applied")) {
                return require(user.organizationId(), plan.id());
            }
            throw e;
        }
    }

    ActionPlan require(UUID organizationId, UUID planId) {
        return plans.find(organizationId, planId).orElseThrow(() -> ProblemException.notFound("That bulk change"));
    }

    private static ProblemException notApplicable(ActionPlan plan) {
        if (plan.status() == ActionPlan.Status.APPLIED) {
            return new ProblemException(
                    HttpStatus.CONFLICT,
                    "Already applied",
                    "These changes were applied already"
                            + (plan.appliedBy() == null ? "" : " by " + plan.appliedBy())
                            + "; nothing was changed twice.",
                    Map.of("planId", plan.id()));
        }
        return new ProblemException(
                HttpStatus.GONE,
                "Review expired",
                "This review expired and nothing was changed; start the change again to see the current state.",
                Map.of("planId", plan.id()));
    }

    private static @Nullable String stateProblem(
            CredentialAction action, ActionPlans.Target target, java.time.Instant now) {
        var state = target.status().toLowerCase(Locale.ROOT);
        return switch (action) {
            case SUSPEND ->
                target.status().equals("ACTIVE")
                        ? null
                        : "This credential is " + state + "; only an active credential can be suspended.";
            case REINSTATE ->
                target.status().equals("SUSPENDED")
                        ? null
                        : "This credential is " + state + "; only a suspended credential can be reinstated.";
            case REVOKE -> target.status().equals("REVOKED") ? "This credential is revoked already." : null;
            case RESEND -> {
                if (!target.status().equals("ACTIVE")) {
                    yield "This credential is " + state + "; claim emails go only to active credentials.";
                }
                if (target.validUntil() != null && !target.validUntil().isAfter(now)) {
                    yield "This credential has expired; claim emails go only to valid credentials.";
                }
                yield null;
            }
        };
    }

    static String throttled(java.time.Instant at) {
        return "A claim email went out at " + TIME.format(at.atZone(ZoneOffset.UTC)) + "; it can be sent again after "
                + TIME.format(at.plus(ClaimResends.THROTTLE).atZone(ZoneOffset.UTC)) + " (at most one every "
                + ClaimResends.THROTTLE.toMinutes() + " minutes).";
    }

    private static Optional<UUID> parse(String value) {
        try {
            var trimmed = value.trim();
            return trimmed.length() == 36 ? Optional.of(UUID.fromString(trimmed)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cell(List<String> record, int column) {
        return column < 0 || column >= record.size() ? "" : record.get(column).trim();
    }

    private static String trim(String value) {
        var name = value.replaceAll("[\\r\\n\\t]", " ").trim();
        return name.length() <= 300 ? name : name.substring(0, 300);
    }
}
