package org.credo.credentials.issuance;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.credo.credentials.CredentialIssued;
import org.credo.credentials.CredentialReinstated;
import org.credo.credentials.CredentialReplaced;
import org.credo.credentials.CredentialRevoked;
import org.credo.credentials.CredentialSuspended;
import org.credo.credentials.CredentialsIssued;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuer.Issuer;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.ProofSigner;
import org.credo.credentials.status.StatusLists;
import org.credo.credentials.status.StatusPurpose;
import org.credo.credentials.status.StatusSlot;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues credentials and carries them through suspension, revocation and replacement. */
@Service
public class Issuance {

    /** Batches at least this large are signed on all cores. */
    private static final int PARALLEL_FROM = 16;

    private final Issuers issuers;
    private final Achievements achievements;
    private final StatusLists statusLists;
    private final CredentialDocuments documents;
    private final ProofSigner signer;
    private final IssuedCredentials credentials;
    private final ApplicationEventPublisher events;

    Issuance(
            Issuers issuers,
            Achievements achievements,
            StatusLists statusLists,
            CredentialDocuments documents,
            ProofSigner signer,
            IssuedCredentials credentials,
            ApplicationEventPublisher events) {
        this.issuers = issuers;
        this.achievements = achievements;
        this.statusLists = statusLists;
        this.documents = documents;
        this.signer = signer;
        this.credentials = credentials;
        this.events = events;
    }

    /** One credential; with an idempotency key, a repeated request returns the first credential instead of a second. */
    @Transactional
    public IssuedCredential issue(
            UUID organizationId, IssueRequest request, String issuedBy, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = credentials.findByIdempotencyKey(organizationId, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return issueAll(
                        organizationId,
                        List.of(request),
                        issuedBy,
                        idempotencyKey == null ? null : List.of(idempotencyKey),
                        null)
                .get(0);
    }

    /**
     * Many credentials in one transaction: status indices are allocated in one pass per list, every
     * credential is signed, and all are stored or none.
     */
    @Transactional
    public List<IssuedCredential> issueAll(
            UUID organizationId,
            List<IssueRequest> requests,
            String issuedBy,
            @Nullable List<String> idempotencyKeys,
            @Nullable UUID replaces) {
        var issuer = issuers.issuer(organizationId);
        var suspensionEntry = issuers.policy(organizationId).suspensionEntries();
        var now = Timestamps.now();
        // Achievements are looked up on this thread (it holds the transaction); signing then runs in parallel.
        var resolved = new Achievement[requests.size()];
        Achievement achievement = null;
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            if (achievement == null || !achievement.id().equals(request.achievementId())) {
                achievement = achievements
                        .find(organizationId, request.achievementId())
                        .orElseThrow(() -> ProblemException.invalidField(
                                "achievementId", "no achievement of this organization has this id."));
            }
            if (!achievement.issuable()) {
                throw ProblemException.conflict(
                        "Achievement not published",
                        achievement.content().name() + " version " + achievement.version() + " is "
                                + achievement.status().name().toLowerCase()
                                + "; publish it (or issue its published version) first.");
            }
            resolved[i] = achievement;
        }
        // Indices are taken only once every request names an issuable achievement; the list stays locked to commit.
        var revocations = statusLists.allocate(organizationId, issuer.id(), StatusPurpose.REVOCATION, requests.size());
        var suspensions = statusLists.allocate(organizationId, issuer.id(), StatusPurpose.SUSPENSION, requests.size());
        var signed = new IssuedCredential[requests.size()];
        var indices = IntStream.range(0, requests.size());
        (requests.size() >= PARALLEL_FROM ? indices.parallel() : indices)
                .forEach(i -> signed[i] = credential(
                        organizationId,
                        issuer,
                        resolved[i],
                        requests.get(i),
                        revocations.get(i),
                        suspensions.get(i),
                        now,
                        issuedBy,
                        replaces,
                        suspensionEntry));
        var issued = List.of(signed);
        credentials.insertAll(
                issued,
                idempotencyKeys,
                requests.stream().map(r -> r.recipient().did()).toList());
        credentials.historyAll(issued, issuedBy, "Issued", replaces == null ? null : "Replaces " + replaces);
        // One event for the batch: its audit entries are appended together, its emails stored together.
        events.publishEvent(new CredentialsIssued(issued.stream()
                .map(credential -> new CredentialIssued(
                        ChangeStamp.now(organizationId),
                        credential.id(),
                        credential.achievementName(),
                        credential.recipientName(),
                        credential.cryptosuite()))
                .toList()));
        return issued;
    }

