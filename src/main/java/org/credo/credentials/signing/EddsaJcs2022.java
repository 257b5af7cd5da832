package org.credo.credentials.signing;

import com.apicatalog.jsonld.lang.Keywords;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code eddsa-jcs-2022}: the proof keeps the document's {@code @context}, and canonical bytes are JCS (RFC 8785).
 */
final class EddsaJcs2022 implements ProofAlgorithm {

    @Override
    public JsonObject proofConfig(JsonObject proofOptions, JsonObject unsecuredDocument) {
        JsonObjectBuilder config = JsonValues.copy(proofOptions);
        if (unsecuredDocument.containsKey(Keywords.CONTEXT)) {
            config.add(Keywords.CONTEXT, unsecuredDocument.get(Keywords.CONTEXT));
        }
        return config.build();
    }

    @Override
    public JsonObject documentToVerify(JsonObject unsecuredDocument, JsonObject proofOptions) throws ProofRejected {
        JsonValue proofContext = proofOptions.get(Keywords.CONTEXT);
        if (proofContext == null) {
            return unsecuredDocument;
        }
        List<JsonValue> expected = asList(proofContext);
        List<JsonValue> actual = asList(unsecuredDocument.getOrDefault(Keywords.CONTEXT, JsonValue.EMPTY_JSON_ARRAY));
        if (expected.size() > actual.size()
                || !actual.subList(0, expected.size()).equals(expected)) {
            throw new ProofRejected(
                    VerificationFailure.Reason.MALFORMED_PROOF,
                    "the document's @context does not start with the proof's @context");
        }
        return JsonValues.copy(unsecuredDocument)
                .add(Keywords.CONTEXT, proofContext)
                .build();
    }

    @Override
    public JsonObject proof(JsonObject proofConfig, String proofValue) {
        return JsonValues.copy(proofConfig).add("proofValue", proofValue).build();
    }

    @Override
    public byte[] canonicalize(JsonObject json) {
        return JsonCanonicalization.canonicalize(json).getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonValue> asList(JsonValue context) {
        return context instanceof JsonArray array ? array : List.of(context);
    }
}
