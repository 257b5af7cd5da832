package org.credo.credentials.verification;

import static org.credo.credentials.verification.VerificationReport.Outcome.FAILED;
import static org.credo.credentials.verification.VerificationReport.Outcome.NOT_CHECKED;
import static org.credo.credentials.verification.VerificationReport.Outcome.PASSED;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.credo.credentials.signing.ContextStore;
import org.credo.credentials.signing.ProofVerifier;
import org.credo.credentials.verification.VerificationReport.Check;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the holder's proof on a presentation: a Data Integrity proof for the purpose {@code authentication}, with the
 * verifier's challenge and domain when given, by a key of the holder when the presentation names one.
 */
@Component
class HolderProofs {

    private static final String NAME = "Holder proof";

    private final ProofVerifier proofs;
    private final ContextStore contexts = ContextStore.shipped();

    HolderProofs(ProofVerifier proofs) {
        this.proofs = proofs;
    }

    Check check(String presentationJson, @Nullable String challenge, @Nullable String domain) {
        JsonObject presentation;
        try (JsonReader reader = CredentialVerifier.JSON.createReader(new StringReader(presentationJson))) {
            presentation = reader.readObject();
        }
        var context = presentation.get("@context");
        List<JsonValue> entries =
                context instanceof JsonArray array ? array : context == null ? List.of() : List.of(context);
        if (entries.isEmpty()
                || !(entries.get(0) instanceof JsonString first)
                || !(first.getString().equals(CredentialVerifier.VC_V2)
                        || first.getString().equals(CredentialVerifier.VC_V1))) {
            return new Check(
                    NAME, FAILED, "The first @context must be " + CredentialVerifier.VC_V2 + " (or VC 1.1's).");
        }
        for (var entry : entries) {
            if (entry instanceof JsonString url && !contexts.knows(url.getString())) {
                return new Check(
                        NAME,
                        FAILED,
                        "The presentation names the context " + url.getString()
                                + ", which Credo does not ship; Credo never fetches contexts.");
            }
        }
        var holder = holder(presentation.get("holder"));
        if (presentation.containsKey("holder") && holder == null) {
            return new Check(NAME, FAILED, "holder must be a URL or an object with an id URL.");
        }
        if (!presentation.containsKey("proof")) {
            return challenge == null
                    ? new Check(
                            NAME,
                            NOT_CHECKED,
                            "The presentation has no proof of its own; its credentials were"
                                    + " checked one by one, but nothing shows who presented them.")
                    : new Check(NAME, FAILED, "A challenge was given, but the presentation has no proof answering it.");
        }
        var result = proofs.verify(presentation, "authentication", challenge, domain);
        if (!result.verified()) {
            return new Check(
                    NAME,
                    FAILED,
                    "The holder's proof does not verify: "
                            + result.failures().get(0).message() + ".");
        }
        if (holder != null && !signedBy(presentation.get("proof"), holder)) {
            return new Check(NAME, FAILED, "The proof was made with a key that is not the holder's (" + holder + ").");
        }
        return new Check(
                NAME,
                PASSED,
                "The holder's signature matches"
                        + (challenge == null ? "" : ", for this challenge")
                        + (domain == null ? "" : " and domain") + ".");
    }

    private static @Nullable String holder(@Nullable JsonValue holder) {
        if (holder instanceof JsonString id && id.getString().contains(":")) {
            return id.getString();
        }
        if (holder instanceof JsonObject object && object.get("id") instanceof JsonString id) {
            return id.getString().contains(":") ? id.getString() : null;
        }
        return null;
    }

    private static boolean signedBy(@Nullable JsonValue proof, String holder) {
        List<JsonValue> all = proof instanceof JsonArray array ? array : proof == null ? List.of() : List.of(proof);
        return all.stream()
                .allMatch(p -> p instanceof JsonObject o
                        && o.get("verificationMethod") instanceof JsonString method
                        && (method.getString().equals(holder)
                                || method.getString().startsWith(holder + "#")));
    }
}
