package org.credo.credentials.issuance;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.GeneralCredentialIssued;
import org.credo.credentials.issuer.Issuer;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.ProofSigner;
import org.credo.credentials.signing.SigningException;
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

/**
 * Signs credentials that are not Open Badges, sent through the VC-API, for organizations that allow them. The
 * caller's credential is kept as sent; Credo adds an id, its issuer, a start date and, unless the caller brought its
 * own, revocation, suspension and notice (a two-bit message list) entries (VC 2.0 only: the VC 1.1 context has no
 * status terms).
 */
@Service
public class GeneralIssuance {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String DATA_INTEGRITY_CONTEXT = "https://w3id.org/security/data-integrity/v2";

    private final Issuers issuers;
    private final StatusLists statusLists;
    private final CredentialDocuments documents;
    private final ProofSigner signer;
    private final GeneralCredentials credentials;
    private final ApplicationEventPublisher events;

    GeneralIssuance(
            Issuers issuers,
            StatusLists statusLists,
            CredentialDocuments documents,
            ProofSigner signer,
            GeneralCredentials credentials,
            ApplicationEventPublisher events) {
        this.issuers = issuers;
        this.statusLists = statusLists;
        this.documents = documents;
        this.signer = signer;
        this.credentials = credentials;
        this.events = events;
    }

    /**
     * Checks, completes, signs and records a credential.
     *
     * @throws ProblemException 400 naming the property that breaks the data model (nothing allocated), 403 when the
     *     organization does not issue general credentials
     */
    @Transactional
    public JsonObject issue(UUID organizationId, JsonObject credential, Cryptosuite suite, String issuedBy) {
        var version = DataModelRules.check(credential, "credential");
        if (!issuers.policy(organizationId).generalCredentials()) {
            throw ProblemException.forbidden("This organization issues only Open Badges. An administrator can allow"
                    + " general credentials under Issuer keys and DIDs (/manage/issuer).");
        }
        var issuer = issuers.issuer(organizationId);
        requireIssuer(credential.get("issuer"), issuer);
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        var ownStatus = credential.containsKey("credentialStatus");
        var unsigned = complete(credential, version, id, issuer, now);
        // Expanded and signed once before anything is allocated: a document JSON-LD refuses costs no status index.
        sign(unsigned, Cryptosuite.RDFC, issuer, now);
        StatusSlot revocation = null;
        StatusSlot suspension = null;
        StatusSlot notice = null;
        if (!ownStatus && version == DataModelRules.Version.V2_0) {
            revocation = statusLists
                    .allocate(organizationId, issuer.id(), StatusPurpose.REVOCATION, 1)
                    .get(0);
            suspension = statusLists
                    .allocate(organizationId, issuer.id(), StatusPurpose.SUSPENSION, 1)
                    .get(0);
            notice = statusLists
                    .allocate(organizationId, issuer.id(), StatusPurpose.MESSAGE, 1)
                    .get(0);
            unsigned = JSON.createObjectBuilder(unsigned)
                    .add(
                            "credentialStatus",
                            JSON.createArrayBuilder()
                                    .add(documents.statusEntry(revocation))
                                    .add(documents.statusEntry(suspension))
                                    .add(documents.statusEntry(notice)))
                    .build();
        }
        var signed = sign(unsigned, suite, issuer, now);
        var types = strings(signed.get("type"));
        var dataModel = version == DataModelRules.Version.V1_1 ? "1.1" : "2.0";
        credentials.insert(
                id,
                organizationId,
                signed.getString("id"),
                String.join(" ", types),
                version,
                suite.id(),
                revocation,
                suspension,
                notice,
                now,
                issuedBy,
                signed.toString());
        events.publishEvent(new GeneralCredentialIssued(
                ChangeStamp.now(organizationId), id, signed.getString("id"), types, dataModel, suite.id()));
        return signed;
    }

    /**
     * Sets one status of a general credential Credo issued (the VC-API status call): revocation (final), suspension
     * (true or false), or the notice value of its message entry.
     */
    @Transactional
    public void updateStatus(UUID organizationId, String credentialId, StatusPurpose purpose, int value) {
        var credential = credentials
                .lock(organizationId, credentialId)
                .orElseThrow(() -> ProblemException.notFound("A credential with this id issued by this organization"));
        var slot = switch (purpose) {
            case REVOCATION -> credential.revocation();
            case SUSPENSION -> credential.suspension();
            case MESSAGE -> credential.notice();
        };
        if (slot == null) {
            throw ProblemException.conflict(
                    "No such status entry",
                    "This credential has no Credo " + purpose.id()
                            + " entry (it brought its own status, or is VC 1.1).");
        }
        if (credential.status().equals("REVOKED")) {
            throw ProblemException.conflict("Revoked", "This credential is revoked; its status cannot change.");
        }
        if (purpose == StatusPurpose.REVOCATION && value == 0) {
            throw ProblemException.invalidField("credentialStatus.status", "revocation cannot be undone.");
        }
        statusLists.setValue(organizationId, slot, value);
        if (purpose != StatusPurpose.MESSAGE) {
            credentials.setStatus(
                    credential.id(),
                    purpose == StatusPurpose.REVOCATION ? "REVOKED" : value == 1 ? "SUSPENDED" : "ACTIVE");
        }
        events.publishEvent(new org.credo.credentials.GeneralCredentialStatusChanged(
                ChangeStamp.now(organizationId), credential.id(), credentialId, purpose.id(), value));
    }

    private static void requireIssuer(@Nullable JsonValue sent, Issuer issuer) {
        var id = sent instanceof JsonString s ? s.getString() : sent instanceof JsonObject o ? o.getString("id") : null;
        if (sent != null && !issuer.id().equals(id)) {
            throw ProblemException.invalidField(
                    "credential.issuer",
                    "Credo signs as " + issuer.id() + "; set the issuer (or issuer.id) to it, or leave it out.");
        }
    }

    private static JsonObject complete(
            JsonObject credential, DataModelRules.Version version, UUID id, Issuer issuer, Instant now) {
        var builder = JSON.createObjectBuilder(credential);
        if (!credential.containsKey("id")) {
            builder.add("id", "urn:uuid:" + id);
        }
        if (!credential.containsKey("issuer")) {
            builder.add("issuer", issuer.id());
        }
        var time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
        if (version == DataModelRules.Version.V1_1) {
            if (!credential.containsKey("issuanceDate")) {
                builder.add("issuanceDate", time);
            }
            // The VC 1.1 context does not define DataIntegrityProof; its own context does.
            var contexts = credential.getJsonArray("@context");
            if (!contexts.contains(JSON.createValue(DATA_INTEGRITY_CONTEXT))) {
                builder.add("@context", JSON.createArrayBuilder(contexts).add(DATA_INTEGRITY_CONTEXT));
            }
        } else if (!credential.containsKey("validFrom")) {
            builder.add("validFrom", time);
        }
        return builder.build();
    }

    private JsonObject sign(JsonObject document, Cryptosuite suite, Issuer issuer, Instant now) {
        try {
            return signer.sign(document, suite, issuer.key(), issuer.verificationMethod(), now);
        } catch (SigningException e) {
            throw ProblemException.badRequest("Cannot sign this credential", e.getMessage());
        }
    }

    private static List<String> strings(@Nullable JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        return value instanceof JsonArray array
                ? array.stream()
                        .filter(JsonString.class::isInstance)
                        .map(v -> ((JsonString) v).getString())
                        .toList()
                : List.of();
    }
}
