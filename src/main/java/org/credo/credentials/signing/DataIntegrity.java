package org.credo.credentials.signing;

import static org.credo.credentials.signing.VerificationFailure.Reason.BAD_SIGNATURE;
import static org.credo.credentials.signing.VerificationFailure.Reason.INVALID_DOCUMENT;
import static org.credo.credentials.signing.VerificationFailure.Reason.MALFORMED_PROOF;
import static org.credo.credentials.signing.VerificationFailure.Reason.MALFORMED_PROOF_VALUE;
import static org.credo.credentials.signing.VerificationFailure.Reason.NO_PROOF;
import static org.credo.credentials.signing.VerificationFailure.Reason.UNKNOWN_CONTEXT;
import static org.credo.credentials.signing.VerificationFailure.Reason.UNKNOWN_VERIFICATION_METHOD;
import static org.credo.credentials.signing.VerificationFailure.Reason.UNSUPPORTED_CRYPTOSUITE;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.lang.Keywords;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * W3C Data Integrity proofs with the EdDSA cryptosuites v1.0 ({@code eddsa-rdfc-2022}, {@code eddsa-jcs-2022}).
 *
 * <p>Thread-safe; create one and share it. It never touches the network: contexts come from a {@link ContextStore}
 * and keys from a {@link VerificationMethodResolver}.
 */
public final class DataIntegrity implements ProofSigner, ProofVerifier {

    private static final String PROOF = "proof";
    private static final String PROOF_VALUE = "proofValue";
    private static final String DATA_INTEGRITY_PROOF = "DataIntegrityProof";
    private static final String ASSERTION_METHOD = "assertionMethod";

    private final ContextStore contexts;
    private final VerificationMethodResolver resolver;
    private final Map<Cryptosuite, ProofAlgorithm> algorithms = new EnumMap<>(Cryptosuite.class);

    /** Proofs over documents that use the given contexts, verified with keys from the given resolver. */
    public DataIntegrity(ContextStore contexts, VerificationMethodResolver resolver) {
        this.contexts = contexts;
        this.resolver = resolver;
        algorithms.put(Cryptosuite.RDFC, new EddsaRdfc2022(new RdfCanonicalizer(contexts)));
        algorithms.put(Cryptosuite.JCS, new EddsaJcs2022());
    }

    /** Proofs over the shipped contexts, verified against did:key verification methods. */
    public static DataIntegrity offline() {
        return new DataIntegrity(ContextStore.shipped(), VerificationMethodResolver.didKey());
    }

    @Override
    public JsonObject sign(
            JsonObject document,
            Cryptosuite cryptosuite,
            Ed25519KeyPair key,
            String verificationMethod,
            Instant created) {
        return sign(document, cryptosuite, key, verificationMethod, created, ASSERTION_METHOD, null, null);
    }