    /** Builds and signs one credential; touches no database, so it may run on any thread. */
    private IssuedCredential credential(
            UUID organizationId,
            Issuer issuer,
            Achievement achievement,
            IssueRequest request,
            StatusSlot revocation,
            StatusSlot suspension,
            Instant now,
            String issuedBy,
            @Nullable UUID replaces,
            boolean suspensionEntry) {
        var id = UUID.randomUUID();
        var validFrom = request.validFrom() == null ? now : request.validFrom();
        JsonObject unsigned =
                documents.build(id, issuer, achievement, request, validFrom, revocation, suspension, suspensionEntry);
        JsonObject signed = signer.sign(unsigned, request.suite(), issuer.key(), issuer.verificationMethod(), now);
        return new IssuedCredential(
                id,
                organizationId,
                achievement.id(),
                achievement.content().name(),
                request.recipient().name().trim(),
                request.recipient().email().trim().toLowerCase(java.util.Locale.ROOT),
                request.recipient().identifier(),
                request.suite().id(),
                IssuedCredential.State.ACTIVE,
                null,
                revocation,
                suspension,
                validFrom,
                request.validUntil(),
                now,
                issuedBy,
                null,
                replaces,
                signed.toString());
    }

    /**
     * Signs a credential a caller composed (the VC-API issue call) after Credo adds its issuer, id and
     * status entries; it is stored and managed like every other credential.
     */
    @Transactional
    public IssuedCredential issueDocument(
            UUID organizationId,
            JsonObject credential,
            Achievement achievement,
            org.credo.credentials.signing.Cryptosuite suite,
            String recipientName,
            String recipientEmail,
            String issuedBy) {
        if (!achievement.issuable()) {
            throw ProblemException.conflict(
                    "Achievement not published", achievement.content().name() + " is not published.");
        }
        if (DataModelRules.check(credential, "credential") != DataModelRules.Version.V2_0) {
            throw ProblemException.invalidField(
                    "credential.@context", "an Open Badges 3.0 credential follows VC Data Model 2.0.");
        }
        if (credential.containsKey("credentialStatus")) {
            throw ProblemException.invalidField(
                    "credential.credentialStatus", "leave it out; Credo allocates status entries.");
        }
        if (credential.getJsonObject("credentialSubject").get("achievement") instanceof JsonObject sent) {
            var differences = documents.achievementDifferences(sent, achievement);
            if (!differences.isEmpty()) {
                throw ProblemException.invalidField(
                        "credential.credentialSubject.achievement",
                        String.join(", ", differences)
                                + " differ from the published achievement; send only its id (Credo embeds the"
                                + " achievement as published) or the same content.");
            }
        }
        var issuer = issuers.issuer(organizationId);
        var suspensionEntry = issuers.policy(organizationId).suspensionEntries();
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        var placeholder = new StatusSlot(new UUID(0, 0), 0, StatusPurpose.REVOCATION);
        // Signed once before anything is allocated, so that a document JSON-LD refuses costs no status index.
        trySign(
                documents.complete(credential, id, issuer, achievement, now, placeholder, placeholder, false),
                suite,
                issuer,
                now);
        var revocation = statusLists
                .allocate(organizationId, issuer.id(), StatusPurpose.REVOCATION, 1)
                .get(0);
        var suspension = statusLists
                .allocate(organizationId, issuer.id(), StatusPurpose.SUSPENSION, 1)
                .get(0);
        var signed = trySign(
                documents.complete(credential, id, issuer, achievement, now, revocation, suspension, suspensionEntry),
                suite,
                issuer,
                now);
        var validFrom = java.util.Objects.requireNonNullElse(DataModelRules.instant(signed, "validFrom"), now);
        var validUntil = DataModelRules.instant(signed, "validUntil");
        var issued = new IssuedCredential(
                id,
                organizationId,
                achievement.id(),
                achievement.content().name(),
                recipientName,
                recipientEmail,
                null,
                suite.id(),
                IssuedCredential.State.ACTIVE,
                null,
                revocation,
                suspension,
                validFrom,
                validUntil,
                now,
                issuedBy,
                null,
                null,
                signed.toString());
        var subject = signed.get("credentialSubject") instanceof jakarta.json.JsonObject object ? object : null;
        var subjectId = subject != null && subject.get("id") instanceof jakarta.json.JsonString subjectIdValue
                ? subjectIdValue.getString()
                : null;
        credentials.insert(issued, null, subjectId != null && subjectId.startsWith("did:") ? subjectId : null);
        credentials.history(id, issuedBy, "Issued", "through the VC-API");
        events.publishEvent(new CredentialIssued(
                ChangeStamp.now(organizationId), id, achievement.content().name(), recipientName, suite.id()));
        return issued;
    }

