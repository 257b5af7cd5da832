package org.credo.credentials.verification;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a credential against the Open Badges 3.0 AchievementCredential JSON Schema (2019-09) shipped in
 * {@code vc/schemas}, loaded from the classpath only; the validator never fetches anything.
 *
 * <p>One relaxation, and only one (ADR 0007): the schema models {@code credentialStatus} as one object, but VC 2.0
 * and Bitstring Status List need one entry per purpose, so Credo emits an array. An array is accepted when every
 * item satisfies the schema's own {@code CredentialStatus} definition; everything else is checked strictly.
 */
@Component
class SchemaConformance {

    /** The Open Badges schemas Credo checks against, by the credential type they describe. */
    enum Kind {
        ACHIEVEMENT(
                "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json",
                "vc/schemas/ob_v3p0_achievementcredential.json",
                "Open Badges 3.0 AchievementCredential"),
        ENDORSEMENT(
                "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential-jsonschema1.json",
                "vc/schemas/ob_v3p0_endorsementcredential.json",
                "Open Badges 3.0 EndorsementCredential");

        final String id;
        final String resource;
        final String title;

        Kind(String id, String resource, String title) {
            this.id = id;
            this.resource = resource;
            this.title = title;
        }
    }

    private static final String CREDENTIAL_STATUS = "credentialStatus";
    private static final String PROOF = "proof";
    private static final int MAX_REPORTED = 10;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Kind, Schema> credentials = new EnumMap<>(Kind.class);
    private final Map<Kind, Schema> statusEntries = new EnumMap<>(Kind.class);

    SchemaConformance() {
        for (var kind : Kind.values()) {
            String text = resource(kind.resource);
            // Each schema is served from memory under its own id; remote fetching stays off, so a $ref elsewhere fails.
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2019_09,
                    builder -> builder.schemas(Map.of(kind.id, text))
                            .schemaLoader(loader -> loader.fetchRemoteResources(false)));
            var credential = registry.getSchema(SchemaLocation.of(kind.id));
            var status = registry.getSchema(SchemaLocation.of(kind.id + "#/$defs/CredentialStatus"));
            credential.initializeValidators();
            status.initializeValidators();
            credentials.put(kind, credential);
            statusEntries.put(kind, status);
        }
    }

    /** The achievement credential schema violations of a credential, in words, at most ten; empty if it conforms. */
    List<String> violations(String credentialJson) {
        return violations(credentialJson, Kind.ACHIEVEMENT);
    }

    /**
     * The violations of one schema. A single {@code proof} object is read as a list of one, as the Open Badges
     * specification allows both and 1EdTech's validator reads both; the published schema file lists only the array.
     */
    List<String> violations(String credentialJson, Kind kind) {
        JsonNode document = json.readTree(credentialJson);
        List<String> problems = new ArrayList<>();
        if (document instanceof ObjectNode object) {
            // A shallow copy: the validator only reads, so the members are shared, not copied.
            ObjectNode copy = json.createObjectNode();
            copy.setAll(object);
            if (copy.get(PROOF) instanceof ObjectNode proof) {
                copy.set(PROOF, json.createArrayNode().add(proof));
            }
            if (object.get(CREDENTIAL_STATUS) instanceof ArrayNode entries) {
                copy.remove(CREDENTIAL_STATUS);
                describe(credentials.get(kind).validate(copy), "", problems);
                for (int i = 0; i < entries.size(); i++) {
                    describe(
                            statusEntries.get(kind).validate(entries.get(i)),
                            "/" + CREDENTIAL_STATUS + "/" + i,
                            problems);
                }
            } else {
                describe(credentials.get(kind).validate(copy), "", problems);
            }
        } else {
            describe(credentials.get(kind).validate(document), "", problems);
        }
        return problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems;
    }

    /** Whether a credential's JSON text conforms. */
    boolean conforms(String credentialJson) {
        return violations(credentialJson).isEmpty();
    }

    private static void describe(List<Error> errors, String prefix, List<String> into) {
        for (Error error : errors) {
            String location = prefix + error.getInstanceLocation().toString().replaceFirst("^\\$", "");
            into.add((location.isEmpty() ? "the credential" : location) + ": " + error.getMessage());
        }
    }

    private static String resource(String name) {
        try (InputStream in = SchemaConformance.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
