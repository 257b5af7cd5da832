package org.credo.credentials.signing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/** Varied Open Badges 3.0 credentials: optional fields, nesting, language-tagged text, numbers of every shape. */
final class RandomCredentials {

    private static final List<String> LANGUAGES = List.of("en", "fr", "de-CH", "ar", "zh-Hans", "pt-BR");
    private static final List<String> WORDS = List.of(
            "Data",
            "Analysis",
            "Ingénierie",
            "統計",
            "Résumé",
            "naïve",
            "Öl",
            "line\nbreak",
            "tab\tbed",
            "quote\"d",
            "back\\slash",
            "emoji 🎓",
            "مرحبا",
            "  spaced  ",
            "",
            "Ω≈ç√",
            "dash—es");
    private static final List<String> ACHIEVEMENT_TYPES =
            List.of("Certificate", "Badge", "Course", "Diploma", "MicroCredential", "ext:Custom");

    private final Random random;
    private final String issuer;

    RandomCredentials(long seed, String issuer) {
        this.random = new Random(seed);
        this.issuer = issuer;
    }

    JsonObject next() {
        // 1EdTechJsonSchemaValidator2019 is defined by the extensions context only.
        boolean withSchema = random.nextInt(4) == 0;
        JsonObjectBuilder credential = Json.createObjectBuilder()
                .add("@context", contexts(withSchema || random.nextInt(5) == 0))
                .add("id", "urn:uuid:" + new java.util.UUID(random.nextLong(), random.nextLong()))
                .add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add(pick(List.of("OpenBadgeCredential", "AchievementCredential"))))
                .add("issuer", profile(issuer))
                .add("validFrom", dateTime())
                .add("credentialSubject", subject());
        if (random.nextBoolean()) {
            credential.add("name", text());
        }
        if (random.nextBoolean()) {
            credential.add("description", text());
        }
        if (random.nextInt(3) == 0) {
            credential.add("validUntil", dateTime());
        }
        if (random.nextInt(3) == 0) {
            credential.add("awardedDate", dateTime());
        }
        if (random.nextInt(3) == 0) {
            JsonArrayBuilder evidence = Json.createArrayBuilder();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                JsonObjectBuilder item = Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("Evidence"))
                        .add("narrative", word() + " " + word());
                if (random.nextBoolean()) {
                    item.add("id", "https://university.example/evidence/" + random.nextInt(1000));
                }
                if (random.nextBoolean()) {
                    item.add("name", word());
                }
                evidence.add(item);
            }
            credential.add("evidence", evidence);
        }
        if (withSchema) {
            credential.add(
                    "credentialSchema",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add(
                                            "id",
                                            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json")
                                    .add("type", "1EdTechJsonSchemaValidator2019")));
        }
        return credential.build();
    }

    private JsonValue contexts(boolean extensions) {
        JsonArrayBuilder contexts = Json.createArrayBuilder()
                .add("https://www.w3.org/ns/credentials/v2")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        if (extensions) {
            contexts.add("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        }
        return contexts.build();
    }

    private JsonObject profile(String id) {
        JsonObjectBuilder profile = Json.createObjectBuilder()
                .add("id", id)
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", text());
        if (random.nextBoolean()) {
            profile.add("url", "https://university.example/" + random.nextInt(100));
        }
        if (random.nextBoolean()) {
            profile.add("email", "registrar" + random.nextInt(9) + "@university.example");
        }
        if (random.nextInt(3) == 0) {
            profile.add(
                    "address",
                    Json.createObjectBuilder()
                            .add("type", Json.createArrayBuilder().add("Address"))
                            .add("addressCountry", pick(List.of("CH", "US", "Brasil")))
                            .add("addressLocality", word())
                            .add("postalCode", String.valueOf(1000 + random.nextInt(9000))));
        }
        return profile.build();
    }

    private JsonObject subject() {
        JsonObjectBuilder subject = Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                .add("achievement", achievement());
        if (random.nextInt(4) != 0) {
            subject.add("id", "did:example:learner-" + random.nextInt(100000));
        }
        if (random.nextBoolean()) {
            subject.add("creditsEarned", number());
        }
        if (random.nextInt(3) == 0) {
            subject.add("activityStartDate", dateTime()).add("activityEndDate", dateTime());
        }
        if (random.nextInt(3) == 0) {
            JsonArrayBuilder results = Json.createArrayBuilder();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                results.add(Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("Result"))
                        .add("value", String.valueOf(random.nextInt(101)))
                        .add("status", pick(List.of("Completed", "Enrolled", "Failed"))));
            }
            subject.add("result", results);
        }
        if (random.nextInt(4) == 0) {
            subject.add(
                    "identifier",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("type", "IdentityObject")
                                    .add("identityHash", "learner" + random.nextInt(1000) + "@example.edu")
                                    .add("identityType", "emailAddress")
                                    .add("hashed", false)));
        }
        return subject.build();
    }

    private JsonObject achievement() {
        JsonObjectBuilder achievement = Json.createObjectBuilder()
                .add("id", "https://university.example/achievements/" + random.nextInt(500))
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("name", text())
                .add("criteria", criteria());
        if (random.nextBoolean()) {
            achievement.add("description", text());
        }
        if (random.nextBoolean()) {
            achievement.add("achievementType", pick(ACHIEVEMENT_TYPES));
        }
        if (random.nextBoolean()) {
            achievement.add("creditsAvailable", number());
        }
        if (random.nextBoolean()) {
            JsonArrayBuilder tags = Json.createArrayBuilder();
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
                tags.add(word());
            }
            achievement.add("tag", tags);
        }
        if (random.nextInt(3) == 0) {
            achievement.add("inLanguage", pick(LANGUAGES));
        }
        if (random.nextInt(3) == 0) {
            JsonArrayBuilder alignments = Json.createArrayBuilder();
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                alignments.add(Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("Alignment"))
                        .add("targetName", word())
                        .add("targetUrl", "https://framework.example/skills/" + random.nextInt(100))
                        .add("targetType", pick(List.of("ceasn:Competency", "CFItem", "ext:Other"))));
            }
            achievement.add("alignment", alignments);
        }
        if (random.nextInt(3) == 0) {
            achievement.add("creator", profile("https://university.example/issuers/" + random.nextInt(10)));
        }
        return achievement.build();
    }

    private JsonObject criteria() {
        JsonObjectBuilder criteria = Json.createObjectBuilder().add("narrative", word() + " " + word());
        if (random.nextInt(3) == 0) {
            criteria.add("id", "https://university.example/criteria/" + random.nextInt(100));
        }
        return criteria.build();
    }

    /** Plain text, a language-tagged value, or several languages. */
    private JsonValue text() {
        return switch (random.nextInt(4)) {
            case 0 ->
                Json.createObjectBuilder()
                        .add("@value", word())
                        .add("@language", pick(LANGUAGES))
                        .build();
            case 1 ->
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("@value", word()).add("@language", "en"))
                        .add(Json.createObjectBuilder().add("@value", word()).add("@language", "ar"))
                        .build();
            default -> Json.createValue(word() + " " + word());
        };
    }

    private JsonValue number() {
        return switch (random.nextInt(6)) {
            case 0 -> Json.createValue(random.nextInt(200));
            case 1 -> Json.createValue(random.nextInt(400) / 4.0);
            case 2 -> Json.createValue(new BigDecimal("1e-7"));
            case 3 -> Json.createValue(1e21 * (1 + random.nextInt(9)));
            case 4 -> Json.createValue(-random.nextDouble());
            default -> Json.createValue(new BigDecimal(random.nextInt(1000) + ".50"));
        };
    }

    private String dateTime() {
        return "20%02d-%02d-%02dT%02d:%02d:%02dZ"
                .formatted(
                        10 + random.nextInt(20),
                        1 + random.nextInt(12),
                        1 + random.nextInt(28),
                        random.nextInt(24),
                        random.nextInt(60),
                        random.nextInt(60));
    }

    private String word() {
        return pick(WORDS);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
