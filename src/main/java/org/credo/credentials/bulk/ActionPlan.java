package org.credo.credentials.bulk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reviewed change to many credentials: the items to change, the errors that block it, the resends
 * left out because an email went out a moment ago and, once applied, what happened.
 */
public record ActionPlan(
        UUID id,
        UUID organizationId,
        Source source,
        @Nullable String fileName,
        Status status,
        List<Item> items,
        List<PlanError> errors,
        List<Skipped> skipped,
        @Nullable Outcome outcome,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable String appliedBy,
        @Nullable Instant appliedAt) {

    /** Where the credential ids came from. */
    public enum Source {
        SELECTION,
        CSV,
        UNCLAIMED,
        SINGLE
    }

    public enum Status {
        PREVIEW,
        APPLIED
    }

    /** One credential and what to do to it. */
    public record Item(
            UUID credentialId,
            CredentialAction action,
            @Nullable String reason,
            String recipientName,
            String achievementName) {}

    /** Why a row (0 for a selection) cannot be changed. */
    public record PlanError(int row, String credentialId, String message) {}

    /** A resend left out, and why. */
    public record Skipped(UUID credentialId, String message) {}

    /** What applying did: credentials changed per action, claim emails sent and those left out. */
    public record Outcome(Map<String, Integer> changed, List<UUID> resent, List<UUID> throttled) {}

    /** How many credentials each action changes, in the order of the actions. */
    public Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        for (var action : CredentialAction.values()) {
            var n = (int) items.stream().filter(i -> i.action() == action).count();
            if (n > 0) {
                counts.put(action.id(), n);
            }
        }
        return counts;
    }

    /** A plan with any error changes nothing: all or nothing. */
    public boolean confirmable(Instant now) {
        return status == Status.PREVIEW && errors.isEmpty() && !items.isEmpty() && expiresAt.isAfter(now);
    }

    public boolean expired(Instant now) {
        return status == Status.PREVIEW && !expiresAt.isAfter(now);
    }
}