    /**
     * A proof for another purpose than issuing, such as a holder's {@code authentication} proof on a presentation,
     * carrying the verifier's challenge and domain when given.
     */
    public JsonObject sign(
            JsonObject document,
            Cryptosuite cryptosuite,
            Ed25519KeyPair key,
            String verificationMethod,
            Instant created,
            String purpose,
            @Nullable String challenge,
            @Nullable String domain) {
        if (verificationMethod.startsWith("did:key:")
                && !verificationMethod.equals(key.didKey().verificationMethodId())
                && !Arrays.equals(DidKey.parse(verificationMethod).publicKey(), key.publicKey())) {
            throw new IllegalArgumentException("the key pair is not the key of " + verificationMethod);
        }
        ProofAlgorithm algorithm = algorithms.get(cryptosuite);
        JsonObject unsecured = JsonValues.without(document, PROOF);
        JsonObjectBuilder options = JsonValues.JSON
                .createObjectBuilder()
                .add("type", DATA_INTEGRITY_PROOF)
                .add("cryptosuite", cryptosuite.id())
                .add("created", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)))
                .add("verificationMethod", verificationMethod)
                .add("proofPurpose", purpose);
        if (challenge != null) {
            options.add("challenge", challenge);
        }
        if (domain != null) {
            options.add("domain", domain);
        }
        JsonObject config = algorithm.proofConfig(options.build(), unsecured);
        byte[] hashData;
        try {
            checkContextsKnown(cryptosuite, unsecured);
            hashData = algorithm.hashData(config, unsecured);
        } catch (ProofRejected e) {
            throw new SigningException("cannot sign: " + e.failure().message(), e);
        } catch (JsonLdError e) {
            throw new SigningException("cannot sign, the document is not valid JSON-LD: " + describe(e), e);
        }
        JsonObject proof = algorithm.proof(config, "z" + Base58Btc.encode(key.sign(hashData)));
        JsonArrayBuilder proofs = JsonValues.JSON.createArrayBuilder();
        existingProofs(document).forEach(proofs::add);
        return JsonValues.copy(unsecured).add(PROOF, proofs.add(proof)).build();
    }

    @Override
    public VerificationResult verify(JsonObject securedDocument) {
        return verify(securedDocument, ASSERTION_METHOD, null, null);
    }

    @Override
    public VerificationResult verify(
            JsonObject securedDocument, String expectedPurpose, @Nullable String challenge, @Nullable String domain) {
        List<JsonValue> proofs = existingProofs(securedDocument);
        if (proofs.isEmpty()) {
            return VerificationResult.failed(NO_PROOF, "the document has no proof");
        }
        JsonValue value = securedDocument.get(PROOF);
        if (!(value instanceof JsonObject) && !(value instanceof JsonArray)) {
            return VerificationResult.failed(MALFORMED_PROOF, "proof must be an object or an array of objects");
        }
        JsonObject unsecured = JsonValues.without(securedDocument, PROOF);
        List<VerificationFailure> failures = new ArrayList<>();
        for (JsonValue proof : proofs) {
            try {
                checkPurpose(proof, expectedPurpose, challenge, domain);
                verifyChained(unsecured, proof, proofs);
            } catch (ProofRejected e) {
                failures.add(e.failure());
            }
        }
        return VerificationResult.of(failures);
    }

    private static void checkPurpose(
            JsonValue proofValue, String expectedPurpose, @Nullable String challenge, @Nullable String domain)
            throws ProofRejected {
        if (!(proofValue instanceof JsonObject proof)) {
            throw new ProofRejected(MALFORMED_PROOF, "a proof must be a JSON object");
        }
        String purpose = requiredString(proof, "proofPurpose", MALFORMED_PROOF);
        if (!expectedPurpose.equals(purpose)) {
            throw new ProofRejected(MALFORMED_PROOF, "proof purpose " + purpose + " is not " + expectedPurpose);
        }
        if (challenge != null
                && !(proof.get("challenge") instanceof JsonString c
                        && c.getString().equals(challenge))) {
            throw new ProofRejected(MALFORMED_PROOF, "the proof does not carry the expected challenge");
        }
        if (domain != null && !strings(proof.get("domain")).contains(domain)) {
            throw new ProofRejected(MALFORMED_PROOF, "the proof is not for the domain " + domain);
        }
        if (proof.get("expires") instanceof JsonString expires) {
            checkDateTime(expires.getString());
            if (OffsetDateTime.parse(expires.getString()).toInstant().isBefore(java.time.Instant.now())) {
                throw new ProofRejected(MALFORMED_PROOF, "the proof expired at " + expires.getString());
            }
        }
    }

    /**
     * A proof that names previous proofs (a proof chain) signed the document together with them: it is verified over
     * the document with exactly those proofs, each of which must exist in the proof set.
     */
    private void verifyChained(JsonObject unsecured, JsonValue proofValue, List<JsonValue> all) throws ProofRejected {
        if (!(proofValue instanceof JsonObject proof) || !proof.containsKey("previousProof")) {
            verifyProof(unsecured, proofValue);
            return;
        }
        List<String> previous = strings(proof.get("previousProof"));
        if (previous.isEmpty()) {
            throw new ProofRejected(MALFORMED_PROOF, "previousProof must be a proof id or a list of proof ids");
        }
        JsonArrayBuilder matching = JsonValues.JSON.createArrayBuilder();
        JsonValue single = null;
        for (String id : previous) {
            JsonValue found = all.stream()
                    .filter(p -> p instanceof JsonObject o
                            && o.get("id") instanceof JsonString s
                            && s.getString().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new ProofRejected(
                            MALFORMED_PROOF, "previousProof " + id + " names no proof of this document"));
            matching.add(found);
            single = found;
        }
        JsonObject withPrevious = JsonValues.copy(unsecured)
                .add(PROOF, previous.size() == 1 ? single : matching.build())
                .build();
        verifyProof(withPrevious, proofValue);
    }

    private static List<String> strings(@Nullable JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        List<String> strings = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    strings.add(s.getString());
                }
            }
        }
        return strings;
    }

    private void verifyProof(JsonObject unsecured, JsonValue proofValue) throws ProofRejected {
        if (!(proofValue instanceof JsonObject proof)) {
            throw new ProofRejected(MALFORMED_PROOF, "a proof must be a JSON object");
        }
        String type = requiredString(proof, "type", MALFORMED_PROOF);
        if (!DATA_INTEGRITY_PROOF.equals(type)) {
            throw new ProofRejected(MALFORMED_PROOF, "proof type " + type + " is not " + DATA_INTEGRITY_PROOF);
        }
        String suiteId = requiredString(proof, "cryptosuite", UNSUPPORTED_CRYPTOSUITE);
        Cryptosuite cryptosuite = Cryptosuite.byId(suiteId)
                .orElseThrow(() -> new ProofRejected(
                        UNSUPPORTED_CRYPTOSUITE,
                        "cryptosuite " + suiteId
                                + " is not supported; Credo verifies eddsa-rdfc-2022 and eddsa-jcs-2022"));
        if (proof.containsKey("created")) {
            checkDateTime(requiredString(proof, "created", MALFORMED_PROOF));
        }
        byte[] signature = signature(requiredString(proof, PROOF_VALUE, MALFORMED_PROOF_VALUE));
        String method = requiredString(proof, "verificationMethod", MALFORMED_PROOF);
        byte[] publicKey = resolver.publicKey(method)
                .orElseThrow(() -> new ProofRejected(
                        UNKNOWN_VERIFICATION_METHOD, "verification method " + method + " cannot be resolved"));

        ProofAlgorithm algorithm = algorithms.get(cryptosuite);
        JsonObject options = JsonValues.without(proof, PROOF_VALUE);
        JsonObject document = algorithm.documentToVerify(unsecured, options);
        checkContextsKnown(cryptosuite, document);
        JsonObject config = algorithm.proofConfig(options, document);
        byte[] hashData;
        try {
            hashData = algorithm.hashData(config, document);
        } catch (JsonLdError e) {
            String reason = describe(e);
            throw new ProofRejected(
                    reason.contains("unknown context") ? UNKNOWN_CONTEXT : INVALID_DOCUMENT,
                    "the document cannot be canonicalized: " + reason);
        } catch (RuntimeException e) {
            // A verifier reports, it does not throw: JSON that is not even JSON-LD is a bad document too.
            throw new ProofRejected(INVALID_DOCUMENT, "the document cannot be canonicalized: " + e.getMessage());
        }
        if (!Ed25519KeyPair.verify(publicKey, hashData, signature)) {
            throw new ProofRejected(
                    BAD_SIGNATURE, "the signature does not match: the document was changed or signed with another key");
        }
    }

    // eddsa-rdfc-2022 reads every context; name the first one Credo does not ship before trying.
    private void checkContextsKnown(Cryptosuite cryptosuite, JsonObject document) throws ProofRejected {
        if (cryptosuite != Cryptosuite.RDFC) {
            return;
        }
        JsonValue context = document.get(Keywords.CONTEXT);
        List<JsonValue> entries =
                context instanceof JsonArray array ? array : context == null ? List.of() : List.of(context);
        for (JsonValue entry : entries) {
            if (entry instanceof JsonString url && !contexts.knows(url.getString())) {
                throw new ProofRejected(UNKNOWN_CONTEXT, ContextStore.UnknownContextException.message(url.getString()));
            }
        }
    }

    private static List<JsonValue> existingProofs(JsonObject document) {
        JsonValue proof = document.get(PROOF);
        if (proof == null || proof.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        return proof instanceof JsonArray array ? array : List.of(proof);
    }

    private static String requiredString(JsonObject proof, String name, VerificationFailure.Reason reason)
            throws ProofRejected {
        if (!(proof.get(name) instanceof JsonString value)) {
            throw new ProofRejected(reason, "the proof has no " + name + " string");
        }
        return value.getString();
    }

    private static byte[] signature(String proofValue) throws ProofRejected {
        if (!proofValue.startsWith("z")) {
            throw new ProofRejected(MALFORMED_PROOF_VALUE, "proofValue must be base58btc multibase (start with 'z')");
        }
        byte[] signature;
        try {
            signature = Base58Btc.decode(proofValue.substring(1));
        } catch (IllegalArgumentException e) {
            throw new ProofRejected(MALFORMED_PROOF_VALUE, "proofValue is not base58btc: " + e.getMessage());
        }
        if (signature.length != 64) {
            throw new ProofRejected(
                    MALFORMED_PROOF_VALUE,
                    "proofValue must hold a 64-byte Ed25519 signature, not " + signature.length + " bytes");
        }
        return signature;
    }

    private static void checkDateTime(String created) throws ProofRejected {
        try {
            OffsetDateTime.parse(created);
        } catch (DateTimeParseException e) {
            throw new ProofRejected(MALFORMED_PROOF, "proof created " + created + " is not an XML Schema dateTime");
        }
    }

    private static String describe(JsonLdError error) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
                message.append(message.isEmpty() ? "" : ": ").append(t.getMessage());
            }
        }
        return message.isEmpty() ? error.getCode().toMessage() : message.toString();
    }
}
