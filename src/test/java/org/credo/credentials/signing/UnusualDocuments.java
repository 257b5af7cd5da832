package org.credo.credentials.signing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Random;

/**
 * Credentials from {@link RandomCredentials} with the rarer shapes JSON-LD allows added at random: embedded proofs
 * (graph containers), status entries with property-scoped messages, JSON literals, lists and lists of lists, nested
 * credentials and presentations, embedded contexts, keyword aliases used twice, lone references, blank node ids,
 * relative and compact IRIs, terms no context defines, and a few outright invalid documents.
 */
final class UnusualDocuments {

    private final Random random;
    private final RandomCredentials credentials;
    private final String issuer;

    UnusualDocuments(long seed, String issuer) {
        this.random = new Random(seed);
        this.credentials = new RandomCredentials(seed + 1, issuer);
        this.issuer = issuer;
    }

    JsonObject next() {
        JsonObject credential = credentials.next();
        JsonObjectBuilder document = Json.createObjectBuilder(credential);
        if (chance(3)) {
            document.add(
                    "proof",
                    chance(4)
                            ? Json.createArrayBuilder()
                                    .add(proof())
                                    .add(proof())
                                    .build()
                            : proof());
        }
        if (chance(3)) {
            document.add("credentialStatus", status());
        }
        if (chance(4)) {
            document.add("credentialSchema", jsonSchema());
        }
        if (chance(3)) {
            document.add("credentialSubject", subjectWithRareShapes(credential.getJsonObject("credentialSubject")));
        }
        if (chance(5)) {
            document.add("evidence", rareEvidence());
        }
        if (chance(6)) {
            document.add("type", "VerifiableCredential");
        }
        if (chance(8)) {
            // Terms no context defines: the credentials context maps them to its issuer-dependent vocabulary.
            document.add("favouriteColour", "green");
        }
        if (chance(10)) {
            document.add("@type", "https://example.com/vocab#ExtraType");
        }
        JsonObject built = document.build();
        if (chance(6)) {
            return presentation(built);
        }
        if (chance(12)) {
            return invalid(built);
        }
        return built;
    }

    private JsonObject proof() {
        JsonObjectBuilder proof = Json.createObjectBuilder()
                .add("type", "DataIntegrityProof")
                .add("cryptosuite", pick(List.of("eddsa-rdfc-2022", "eddsa-jcs-2022")))
                .add("created", "2026-06-01T12:00:0" + random.nextInt(10) + "Z")
                .add("verificationMethod", issuer + "#key-" + random.nextInt(3))
                .add("proofPurpose", pick(List.of("assertionMethod", "authentication")))
                .add("proofValue", "z" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        if (chance(3)) {
            proof.add("id", "urn:uuid:" + new java.util.UUID(random.nextLong(), random.nextLong()));
        }
        if (chance(4)) {
            proof.add("expires", "2030-01-01T00:00:00Z");
        }
        return proof.build();
    }

    private JsonObject status() {
        int index = random.nextInt(131_072);
        JsonObjectBuilder status = Json.createObjectBuilder()
                .add("id", "https://university.example/status/1#" + index)
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", pick(List.of("revocation", "suspension", "message")))
                .add("statusListIndex", String.valueOf(index))
                .add("statusListCredential", "https://university.example/status/1");
        if (chance(2)) {
            status.add("statusSize", 2)
                    .add(
                            "statusMessage",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("status", "0x0")
                                            .add("message", "valid"))
                                    .add(Json.createObjectBuilder()
                                            .add("status", "0x1")
                                            .add("message", "pending")));
        }
        return status.build();
    }

    private JsonObject jsonSchema() {
        return Json.createObjectBuilder()
                .add("id", "https://university.example/schemas/" + random.nextInt(5))
                .add("type", "JsonSchema")
                .add(
                        "jsonSchema",
                        Json.createObjectBuilder()
                                .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                                .add("type", "object")
                                .add(
                                        "required",
                                        Json.createArrayBuilder().add("b").add("a"))
                                .add("z", JsonValue.NULL)
                                .add("n", 1.50))
                .build();
    }

