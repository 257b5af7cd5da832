package org.credo.credentials.verification;

import static org.credo.credentials.verification.VerificationReport.Outcome.FAILED;
import static org.credo.credentials.verification.VerificationReport.Outcome.NOT_CHECKED;
import static org.credo.credentials.verification.VerificationReport.Outcome.PASSED;
import static org.credo.credentials.verification.VerificationReport.Outcome.WARNING;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credo.credentials.issuance.CredentialDocuments;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.network.FetchFailure;
import org.credo.credentials.network.RemoteDocuments;
import org.credo.credentials.signing.ProofVerifier;
import org.credo.credentials.signing.VerificationResult;
import org.credo.credentials.status.Bitstring;
import org.credo.credentials.status.StatusListCredentials;
import org.credo.credentials.status.StatusPurpose;
import org.credo.credentials.status.StatusSlot;
import org.credo.credentials.verification.VerificationReport.Check;
import org.credo.credentials.verification.VerificationReport.Outcome;
import org.credo.credentials.verification.VerificationReport.StatusChange;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the Bitstring Status List entries of a credential by the validate algorithm of W3C Bitstring Status List
 * v1.0: lists on this server are read directly, lists elsewhere are fetched over HTTPS (when the operator allows it),
 * and every list's own proof and issuer are checked before its bits are believed. A malformed entry makes the
 * credential malformed; a list that cannot be read or trusted leaves its status unknown.
 */
@Component
class StatusChecks {

    /** The fewest entries a list may have (section 3.2): fewer would single out the credentials in it. */
    static final int MINIMUM_ENTRIES = 131_072;

    // A list is anyone's input once it comes from the network; 16 MiB is 128 times the minimum list.
    private static final int MAX_INFLATED_BYTES = 16 * 1024 * 1024;

    /** One entry's check, and what it means for the verdict. */
    record Result(
            Check check,
            @Nullable Verdict verdict,
            @Nullable StatusChange change) {}

    /**
     * A status list credential, and its id when it is one of this server's lists; for those, what was read from this
     * exact text (its proof's verification, its bits) is kept with it.
     */
    private record StatusList(
            JsonObject credential,
            @Nullable UUID localId,
            @Nullable LocalList read) {}

    /**
     * One version of one of this server's signed lists, as read: the same text always verifies the same way and holds
     * the same bits, so its proof is verified and its bits inflated once per version, not once per credential checked
     * against it. Every check is still made on every verification; only their results over identical bytes are reused
     * (ADR 17). A new version, or a list signed again with another key, is new text and is read afresh.
     */
    private static final class LocalList {
        private final String json;
        private final JsonObject credential;
        private volatile @Nullable VerificationResult proof;
        private volatile byte @Nullable [] bits;

        LocalList(String json, JsonObject credential) {
            this.json = json;
            this.credential = credential;
        }
    }

    // Bounded: a server has few lists in use at once; the map starts over when it is full.
    private static final int MAX_LOCAL_LISTS = 256;
    private final Map<UUID, LocalList> localLists = new ConcurrentHashMap<>();

    /** Why a list's answer cannot be known; the check's outcome says whether something was wrong or just unread. */
    private static final class Unknown extends Exception {
        private final Outcome outcome;

        Unknown(Outcome outcome, String why) {
            super(why, null, false, false);
            this.outcome = outcome;
        }
    }

    private final StatusListCredentials lists;
    private final IssuedCredentials credentials;
    private final ProofVerifier proofs;
    private final RemoteDocuments remote;
    private final String prefix;

    StatusChecks(
            StatusListCredentials lists,
            IssuedCredentials credentials,
            ProofVerifier proofs,
            RemoteDocuments remote,
            CredentialDocuments documents) {
        this.lists = lists;
        this.credentials = credentials;
        this.proofs = proofs;
        this.remote = remote;
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
        var recorded = recordedSuspension(credential, entries);
        if (recorded != null) {
            results.add(recorded);
        }
        return results;
    }

