package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.credo.credentials.signing.VerificationFailure.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DataIntegrityTest {

    private static final Instant CREATED = Instant.parse("2026-06-01T12:00:00Z");
    private static final Ed25519KeyPair ISSUER = Ed25519KeyPair.generate();

    private final DataIntegrity dataIntegrity = DataIntegrity.offline();
    private final JsonObject badge = TestDocuments.openBadge(ISSUER.didKey());

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void signedOpenBadgeCarriesOneProofInAnArrayAndVerifies(Cryptosuite suite) {
        JsonObject signed = dataIntegrity.sign(badge, suite, ISSUER, CREATED);

        JsonObject proof = signed.getJsonArray("proof").getJsonObject(0);
        assertThat(signed.getJsonArray("proof")).hasSize(1);
        assertThat(proof.getString("type")).isEqualTo("DataIntegrityProof");
        assertThat(proof.getString("cryptosuite")).isEqualTo(suite.id());
        assertThat(proof.getString("created")).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(proof.getString("verificationMethod"))
                .isEqualTo(ISSUER.didKey().verificationMethodId());
        assertThat(proof.getString("proofPurpose")).isEqualTo("assertionMethod");
        assertThat(proof.getString("proofValue")).startsWith("z");
        assertThat(dataIntegrity.verify(signed)).isEqualTo(new VerificationResult(true, java.util.List.of()));
    }

    @Test
    void secondProofIsAppendedAndBothVerify() {
        JsonObject once = dataIntegrity.sign(badge, Cryptosuite.RDFC, ISSUER, CREATED);
        JsonObject twice = dataIntegrity.sign(once, Cryptosuite.JCS, Ed25519KeyPair.generate(), CREATED);

        assertThat(twice.getJsonArray("proof")).hasSize(2);
        assertThat(dataIntegrity.verify(twice).verified()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void changedClaimIsABadSignature(Cryptosuite suite) {
        JsonObject signed = dataIntegrity.sign(badge, suite, ISSUER, CREATED);
        JsonObject changed = Json.createObjectBuilder(signed)
                .add("validFrom", "2020-01-01T00:00:00Z")
                .build();

        assertThat(reasonOf(changed)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void reorderedJsonIsStillTheSameCredential() {
        JsonObject signed = dataIntegrity.sign(badge, Cryptosuite.RDFC, ISSUER, CREATED);
        var reordered = Json.createObjectBuilder();
        signed.keySet().stream().sorted().forEach(key -> reordered.add(key, signed.get(key)));

        assertThat(dataIntegrity.verify(reordered.build()).verified()).isTrue();
    }

    @Test
    void eachKindOfBrokenProofIsReportedPrecisely() {
        JsonObject signed = dataIntegrity.sign(badge, Cryptosuite.RDFC, ISSUER, CREATED);
        String otherKey = Ed25519KeyPair.generate().didKey().verificationMethodId();

        assertThat(reasonOf(withProof(signed, p -> p.add("proofValue", "zNotASignature"))))
                .isEqualTo(Reason.MALFORMED_PROOF_VALUE);
        assertThat(reasonOf(withProof(signed, p -> p.add("proofValue", "uAAAA"))))
                .isEqualTo(Reason.MALFORMED_PROOF_VALUE);
        assertThat(reasonOf(withProof(signed, p -> p.add("proofValue", "z3yMtsJ5"))))
                .isEqualTo(Reason.MALFORMED_PROOF_VALUE);
        assertThat(reasonOf(withProof(signed, p -> p.add("cryptosuite", "ecdsa-rdfc-2019"))))
                .isEqualTo(Reason.UNSUPPORTED_CRYPTOSUITE);
        assertThat(reasonOf(withProof(signed, p -> p.add("verificationMethod", "did:web:university.example#key-1"))))
                .isEqualTo(Reason.UNKNOWN_VERIFICATION_METHOD);
        assertThat(reasonOf(withProof(signed, p -> p.add("verificationMethod", otherKey))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(withProof(signed, p -> p.add("type", "Ed25519Signature2020"))))
                .isEqualTo(Reason.MALFORMED_PROOF);
        assertThat(reasonOf(withProof(signed, p -> p.add("proofPurpose", "authentication"))))
                .isEqualTo(Reason.MALFORMED_PROOF);
        assertThat(reasonOf(withProof(signed, p -> p.add("created", "yesterday"))))
                .isEqualTo(Reason.MALFORMED_PROOF);
        assertThat(reasonOf(Json.createObjectBuilder(signed).remove("proof").build()))
                .isEqualTo(Reason.NO_PROOF);
    }

    @Test
    void unknownContextIsReportedAndNeverFetched() {
        String unknown = "https://example.com/contexts/private.jsonld";
        JsonObject signed = dataIntegrity.sign(badge, Cryptosuite.RDFC, ISSUER, CREATED);
        JsonObject withUnknownContext = Json.createObjectBuilder(signed)
                .add(
                        "@context",
                        Json.createArrayBuilder(signed.getJsonArray("@context")).add(unknown))
                .build();

        VerificationResult result = dataIntegrity.verify(withUnknownContext);

        assertThat(result.verified()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.UNKNOWN_CONTEXT);
            assertThat(failure.message())
                    .isEqualTo("unknown context " + unknown + ": Credo never fetches contexts from the network");
        });
        assertThatThrownBy(() -> dataIntegrity.sign(
                        Json.createObjectBuilder(badge)
                                .add(
                                        "@context",
                                        Json.createArrayBuilder(badge.getJsonArray("@context"))
                                                .add(unknown))
                                .build(),
                        Cryptosuite.RDFC,
                        ISSUER,
                        CREATED))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("unknown context " + unknown);
    }

    @Test
    void refusesToSignATypeThatNoContextDefinesAsSafeModeVerifiersWouldRejectIt() {
        // 1EdTechJsonSchemaValidator2019 is in the OB extensions context, not in the OB context itself.
        JsonObject withSchema = Json.createObjectBuilder(badge)
                .add(
                        "credentialSchema",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add(
                                                "id",
                                                "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json")
                                        .add("type", "1EdTechJsonSchemaValidator2019")))
                .build();

        assertThatThrownBy(() -> dataIntegrity.sign(withSchema, Cryptosuite.RDFC, ISSUER, CREATED))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("relative @type reference \"1EdTechJsonSchemaValidator2019\"");

        JsonObject withExtensions = Json.createObjectBuilder(withSchema)
                .add(
                        "@context",
                        Json.createArrayBuilder(badge.getJsonArray("@context"))
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"))
                .build();
        assertThat(dataIntegrity
                        .verify(dataIntegrity.sign(withExtensions, Cryptosuite.RDFC, ISSUER, CREATED))
                        .verified())
                .isTrue();
    }

    @Test
    void refusesToSignATermThatNoContextDefines() {
        // The OB context has no @vocab: an unknown property would be dropped, and so left unsigned.
        JsonObject withUnknownTerm =
                Json.createObjectBuilder(badge).add("gpa", 3.9).build();

        assertThatThrownBy(() -> dataIntegrity.sign(withUnknownTerm, Cryptosuite.RDFC, ISSUER, CREATED))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("gpa");
    }

    @Test
    void signsDirectedTextAsJsonLdProcessorsDoLeavingTheDirectionOutOfTheCanonicalForm() {
        JsonObject withDirection = Json.createObjectBuilder(badge)
                .add(
                        "name",
                        Json.createObjectBuilder()
                                .add("@value", "شهادة")
                                .add("@language", "ar")
                                .add("@direction", "rtl"))
                .build();

        var signed = dataIntegrity.sign(withDirection, Cryptosuite.RDFC, ISSUER, CREATED);
        assertThat(dataIntegrity.verify(signed).verified()).isTrue();
        var tampered = Json.createObjectBuilder(signed)
                .add(
                        "name",
                        Json.createObjectBuilder()
                                .add("@value", "شهادة مزورة")
                                .add("@language", "ar")
                                .add("@direction", "rtl"))
                .build();
        assertThat(dataIntegrity.verify(tampered).verified()).isFalse();
        assertThat(dataIntegrity
                        .verify(dataIntegrity.sign(withDirection, Cryptosuite.JCS, ISSUER, CREATED))
                        .verified())
                .isTrue();
    }

    @Test
    void jcsProofWhoseContextIsNotTheDocumentsIsRejected() {
        JsonObject signed = dataIntegrity.sign(badge, Cryptosuite.JCS, ISSUER, CREATED);
        JsonObject otherContext = withProof(
                signed, p -> p.add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/did/v1")));

        assertThat(reasonOf(otherContext)).isEqualTo(Reason.MALFORMED_PROOF);
    }

    @Test
    void refusesToSignWithAKeyThatIsNotTheVerificationMethods() {
        String otherMethod = Ed25519KeyPair.generate().didKey().verificationMethodId();

        assertThatThrownBy(() -> dataIntegrity.sign(badge, Cryptosuite.RDFC, ISSUER, otherMethod, CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the key of");
    }

    private Reason reasonOf(JsonObject document) {
        VerificationResult result = dataIntegrity.verify(document);
        assertThat(result.verified()).isFalse();
        assertThat(result.failures()).hasSize(1);
        return result.failures().get(0).reason();
    }

    private static JsonObject withProof(JsonObject signed, UnaryOperator<jakarta.json.JsonObjectBuilder> change) {
        JsonObject proof = signed.getJsonArray("proof").getJsonObject(0);
        JsonValue changed = change.apply(Json.createObjectBuilder(proof)).build();
        return Json.createObjectBuilder(signed)
                .add("proof", Json.createArrayBuilder().add(changed))
                .build();
    }
}
