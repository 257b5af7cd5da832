package org.credo.credentials.verification;

import static org.credo.credentials.verification.VerificationReport.Outcome.FAILED;
import static org.credo.credentials.verification.VerificationReport.Outcome.NOT_CHECKED;
import static org.credo.credentials.verification.VerificationReport.Outcome.PASSED;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.issuer.KeyLookup;
import org.credo.credentials.signing.ContextStore;
import org.credo.credentials.signing.DocumentLimits;
import org.credo.credentials.signing.ProofVerifier;
import org.credo.credentials.signing.VcJwt;
import org.credo.credentials.signing.VerificationFailure;
import org.credo.credentials.signing.VerificationMethodResolver;
import org.credo.credentials.verification.VerificationReport.Check;
import org.credo.credentials.verification.VerificationReport.StatusChange;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Verifies a credential and reports every check in plain words: well-formed VC 2.0 with shipped contexts only, the
 * Data Integrity proof, the issuer's key, the validity window, the status lists, and conformance to the Open Badges
 * 3.0 schema. Only did:web documents and status lists of other servers are fetched, and only when the operator allows.
 */
@Service
public class CredentialVerifier {

    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    /** The JSON-P provider, looked up once: {@code Json.createReader} looks it up (a class path scan) on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private static final Set<String> OPEN_BADGE_TYPES = Set.of("OpenBadgeCredential", "AchievementCredential");

    private final ProofVerifier proofs;
    private final VerificationMethodResolver keys;
    private final Issuers issuers;
    private final StatusChecks status;
    private final SchemaConformance schema;
    private final ContextStore contexts = ContextStore.shipped();
    private final JwtCredentials jwt;

    CredentialVerifier(ProofVerifier proofs, Issuers issuers, StatusChecks status, SchemaConformance schema) {
        this.proofs = proofs;
        this.keys = issuers.resolver();
        this.issuers = issuers;
        this.status = status;
        this.schema = schema;
        this.jwt = new JwtCredentials(this, issuers, status);
    }

    /** Verifies a credential given as JSON text, or as a VC-JWT; malformed input is reported, never thrown. */
    public VerificationReport verify(String credentialJson) {
        if (VcJwt.looksLikeOne(credentialJson)) {
            return jwt.verify(credentialJson);
        }
        DocumentLimits.check(credentialJson, "The credential");
        JsonValue parsed;
        try (JsonReader reader = JSON.createReader(new StringReader(credentialJson))) {
            parsed = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return malformed("This is not valid JSON: " + firstLine(e.getMessage()) + ".");
        }
        if (!(parsed instanceof JsonObject credential)) {
            return malformed("A credential is a JSON object; this is JSON, but not an object.");
        }
        return verify(credential, credentialJson);
    }

    /** Verifies a parsed credential. */
    public VerificationReport verify(JsonObject credential) {
        return verify(credential, credential.toString());
    }

    private VerificationReport verify(JsonObject credential, String text) {
        DocumentLimits.check(credential, "The credential");
        var checks = new ArrayList<Check>();
        var verdicts = EnumSet.noneOf(Verdict.class);
        var facts = Facts.of(credential);

        var shape = wellFormed(credential);
        checks.add(shape);
        if (shape.outcome() != PASSED) {
            for (String name : List.of("Issuer key", "Signature", "Validity period", "Status", "Open Badges schema")) {
                checks.add(new Check(name, NOT_CHECKED, "Not checked, because the credential is not well formed."));
            }
            return new VerificationReport(Verdict.MALFORMED, checks, facts, null);
        }

        var issuerId = Facts.issuerId(credential);
        var methods = verificationMethods(credential);
        var key = issuerKey(issuerId, methods);
        checks.add(key);
        if (key.outcome() != PASSED) {
            verdicts.add(Verdict.UNKNOWN_ISSUER_KEY);
        }
        checks.add(proof(credential, methods, key, verdicts));
        checks.add(validity(credential, verdicts));

        var change = new StatusChange[1];
        for (var result : status.check(credential, issuerId)) {
            checks.add(result.check());
            if (result.verdict() != null) {
                verdicts.add(result.verdict());
            }
            if (result.change() != null && change[0] == null) {
                change[0] = result.change();
            }
        }
        checks.add(conformance(credential, text, verdicts));

        var verdict = verdicts.stream().min(Enum::compareTo).orElse(Verdict.VERIFIED);
        return new VerificationReport(verdict, checks, facts, change[0]);
    }

