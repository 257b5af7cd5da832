package org.credo.credentials.signing;

import jakarta.json.JsonObject;
import java.time.Instant;

/** Adds a Data Integrity proof to a document. */
public interface ProofSigner {

    /**
     * The document with a new proof appended to its {@code proof} array, made with a key whose verification method
     * is {@code verificationMethod}, for the purpose {@code assertionMethod}.
     *
     * @throws SigningException if the document cannot be canonicalized
     */
    JsonObject sign(
            JsonObject document,
            Cryptosuite cryptosuite,
            Ed25519KeyPair key,
            String verificationMethod,
            Instant created);

    /** As {@link #sign(JsonObject, Cryptosuite, Ed25519KeyPair, String, Instant)}, with the key's did:key. */
    default JsonObject sign(JsonObject document, Cryptosuite cryptosuite, Ed25519KeyPair key, Instant created) {
        return sign(document, cryptosuite, key, key.didKey().verificationMethodId(), created);
    }
}
