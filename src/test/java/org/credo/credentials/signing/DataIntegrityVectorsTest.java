package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test vectors of W3C Data Integrity EdDSA Cryptosuites v1.0, Appendix "Test Vectors". */
class DataIntegrityVectorsTest {

    private static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");
    private static final Ed25519KeyPair KEY = Ed25519KeyPair.fromSecretKeyMultibase(TestDocuments.VECTOR_SECRET_KEY);
    private static final DataIntegrity DATA_INTEGRITY = new DataIntegrity(
            TestDocuments.WITH_EXAMPLES,
            id -> id.equals(TestDocuments.VECTOR_METHOD) ? Optional.of(KEY.publicKey()) : Optional.empty());
    private static final JsonObject ALUMNI = TestDocuments.resource("vc/vectors/alumni-unsigned.json");

    @Test
    void secretKeyOfTheVectorsGivesItsPublicKey() {
        assertThat(KEY.publicKeyMultibase()).isEqualTo(TestDocuments.VECTOR_PUBLIC_KEY);
        assertThat(KEY.secretKeyMultibase()).isEqualTo(TestDocuments.VECTOR_SECRET_KEY);
    }

    @Test
    void rdfcProofValueMatchesTheSpecification() {
        JsonObject signed = DATA_INTEGRITY.sign(ALUMNI, Cryptosuite.RDFC, KEY, TestDocuments.VECTOR_METHOD, CREATED);

        JsonObject proof = signed.getJsonArray("proof").getJsonObject(0);
        assertThat(proof.getString("proofValue"))
                .isEqualTo("z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9");
        assertThat(proof.keySet())
                .containsExactly("type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue");
        assertThat(DATA_INTEGRITY.verify(signed).verified()).isTrue();
    }

    @Test
    void canonicalProofConfigurationMatchesTheSpecification() throws Exception {
        JsonObject config = TestDocuments.json("""
                {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2023-02-24T23:36:38Z",
                 "verificationMethod": "%s", "proofPurpose": "assertionMethod",
                 "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"]}
                """.formatted(TestDocuments.VECTOR_METHOD));

        assertThat(new RdfCanonicalizer(TestDocuments.WITH_EXAMPLES).canonicalize(config))
                .isEqualTo("""
                        _:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
                        _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .
                        _:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .
                        _:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .
                        _:c14n0 <https://w3id.org/security#verificationMethod> <https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .
                        """);
    }

    @Test
    void jcsProofValueMatchesTheSpecification() {
        JsonObject signed = DATA_INTEGRITY.sign(ALUMNI, Cryptosuite.JCS, KEY, TestDocuments.VECTOR_METHOD, CREATED);

        JsonObject proof = signed.getJsonArray("proof").getJsonObject(0);
        assertThat(proof.getString("proofValue"))
                .isEqualTo("z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4");
        assertThat(proof.get("@context")).isEqualTo(ALUMNI.get("@context"));
        assertThat(DATA_INTEGRITY.verify(signed).verified()).isTrue();
    }

    @Test
    void specificationSignedCredentialsVerify() {
        JsonObject rdfc = TestDocuments.json("""
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                 "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
                 "type": ["VerifiableCredential", "AlumniCredential"],
                 "name": "Alumni Credential",
                 "description": "A minimum viable example of an Alumni Credential.",
                 "issuer": "https://vc.example/issuers/5678",
                 "validFrom": "2023-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
                 "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                   "created": "2023-02-24T23:36:38Z",
                   "verificationMethod": "https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                   "proofPurpose": "assertionMethod",
                   "proofValue": "z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9"}}
                """);

        assertThat(DATA_INTEGRITY.verify(rdfc).verified()).isTrue();
    }
}