    Check wellFormed(JsonObject credential) {
        var name = "Well-formed credential";
        var context = credential.get("@context");
        List<JsonValue> entries =
                context instanceof JsonArray array ? array : context == null ? List.of() : List.of(context);
        if (entries.isEmpty()
                || !(entries.get(0) instanceof JsonString first)
                || !(first.getString().equals(VC_V2) || first.getString().equals(VC_V1))) {
            return new Check(
                    name,
                    FAILED,
                    "The first @context must be " + VC_V2 + " (or " + VC_V1
                            + " for VC 1.1): this is not a Verifiable Credential.");
        }
        for (var entry : entries) {
            if (entry instanceof JsonObject) {
                continue; // Terms defined inline are processed like any context; nothing is fetched for them.
            }
            if (!(entry instanceof JsonString url)) {
                return new Check(name, FAILED, "Every @context entry is a URL or a context object.");
            }
            if (!contexts.knows(url.getString())) {
                return new Check(
                        name,
                        FAILED,
                        "The credential names the context " + url.getString()
                                + ", which Credo does not ship; Credo never fetches contexts from the network.");
            }
        }
        var types = strings(credential.get("type"));
        if (types.contains("VerifiablePresentation")) {
            return new Check(
                    name, FAILED, "This is a presentation, not a credential; verify it at /presentations/verify.");
        }
        if (!types.contains("VerifiableCredential")) {
            return new Check(name, FAILED, "Its type does not include VerifiableCredential.");
        }
        if (Facts.issuerId(credential) == null) {
            return new Check(name, FAILED, "It names no issuer (an issuer id, or an issuer object with an id).");
        }
        if (!(credential.get("credentialSubject") instanceof JsonObject)
                && !(credential.get("credentialSubject") instanceof JsonArray)) {
            return new Check(name, FAILED, "It has no credentialSubject.");
        }
        return new Check(
                name,
                PASSED,
                "A Verifiable Credential " + (v1(credential) ? "1.1" : "2.0")
                        + " whose contexts Credo ships or the credential defines inline.");
    }

    private Check issuerKey(@Nullable String issuerId, List<String> methods) {
        var name = "Issuer key";
        if (methods.isEmpty()) {
            return new Check(name, NOT_CHECKED, "The credential has no proof that names a key.");
        }
        var byIssuer = methods.stream()
                .map(m -> m.contains("#") ? m.substring(0, m.indexOf('#')) : m)
                .anyMatch(did -> did.equals(issuerId));
        if (!byIssuer) {
            var did = methods.get(0).contains("#")
                    ? methods.get(0).substring(0, methods.get(0).indexOf('#'))
                    : methods.get(0);
            return new Check(
                    name,
                    FAILED,
                    "It was signed with a key of " + did + ", which is not its issuer " + issuerId
                            + "; anyone could have signed it.");
        }
        // Other proofs (a proof chain or set: an endorser, a notary) must verify too, with their own keys.
        String remote = null;
        for (var method : methods) {
            var did = method.contains("#") ? method.substring(0, method.indexOf('#')) : method;
            if (did.startsWith("did:key:")) {
                if (keys.publicKey(method).isEmpty()) {
                    return new Check(name, FAILED, "The did:key " + did + " is not a valid Ed25519 key.");
                }
                continue;
            }
            if (did.startsWith("did:web:") && issuers.isLocal(did)) {
                if (keys.publicKey(method).isEmpty()) {
                    return new Check(
                            name,
                            FAILED,
                            "The issuer is on this server, but this server publishes no key " + method
                                    + " (it may never have existed, or was retired).");
                }
                continue;
            }
            if (did.startsWith("did:web:")) {
                var lookup = issuers.remoteKey(method);
                if (lookup instanceof KeyLookup.Unreachable unreachable) {
                    return new Check(name, NOT_CHECKED, "The issuer's key is unknown. " + unreachable.why());
                }
                if (lookup instanceof KeyLookup.Missing missing) {
                    return new Check(name, FAILED, "The issuer's key is unknown. " + missing.why());
                }
                remote = ((KeyLookup.Found) lookup).source();
                continue;
            }
            return new Check(
                    name, NOT_CHECKED, "Credo resolves only did:key and did:web identifiers, not " + did + ".");
        }
        if (remote != null) {
            return new Check(
                    name, PASSED, "The issuer is on another server; its key was read over HTTPS from " + remote + ".");
        }
        var local = issuerId != null && issuers.isLocal(issuerId);
        return new Check(
                name,
                PASSED,
                issuerId != null && issuerId.startsWith("did:key:")
                        ? "The issuer's key is its identifier (did:key), read without any network"
                                + (local ? "; it is a key of this server." : ".")
                        : "The issuer is on this server; its key was read from this server's own published keys.");
    }

