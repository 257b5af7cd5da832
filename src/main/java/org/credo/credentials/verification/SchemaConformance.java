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

    static final String SCHEMA_ID =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json";
    private static final String RESOURCE = "vc/schemas/ob_v3p0_achievementcredential.json";
    private static final String CREDENTIAL_STATUS = "credentialStatus";
    private static final int MAX_REPORTED = 10;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Schema credential;
    private final Schema credentialStatus;

    SchemaConformance() {
        String text = resource(RESOURCE);
        // The schema is served from memory under its own id; remote fetching stays off, so a $ref elsewhere fails.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2019_09,
                builder -> builder.schemas(Map.of(SCHEMA_ID, text))
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        this.credential = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
        this.credentialStatus = registry.getSchema(SchemaLocation.of(SCHEMA_ID + "#/$defs/CredentialStatus"));
        this.credential.initializeValidators();
        this.credentialStatus.initializeValidators();
    }

    /** The schema violations of a credential, in words, at most ten; empty if it conforms. */
    List<String> violations(String credentialJson) {
        JsonNode document = json.readTree(credentialJson);
        List<String> problems = new ArrayList<>();
        if (document instanceof ObjectNode object && object.get(CREDENTIAL_STATUS) instanceof ArrayNode entries) {
            ObjectNode copy = object.deepCopy();
            copy.remove(CREDENTIAL_STATUS);
            describe(credential.validate(copy), "", problems);
            for (int i = 0; i < entries.size(); i++) {
                describe(credentialStatus.validate(entries.get(i)), "/" + CREDENTIAL_STATUS + "/" + i, problems);
            }
        } else {
            describe(credential.validate(document), "", problems);
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
