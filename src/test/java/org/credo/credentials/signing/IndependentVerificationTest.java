package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Credentials Credo signs verify in an implementation nobody here wrote: Digital Bazaar's VC stack under Node
 * ({@code src/test/node/vc-verify}), offline. Skips without Node, except in CI ({@code CI=true}).
 */
class IndependentVerificationTest {

    private static final Path PROJECT = Path.of("src/test/node/vc-verify");
    private static final DataIntegrity DATA_INTEGRITY = DataIntegrity.offline();
    private static final Ed25519KeyPair ISSUER = Ed25519KeyPair.generate();

    @TempDir
    Path temp;

    @BeforeAll
    static void nodeProjectIsInstalled() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean hasNode = run(List.of("node", "--version"), PROJECT).exitCode() == 0;
        if (!ci) {
            assumeTrue(hasNode, "node is not installed: independent verification skipped");
        }
        assertThat(hasNode).as("node must be installed in CI").isTrue();
        if (!Files.isDirectory(PROJECT.resolve("node_modules/@digitalbazaar/vc"))) {
            Outcome install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), PROJECT);
            assertThat(install.exitCode()).as("npm ci: %s", install.output()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void openBadgeCredentialSignedByCredoVerifiesIndependently(Cryptosuite suite) throws Exception {
        JsonObject signed = DATA_INTEGRITY.sign(
                TestDocuments.openBadge(ISSUER.didKey()), suite, ISSUER, Instant.parse("2026-06-01T12:00:00Z"));

        JsonObject result = verifyWithNode(signed);

        assertThat(result.getBoolean("verified")).as("%s", result).isTrue();
        assertThat(result.getJsonArray("errors")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void variedCredentialsVerifyIndependently(Cryptosuite suite) throws Exception {
        // Language maps, control characters, doubles and optional nesting, as in the equivalence test.
        RandomCredentials credentials =
                new RandomCredentials(suite.ordinal() + 11L, ISSUER.didKey().did());
        for (int i = 0; i < 4; i++) {
            JsonObject credential = Json.createObjectBuilder(credentials.next())
                    .add("description", "tab\there, line\nbreak, bell\u0007, del\u007f, café 🎓")
                    .add("validFrom", "2020-01-01T00:00:00Z") // the verifier checks the validity period
                    .remove("validUntil")
                    .build();
            JsonObject signed = DATA_INTEGRITY.sign(credential, suite, ISSUER, Instant.now());

            JsonObject result = verifyWithNode(signed);

            assertThat(result.getBoolean("verified"))
                    .as("%s for %s", result, signed)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void tamperedCredentialFailsIndependentVerification(Cryptosuite suite) throws Exception {
        JsonObject signed = DATA_INTEGRITY.sign(
                TestDocuments.openBadge(ISSUER.didKey()), suite, ISSUER, Instant.parse("2026-06-01T12:00:00Z"));
        JsonObject tampered = Json.createObjectBuilder(signed)
                .add("name", "Doctorate in Data Analysis")
                .build();

        JsonObject result = verifyWithNode(tampered);

        assertThat(result.getBoolean("verified")).as("%s", result).isFalse();
        assertThat(result.getJsonArray("errors")).isNotEmpty();
        assertThat(DATA_INTEGRITY.verify(tampered).verified()).isFalse();
    }

    private JsonObject verifyWithNode(JsonObject credential) throws Exception {
        Path file = temp.resolve("credential.json");
        Files.writeString(file, credential.toString(), StandardCharsets.UTF_8);
        Outcome outcome =
                run(List.of("node", "verify.mjs", file.toAbsolutePath().toString()), PROJECT);
        String lastLine = outcome.output().strip().lines().reduce((a, b) -> b).orElse("");
        try (JsonReader reader = Json.createReader(new StringReader(lastLine))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("verify.mjs printed no JSON result: " + outcome.output(), e);
        }
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome run(List<String> command, Path directory) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(-1, output + "\n(timed out)");
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            return new Outcome(-1, e.toString());
        }
    }
}
