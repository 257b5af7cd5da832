package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.lang.Keywords;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;

/** {@code eddsa-rdfc-2022}: the proof configuration carries the document's {@code @context}; RDFC-1.0 canonical N-Quads. */
final class EddsaRdfc2022 implements ProofAlgorithm {

    private final RdfCanonicalizer canonicalizer;
    private final ProofConfigTemplates proofConfigs = new ProofConfigTemplates();

    EddsaRdfc2022(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    @Override
    public JsonObject proofConfig(JsonObject proofOptions, JsonObject unsecuredDocument) {
        JsonObjectBuilder config = JsonValues.copy(proofOptions);
        if (unsecuredDocument.containsKey(Keywords.CONTEXT)) {
            config.add(Keywords.CONTEXT, unsecuredDocument.get(Keywords.CONTEXT));
        } else {
            config.remove(Keywords.CONTEXT);
        }
        return config.build();
    }

    @Override
    public JsonObject documentToVerify(JsonObject unsecuredDocument, JsonObject proofOptions) {
        return unsecuredDocument;
    }

    @Override
    public JsonObject proof(JsonObject proofConfig, String proofValue) {
        return JsonValues.copy(proofConfig)
                .remove(Keywords.CONTEXT)
                .add("proofValue", proofValue)
                .build();
    }

    @Override
    public byte[] canonicalizeProofConfig(JsonObject proofConfig) throws JsonLdError {
        return proofConfigs.canonicalize(proofConfig, canonicalizer).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] canonicalize(JsonObject json) throws JsonLdError {
        return canonicalizer.canonicalize(json).getBytes(StandardCharsets.UTF_8);
    }
}