    /**
     * An Open Badges credential of this server carries only its revocation entry unless its organization publishes
     * suspension entries (ADR 15); its suspension is then read from the record Credo keeps, and said so. Only a
     * credential whose revocation entry is exactly its stored slot counts as one of ours.
     */
    private @Nullable Result recordedSuspension(JsonObject credential, List<JsonValue> entries) {
        StatusSlot revocation = null;
        for (var value : entries) {
            if (value instanceof JsonObject entry && entry.get("statusPurpose") instanceof JsonString purpose) {
                if (purpose.getString().equals("suspension")) {
                    return null;
                }
                if (purpose.getString().equals("revocation")
                        && entry.get("statusListCredential") instanceof JsonString url
                        && url.getString().startsWith(prefix)
                        && entry.get("statusListIndex") instanceof JsonString index
                        && index.getString().matches("[0-9]{1,9}")) {
                    try {
                        revocation = new StatusSlot(
                                UUID.fromString(url.getString().substring(prefix.length())),
                                Integer.parseInt(index.getString()),
                                StatusPurpose.REVOCATION);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
        }
        var stored = revocation == null ? null : ours(credential, revocation);
        if (stored == null) {
            return null;
        }
        var name = "Status: suspension";
        if (stored.state() != IssuedCredential.State.SUSPENDED) {
            return new Result(
                    new Check(name, PASSED, "Not suspended, by the record of this server, which issued it."),
                    null,
                    null);
        }
        var at = credentials.history(stored.organizationId(), stored.id()).stream()
                .filter(h -> h.action().equals("Suspended"))
                .map(IssuedCredentials.HistoryEntry::occurredAt)
                .reduce((first, second) -> second)
                .orElse(null);
        var words = Verdict.SUSPENDED.headline() + (at == null ? "" : " on " + at) + ": " + stored.stateReason()
                + " (recorded by this server, which issued it; the credential carries no suspension entry, so"
                + " other verifiers do not see the suspension).";
        return new Result(
                new Check(name, FAILED, words),
                Verdict.SUSPENDED,
                new StatusChange(StatusPurpose.SUSPENSION.id(), at, stored.stateReason()));
    }

    private Result entry(JsonObject credential, JsonValue value, @Nullable String issuerId) {
        if (!(value instanceof JsonObject object)) {
            return malformed("Status", "A credentialStatus entry must be an object.");
        }
        var type = CredentialVerifier.strings(object.get("type"));
        var purpose = object.get("statusPurpose") instanceof JsonString p ? p.getString() : "unknown";
        var name = "Status: " + purpose;
        if (!type.contains(StatusEntry.TYPE)) {
            return unknown(
                    "Status",
                    NOT_CHECKED,
                    "A status entry of type " + (type.isEmpty() ? "(none)" : String.join(", ", type))
                            + " is not a BitstringStatusListEntry, which is all Credo reads; this status is unknown.");
        }
        StatusEntry entry;
        try {
            entry = StatusEntry.parse(object);
        } catch (IllegalArgumentException e) {
            return malformed(name, "The " + purpose + " status entry is malformed. " + e.getMessage());
        }
        try {
            var list = list(entry);
            return read(credential, entry, list, issuerId, name);
        } catch (Unknown e) {
            return unknown(name, e.outcome, e.getMessage());
        }
    }

    private StatusList list(StatusEntry entry) throws Unknown {
        var url = entry.listUrl();
        if (url.startsWith(prefix)) {
            UUID id;
            try {
                id = UUID.fromString(url.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                throw new Unknown(FAILED, "The status list " + url + " does not exist on this server.");
            }
            var signed = lists.current(id)
                    .orElseThrow(
                            () -> new Unknown(FAILED, "The status list " + url + " does not exist on this server."));
            var read = localLists.get(id);
            if (read == null || !read.json.equals(signed.json())) {
                read = new LocalList(signed.json(), object(signed.json(), url));
                if (localLists.size() >= MAX_LOCAL_LISTS) {
                    localLists.clear();
                }
                localLists.put(id, read);
            }
            return new StatusList(read.credential, id, read);
        }
        String body;
        try {
            body = remote.fetch(URI.create(url), RemoteDocuments.Kind.STATUS_LIST);
        } catch (FetchFailure e) {
            throw new Unknown(
                    NOT_CHECKED,
                    "The " + entry.purpose() + " list at " + url
                            + (e.reason() == FetchFailure.Reason.DISABLED
                                    ? " was not fetched: "
                                    : " could not be fetched: ")
                            + e.getMessage() + ". Whether the credential is " + past(entry.purpose()) + " is unknown.");
        } catch (IllegalArgumentException e) {
            throw new Unknown(FAILED, "The status list URL " + url + " is not a URL Credo can fetch.");
        }
        return new StatusList(object(body, url), null, null);
    }

    private Result read(
            JsonObject credential, StatusEntry entry, StatusList list, @Nullable String issuerId, String name)
            throws Unknown {
        var document = list.credential();
        var url = entry.listUrl();
        if (!CredentialVerifier.strings(document.get("type")).contains("BitstringStatusListCredential")) {
            throw new Unknown(FAILED, "The document at " + url + " is not a BitstringStatusListCredential.");
        }
        var listIssuer = Facts.issuerId(document);
        if (!Objects.equals(listIssuer, issuerId)) {
            throw new Unknown(
                    FAILED,
                    "The status list at " + url + " was issued by " + listIssuer + ", not by the credential's issuer "
                            + issuerId + ", so its answer cannot be trusted.");
        }
        var signer = foreignSigner(document, listIssuer);
        if (signer != null) {
            throw new Unknown(
                    FAILED,
                    "The status list at " + url + " is signed with a key of " + signer + ", not of its issuer "
                            + listIssuer + ", so its answer cannot be trusted.");
        }
        var verification = list.read() == null ? null : list.read().proof;
        if (verification == null) {
            verification = proofs.verify(document);
            if (list.read() != null) {
                list.read().proof = verification;
            }
        }
        if (!verification.verified()) {
            throw new Unknown(
                    FAILED,
                    "The status list's own signature does not verify ("
                            + verification.failures().get(0).message() + "), so its answer cannot be trusted.");
        }
        expiry(document, url);
        if (!(document.get("credentialSubject") instanceof JsonObject subject)) {
            throw new Unknown(FAILED, "The status list at " + url + " has no credentialSubject.");
        }
        var purposes = CredentialVerifier.strings(subject.get("statusPurpose"));
        if (!purposes.contains(entry.purpose())) {
            throw new Unknown(
                    FAILED,
                    "The status list at " + url + " is for " + (purposes.isEmpty() ? "no stated purpose" : purposes)
                            + ", not for " + entry.purpose() + ".");
        }
        byte[] bits = list.read() == null ? null : list.read().bits;
        try {
            if (bits == null) {
                bits = Bitstring.decode(
                        subject.get("encodedList") instanceof JsonString encoded ? encoded.getString() : "",
                        MAX_INFLATED_BYTES);
                if (list.read() != null) {
                    list.read().bits = bits;
                }
            }
        } catch (IllegalArgumentException e) {
            throw new Unknown(
                    FAILED,
                    "The encodedList of the status list at " + url + " cannot be read: " + e.getMessage() + ".");
        }
        long size = bits.length * 8L / entry.size();
        if (size < MINIMUM_ENTRIES) {
            throw new Unknown(
                    FAILED,
                    "The status list at " + url + " has room for " + size + " entries; Bitstring Status List requires"
                            + " at least 131,072, so that a list does not single out the credentials in it.");
        }
        if (entry.index().compareTo(BigInteger.valueOf(size)) >= 0) {
            throw new Unknown(
                    FAILED,
                    "Its statusListIndex " + entry.index() + " is beyond the end of the status list at " + url
                            + ", which has " + size + " entries.");
        }
        int value = Bitstring.value(bits, entry.index().longValueExact(), entry.size());
        return outcome(credential, entry, list, value, name);
    }

    private Result outcome(JsonObject credential, StatusEntry entry, StatusList list, int value, String name) {
        var purpose = entry.purpose();
        var where = (list.localId() != null ? "this server's signed " : "the signed ") + purpose + " list";
        var words = entry.messages().isEmpty() ? "" : " (its issuer's message: \"" + entry.message(value) + "\")";
        if (value == 0) {
            var what = purpose.equals("revocation") || purpose.equals("suspension")
                    ? "Not " + past(purpose)
                    : "Its " + purpose + " status is clear";
            return new Result(
                    new Check(name, PASSED, what + ": its entry in " + where + " is clear" + words + "."), null, null);
        }
        return switch (purpose) {
            case "revocation" ->
                changed(credential, StatusPurpose.REVOCATION, entry, list, name, Verdict.REVOKED, words);
            case "suspension" ->
                changed(credential, StatusPurpose.SUSPENSION, entry, list, name, Verdict.SUSPENDED, words);
            case "message" ->
                new Result(
                        new Check(
                                name,
                                WARNING,
                                "Its issuer's status message: \"" + entry.message(value) + "\" (value 0x"
                                        + Integer.toHexString(value) + " in " + where + ")."),
                        null,
                        null);
            default ->
                new Result(
                        new Check(
                                name,
                                WARNING,
                                "Its " + purpose + " status is set (value 0x" + Integer.toHexString(value) + words
                                        + "); Credo does not interpret this purpose."),
                        null,
                        null);
        };
    }

    private Result changed(
            JsonObject credential,
            StatusPurpose purpose,
            StatusEntry entry,
            StatusList list,
            String name,
            Verdict verdict,
            String words) {
        Instant at = null;
        String reason = null;
        var stored = list.localId() == null
                ? null
                : ours(credential, new StatusSlot(list.localId(), entry.index().intValueExact(), purpose));
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
        var text = new StringBuilder(verdict.headline());
        if (at != null) {
            text.append(" on ").append(at);
        }
        if (reason != null) {
            text.append(": ").append(reason);
        } else {
            text.append(" by its issuer")
                    .append(
                            list.localId() == null
                                    ? ", says its signed " + entry.purpose() + " list at " + entry.listUrl()
                                    : "")
                    .append(words)
                    .append('.');
        }
        return new Result(
                new Check(name, FAILED, text.toString()), verdict, new StatusChange(purpose.id(), at, reason));
    }

    // One of ours only if the stored credential has exactly this slot: an id alone proves nothing.
    private @Nullable IssuedCredential ours(JsonObject credential, StatusSlot slot) {
        var id = credential.get("id") instanceof JsonString value ? value.getString() : null;
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

    /** The DID of a proof's key when it is not the list's issuer; anyone can sign a list that names someone else. */
    private static @Nullable String foreignSigner(JsonObject document, @Nullable String issuer) {
        var proof = document.get("proof");
        List<JsonValue> all = proof instanceof JsonArray array ? array : proof == null ? List.of() : List.of(proof);
        for (var p : all) {
            if (p instanceof JsonObject object && object.get("verificationMethod") instanceof JsonString method) {
                var did = method.getString().split("#", 2)[0];
                if (!did.equals(issuer)) {
                    return did;
                }
            }
        }
        return null;
    }

    private static void expiry(JsonObject document, String url) throws Unknown {
        try {
            var until = CredentialVerifier.instant(document, "validUntil");
            if (until != null && until.isBefore(Instant.now())) {
                throw new Unknown(FAILED, "The status list at " + url + " expired on " + until + ".");
            }
        } catch (DateTimeException | ClassCastException e) {
            throw new Unknown(FAILED, "The status list at " + url + " has a validUntil that is not a date and time.");
        }
    }

    private static JsonObject object(String json, String url) throws Unknown {
        try (var reader = CredentialVerifier.JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Unknown(FAILED, "The status list at " + url + " is not a JSON object.");
        }
    }

    private static Result malformed(String name, String why) {
        return new Result(new Check(name, FAILED, why), Verdict.MALFORMED, null);
    }

    private static Result unknown(String name, Outcome outcome, String why) {
        return new Result(new Check(name, outcome, why), Verdict.STATUS_UNKNOWN, null);
    }

    private static String past(String purpose) {
        return switch (purpose) {
            case "revocation" -> "revoked";
            case "suspension" -> "suspended";
            default -> "flagged";
        };
    }
}