    private JsonObject subjectWithRareShapes(JsonObject subject) {
        JsonObjectBuilder achievement = Json.createObjectBuilder(subject.getJsonObject("achievement"));
        JsonArrayBuilder allowed = Json.createArrayBuilder().add("A").add("B");
        if (chance(2)) {
            allowed.add(Json.createArrayBuilder().add("nested").add("list"));
        }
        achievement.add(
                "resultDescription",
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("id", "_:result-" + random.nextInt(3))
                                .add("type", Json.createArrayBuilder().add("ResultDescription"))
                                .add("name", "Grade")
                                .add("resultType", "LetterGrade")
                                .add("allowedValue", allowed)));
        if (chance(2)) {
            achievement.add(
                    "related",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "related/7")));
        }
        JsonObjectBuilder rare = Json.createObjectBuilder(subject).add("achievement", achievement);
        if (chance(2)) {
            rare.add(
                    "result",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("type", Json.createArrayBuilder().add("Result"))
                                    .add("resultDescription", "_:result-" + random.nextInt(3))
                                    .add("value", "A")));
        }
        if (chance(3)) {
            rare.add("name", Json.createObjectBuilder().add("@value", "مرحبا").add("@language", "ar"));
        }
        if (chance(4)) {
            rare.add("image", Json.createObjectBuilder().add("id", "https://university.example/me.png"));
        }
        if (chance(5)) {
            rare.add("source", Json.createObjectBuilder().add("id", issuer).add("type", "Profile"));
        }
        return rare.build();
    }

    private JsonValue rareEvidence() {
        JsonArrayBuilder evidence = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "https://university.example/evidence/only-an-id"));
        if (chance(2)) {
            evidence.add(Json.createObjectBuilder()
                    .add("@context", Json.createObjectBuilder().add("ex", "https://example.com/vocab#"))
                    .add("type", Json.createArrayBuilder().add("Evidence").add("ex:Portfolio"))
                    .add("ex:pages", 12)
                    .add("narrative", "with an embedded context"));
        }
        if (chance(2)) {
            evidence.add(Json.createObjectBuilder()
                    .add("type", "Evidence")
                    .add(
                            "narrative",
                            Json.createObjectBuilder()
                                    .add("@value", "**markdown**")
                                    .add("@type", "https://www.w3.org/ns/credentials#markdown")));
        }
        if (chance(3)) {
            // Two blank nodes that say the same thing: their first-degree hashes are equal.
            for (int twin = 0; twin < 2; twin++) {
                evidence.add(Json.createObjectBuilder().add("type", "Evidence").add("narrative", "twin"));
            }
        }
        if (chance(2)) {
            evidence.add(Json.createObjectBuilder()
                    .add("type", "Evidence")
                    .add("name", JsonValue.NULL)
                    .add("genre", Json.createArrayBuilder())
                    .add("audience", true));
        }
        return evidence.build();
    }

    private JsonObject presentation(JsonObject credential) {
        JsonObjectBuilder presentation = Json.createObjectBuilder()
                .add("@context", credential.get("@context"))
                .add("type", "VerifiablePresentation")
                .add("holder", "did:example:holder");
        // A presentation carries credentials with their own @context (an embedded context) or without it.
        JsonObject nested = chance(2)
                ? credential
                : Json.createObjectBuilder(credential).remove("@context").build();
        presentation.add("verifiableCredential", Json.createArrayBuilder().add(nested));
        if (chance(2)) {
            presentation.add("proof", proof());
        }
        return presentation.build();
    }

    private JsonObject invalid(JsonObject credential) {
        return switch (random.nextInt(5)) {
            // A protected term redefined by an embedded context.
            case 0 ->
                Json.createObjectBuilder(credential)
                        .add(
                                "issuer",
                                Json.createObjectBuilder()
                                        .add(
                                                "@context",
                                                Json.createObjectBuilder().add("name", "https://example.com/n"))
                                        .add("id", issuer)
                                        .add("type", "Profile")
                                        .add("name", "x"))
                        .build();
            // Two ids.
            case 1 ->
                Json.createObjectBuilder(credential)
                        .add("@id", "urn:uuid:00000000-0000-0000-0000-000000000001")
                        .build();
            // An id that is not a string.
            case 2 -> Json.createObjectBuilder(credential).add("id", 42).build();
            // A type that is not a string.
            case 3 ->
                Json.createObjectBuilder(credential)
                        .add(
                                "type",
                                Json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add(7))
                        .build();
            // A value object with something else in it.
            default ->
                Json.createObjectBuilder(credential)
                        .add(
                                "name",
                                Json.createObjectBuilder().add("@value", "x").add("extra", "y"))
                        .build();
        };
    }

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
