package org.credo.credentials.verification;

import static org.credo.credentials.verification.VerificationReport.Outcome.FAILED;
import static org.credo.credentials.verification.VerificationReport.Outcome.NOT_CHECKED;
import static org.credo.credentials.verification.VerificationReport.Outcome.PASSED;
import static org.credo.credentials.verification.VerificationReport.Outcome.WARNING;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credo.credentials.issuance.CredentialDocuments;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.signing.ProofVerifier;
import org.credo.credentials.status.Bitstring;
import org.credo.credentials.status.StatusListCredentials;
import org.credo.credentials.status.StatusPurpose;
import org.credo.credentials.status.StatusSlot;
import org.credo.credentials.verification.VerificationReport.Check;
import org.credo.credentials.verification.VerificationReport.StatusChange;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the Bitstring Status List entries of a credential. Lists on this server are read directly (and their own
 * proof is verified); a list anywhere else would need the network and is reported as not checked.
 */
@Component
class StatusChecks {

    /** One entry's check, and what it means for the verdict. */
    record Result(
            Check check,
            @Nullable Verdict verdict,
            @Nullable StatusChange change) {}

    private final StatusListCredentials lists;
    private final IssuedCredentials credentials;
    private final ProofVerifier proofs;
    private final String prefix;

    StatusChecks(
            StatusListCredentials lists,
            IssuedCredentials credentials,
            ProofVerifier proofs,
            CredentialDocuments documents) {
        this.lists = lists;
        this.credentials = credentials;
        this.proofs = proofs;
        // Lists on this server are exactly where issuance puts them: the URL of a list, less its id.
        var sample = new UUID(0, 0);
        this.prefix = documents.statusListUrl(sample).replace(sample.toString(), "");
    }

    List<Result> check(JsonObject credential, @Nullable String issuerId) {
        var status = credential.get("credentialStatus");
        if (status == null) {
            return List.of(new Result(
                    new Check("Status", PASSED, "It has no status entry, so its issuer cannot revoke or suspend it."),
                    null,
                    null));
        }
        List<JsonValue> entries = status instanceof JsonArray array ? array : List.of(status);
        var results = new ArrayList<Result>();
        for (var value : entries) {
            results.add(entry(credential, value, issuerId));
        }
        return results;
    }

    private Result entry(JsonObject credential, JsonValue value, @Nullable String issuerId) {
        if (!(value instanceof JsonObject entry) || !"BitstringStatusListEntry".equals(string(entry, "type"))) {
            return new Result(
                    new Check(
                            "Status",
                            WARNING,
                            "A status entry is not a BitstringStatusListEntry; Credo cannot read it."),
                    null,
                    null);
        }
        var purpose = Objects.requireNonNullElse(string(entry, "statusPurpose"), "unknown");
        var name = "Status: " + purpose;
        var url = string(entry, "statusListCredential");
        int index;
        try {
            index = Integer.parseInt(Objects.requireNonNullElse(string(entry, "statusListIndex"), ""));
        } catch (NumberFormatException e) {
            return failed(name, "statusListIndex is not a number.");
        }
        if (url == null) {
            return failed(name, "The status entry names no statusListCredential.");
        }
        if (!url.startsWith(prefix)) {
            return new Result(
                    new Check(
                            name,
                            NOT_CHECKED,
                            "The " + purpose + " list " + url
                                    + " is on another server; Credo does not fetch it, so this status was not checked."),
                    null,
                    null);
        }
        UUID listId;
        try {
            listId = UUID.fromString(url.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return failed(name, "The status list " + url + " does not exist on this server.");
        }
        var signed = lists.current(listId);
        if (signed.isEmpty()) {
            return failed(name, "The status list " + url + " does not exist on this server.");
        }
        JsonObject list;
        try (JsonReader reader = Json.createReader(new StringReader(signed.get().json()))) {
            list = reader.readObject();
        }
        if (!proofs.verify(list).verified()) {
            return failed(name, "The status list's own signature does not verify, so it cannot be trusted.");
        }
        if (!Objects.equals(Facts.issuerId(list), issuerId)) {
            return failed(name, "The status list was issued by someone other than the credential's issuer.");
        }
        var subject = list.getJsonObject("credentialSubject");
        if (!purpose.equals(string(subject, "statusPurpose"))) {
            return failed(
                    name, "The status list is for " + string(subject, "statusPurpose") + ", not " + purpose + ".");
        }
        var bits = Bitstring.decode(subject.getString("encodedList"));
        if (index < 0 || index >= bits.length * 8) {
            return failed(name, "statusListIndex " + index + " is outside the status list.");
        }
        if (!Bitstring.get(bits, index)) {
            return new Result(
                    new Check(
                            name,
                            PASSED,
                            "Not " + past(purpose) + ": its entry in this server's signed " + purpose
                                    + " list is clear."),
                    null,
                    null);
        }
        return switch (purpose) {
            case "revocation" -> changed(credential, StatusPurpose.REVOCATION, listId, index, name, Verdict.REVOKED);
            case "suspension" -> changed(credential, StatusPurpose.SUSPENSION, listId, index, name, Verdict.SUSPENDED);
            default ->
                new Result(
                        new Check(name, WARNING, "Its " + purpose + " status is set; Credo does not interpret it."),
                        null,
                        null);
        };
    }

    private Result changed(
            JsonObject credential, StatusPurpose purpose, UUID listId, int index, String name, Verdict verdict) {
        Instant at = null;
        String reason = null;
        var stored = ours(credential, new StatusSlot(listId, index, purpose));
        if (stored != null) {
            // The credential's history says when; only the time is shown, never who did it.
            var action = purpose == StatusPurpose.REVOCATION ? "Revoked" : "Suspended";
            at = credentials.history(stored.organizationId(), stored.id()).stream()
                    .filter(h -> h.action().equals(action))
                    .map(IssuedCredentials.HistoryEntry::occurredAt)
                    .reduce((first, second) -> second)
                    .orElse(null);
            var state = purpose == StatusPurpose.REVOCATION
                    ? IssuedCredential.State.REVOKED
                    : IssuedCredential.State.SUSPENDED;
            reason = stored.state() == state ? stored.stateReason() : null;
        }
        var words = new StringBuilder(verdict.headline());
        if (at != null) {
            words.append(" on ").append(at);
        }
        words.append(reason == null ? " by its issuer." : ": " + reason);
        return new Result(
                new Check(name, FAILED, words.toString()), verdict, new StatusChange(purpose.id(), at, reason));
    }

    // One of ours only if the stored credential has exactly this slot: an id alone proves nothing.
    private @Nullable IssuedCredential ours(JsonObject credential, StatusSlot slot) {
        var id = string(credential, "id");
        if (id == null || !id.startsWith("urn:uuid:")) {
            return null;
        }
        try {
            var stored = credentials.findAnywhere(UUID.fromString(id.substring("urn:uuid:".length())));
            return stored.filter(c ->
                            slot.equals(slot.purpose() == StatusPurpose.REVOCATION ? c.revocation() : c.suspension()))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Result failed(String name, String why) {
        return new Result(new Check(name, FAILED, why), Verdict.TAMPERED, null);
    }

    private static String past(String purpose) {
        return switch (purpose) {
            case "revocation" -> "revoked";
            case "suspension" -> "suspended";
            default -> "flagged";
        };
    }

    private static @Nullable String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