    /** Revokes for good; the reason is recorded and shown to verifiers as "revoked". */
    @Transactional
    public IssuedCredential revoke(UUID organizationId, UUID credentialId, String reason) {
        var credential = locked(organizationId, credentialId);
        requireReason(reason);
        if (credential.state() == IssuedCredential.State.REVOKED) {
            throw ProblemException.conflict(
                    "Already revoked", "This credential was revoked already; revocation cannot be undone.");
        }
        statusLists.set(organizationId, credential.revocation(), true);
        if (credential.state() == IssuedCredential.State.SUSPENDED) {
            statusLists.set(organizationId, credential.suspension(), false);
        }
        credentials.setState(credentialId, IssuedCredential.State.REVOKED, reason.trim());
        credentials.history(credentialId, actor(), "Revoked", reason.trim());
        events.publishEvent(new CredentialRevoked(ChangeStamp.now(organizationId), credentialId, reason.trim()));
        return credentials.find(organizationId, credentialId).orElseThrow();
    }

    /** Suspends until lifted; verifiers see "suspended". */
    @Transactional
    public IssuedCredential suspend(UUID organizationId, UUID credentialId, String reason) {
        var credential = locked(organizationId, credentialId);
        requireReason(reason);
        if (credential.state() != IssuedCredential.State.ACTIVE) {
            throw ProblemException.conflict(
                    "Not active",
                    "Only an active credential can be suspended; this one is "
                            + credential.state().name().toLowerCase() + ".");
        }
        statusLists.set(organizationId, credential.suspension(), true);
        credentials.setState(credentialId, IssuedCredential.State.SUSPENDED, reason.trim());
        credentials.history(credentialId, actor(), "Suspended", reason.trim());
        events.publishEvent(new CredentialSuspended(ChangeStamp.now(organizationId), credentialId, reason.trim()));
        return credentials.find(organizationId, credentialId).orElseThrow();
    }

    /** Lifts a suspension. */
    @Transactional
    public IssuedCredential reinstate(UUID organizationId, UUID credentialId, String reason) {
        var credential = locked(organizationId, credentialId);
        requireReason(reason);
        if (credential.state() != IssuedCredential.State.SUSPENDED) {
            throw ProblemException.conflict("Not suspended", "Only a suspended credential can be reinstated.");
        }
        statusLists.set(organizationId, credential.suspension(), false);
        credentials.setState(credentialId, IssuedCredential.State.ACTIVE, null);
        credentials.history(credentialId, actor(), "Reinstated", reason.trim());
        events.publishEvent(new CredentialReinstated(ChangeStamp.now(organizationId), credentialId, reason.trim()));
        return credentials.find(organizationId, credentialId).orElseThrow();
    }

    /** Reissues with corrections; the old credential is revoked as superseded and linked to the new one. */
    @Transactional
    public IssuedCredential replace(
            UUID organizationId, UUID credentialId, IssueRequest corrected, String reason, String issuedBy) {
        var old = locked(organizationId, credentialId);
        requireReason(reason);
        if (old.state() == IssuedCredential.State.REVOKED) {
            throw ProblemException.conflict(
                    "Already revoked", "A revoked credential cannot be replaced; issue a new one.");
        }
        var replacement = issueAll(organizationId, List.of(corrected), issuedBy, null, credentialId)
                .get(0);
        revoke(organizationId, credentialId, "Superseded by " + replacement.id() + ": " + reason.trim());
        credentials.setReplacedBy(credentialId, replacement.id());
        events.publishEvent(
                new CredentialReplaced(ChangeStamp.now(organizationId), credentialId, replacement.id(), reason.trim()));
        return replacement;
    }

    private JsonObject trySign(
            JsonObject document, org.credo.credentials.signing.Cryptosuite suite, Issuer issuer, Instant now) {
        try {
            return signer.sign(document, suite, issuer.key(), issuer.verificationMethod(), now);
        } catch (org.credo.credentials.signing.SigningException e) {
            throw ProblemException.badRequest("Cannot sign this credential", e.getMessage());
        }
    }

    private static String actor() {
        return org.credo.platform.CurrentUser.find().map(u -> u.displayName()).orElse(ChangeStamp.SYSTEM);
    }

    private IssuedCredential locked(UUID organizationId, UUID credentialId) {
        return credentials
                .lock(organizationId, credentialId)
                .orElseThrow(() -> ProblemException.notFound("That credential"));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why; it is recorded in the audit trail.");
        }
        if (reason.length() > 900) {
            throw ProblemException.invalidField("reason", "keep it under 900 characters.");
        }
    }
}