    private Check proof(JsonObject credential, List<String> methods, Check key, Set<Verdict> verdicts) {
        var name = "Signature";
        if (methods.isEmpty() && !credential.containsKey("proof")) {
            verdicts.add(Verdict.MALFORMED);
            return new Check(name, FAILED, "The credential has no proof: it is not signed.");
        }
        if (key.outcome() == NOT_CHECKED && !methods.isEmpty()) {
            return new Check(name, NOT_CHECKED, "Without the issuer's key the signature cannot be checked.");
        }
        var result = proofs.verify(credential);
        if (result.verified()) {
            return new Check(
                    name,
                    PASSED,
                    "The signature (" + String.join(", ", cryptosuites(credential))
                            + ") matches: the credential is exactly as its issuer signed it.");
        }
        var failure = result.failures().get(0);
        verdicts.add(verdictOf(failure.reason()));
        return new Check(name, FAILED, explain(failure));
    }

    private static Verdict verdictOf(VerificationFailure.Reason reason) {
        return switch (reason) {
            case BAD_SIGNATURE, INVALID_DOCUMENT -> Verdict.TAMPERED;
            case UNKNOWN_VERIFICATION_METHOD -> Verdict.UNKNOWN_ISSUER_KEY;
            case NO_PROOF, MALFORMED_PROOF, MALFORMED_PROOF_VALUE, UNSUPPORTED_CRYPTOSUITE, UNKNOWN_CONTEXT ->
                Verdict.MALFORMED;
        };
    }

    private static String explain(VerificationFailure failure) {
        return switch (failure.reason()) {
            case BAD_SIGNATURE ->
                "Tampered: the signature does not match, so the credential was changed after it was signed"
                        + " (or signed with another key).";
            case INVALID_DOCUMENT -> "Tampered: the signed content cannot be read back (" + failure.message() + ").";
            case UNKNOWN_VERIFICATION_METHOD -> "Unknown key: " + failure.message() + ".";
            case UNSUPPORTED_CRYPTOSUITE -> "Unsupported proof: " + failure.message() + ".";
            case UNKNOWN_CONTEXT -> "Unknown context: " + failure.message() + ".";
            case NO_PROOF -> "The credential has no proof: it is not signed.";
            case MALFORMED_PROOF, MALFORMED_PROOF_VALUE -> "The proof is malformed: " + failure.message() + ".";
        };
    }

    static Check validity(JsonObject credential, Set<Verdict> verdicts) {
        var name = "Validity period";
        Instant from;
        Instant until;
        try {
            from = instant(credential, v1(credential) ? "issuanceDate" : "validFrom");
            until = instant(credential, v1(credential) ? "expirationDate" : "validUntil");
        } catch (DateTimeParseException | ClassCastException e) {
            verdicts.add(Verdict.MALFORMED);
            return new Check(
                    name, FAILED, "validFrom or validUntil is not a date and time (like 2026-06-01T12:00:00Z).");
        }
        var now = Instant.now();
        if (from != null && from.isAfter(now)) {
            verdicts.add(Verdict.NOT_YET_VALID);
            return new Check(name, FAILED, "Not yet valid: it is valid only from " + from + ".");
        }
        if (until != null && until.isBefore(now)) {
            verdicts.add(Verdict.EXPIRED);
            return new Check(name, FAILED, "Expired: it was valid until " + until + ".");
        }
        return new Check(
                name,
                PASSED,
                (from == null ? "It states no start" : "Valid since " + from)
                        + (until == null ? ", with no end." : ", until " + until + "."));
    }

    Check conformance(JsonObject credential, String text, Set<Verdict> verdicts) {
        var name = "Open Badges schema";
        var types = strings(credential.get("type"));
        var kind = types.contains("EndorsementCredential")
                ? SchemaConformance.Kind.ENDORSEMENT
                : types.stream().anyMatch(OPEN_BADGE_TYPES::contains) ? SchemaConformance.Kind.ACHIEVEMENT : null;
        if (kind == null) {
            return new Check(
                    name, NOT_CHECKED, "Not an Open Badges credential, so there is no Open Badges schema to check.");
        }
        var violations = schema.violations(text, kind);
        if (violations.isEmpty()) {
            return new Check(name, PASSED, "It conforms to the " + kind.title + " schema.");
        }
        verdicts.add(Verdict.NOT_CONFORMANT);
        return new Check(
                name,
                FAILED,
                "It does not conform to the " + kind.title + " schema: " + String.join("; ", violations) + ".");
    }

    private static VerificationReport malformed(String why) {
        var checks = new ArrayList<Check>();
        checks.add(new Check("Well-formed credential", FAILED, why));
        for (String name : List.of("Issuer key", "Signature", "Validity period", "Status", "Open Badges schema")) {
            checks.add(new Check(name, NOT_CHECKED, "Not checked, because the credential is not well formed."));
        }
        return new VerificationReport(Verdict.MALFORMED, checks, null, null);
    }

    private static List<String> verificationMethods(JsonObject credential) {
        var proof = credential.get("proof");
        List<JsonValue> all = proof instanceof JsonArray array ? array : proof == null ? List.of() : List.of(proof);
        var methods = new ArrayList<String>();
        for (var p : all) {
            if (p instanceof JsonObject o && o.get("verificationMethod") instanceof JsonString method) {
                methods.add(method.getString());
            }
        }
        return methods;
    }

    private static List<String> cryptosuites(JsonObject credential) {
        var proof = credential.get("proof");
        List<JsonValue> all = proof instanceof JsonArray array ? array : proof == null ? List.of() : List.of(proof);
        return all.stream()
                .filter(p -> p instanceof JsonObject o && o.get("cryptosuite") instanceof JsonString)
                .map(p -> ((JsonObject) p).getString("cryptosuite"))
                .toList();
    }

    static List<String> strings(@Nullable JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream()
                    .filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString())
                    .toList();
        }
        return List.of();
    }

    /** Whether a credential follows VC Data Model 1.1 (its first context), with issuanceDate and expirationDate. */
    static boolean v1(JsonObject credential) {
        var context = credential.get("@context");
        var first = context instanceof JsonArray array && !array.isEmpty() ? array.get(0) : context;
        return first instanceof JsonString s && s.getString().equals(VC_V1);
    }

    static @Nullable Instant instant(JsonObject object, String name) {
        var value = object.get(name);
        if (value == null) {
            return null;
        }
        var text = ((JsonString) value).getString();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // XML Schema allows a date-time without an offset; read it as UTC, as other verifiers do.
            return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        }
    }

    private static String firstLine(@Nullable String message) {
        return Optional.ofNullable(message)
                .map(m -> m.lines().findFirst().orElse(m))
                .orElse("unreadable");
    }
}
