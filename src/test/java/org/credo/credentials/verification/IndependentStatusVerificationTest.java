package org.credo.credentials.verification;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.config.CredoProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Revocation and suspension, as seen by Digital Bazaar's verifier reading the status lists from the running server.
 *
 * <p>The credentials name their status lists under the configured {@code credo.base-url} (http://localhost:8080 in
 * tests), while the test server listens on a random port. Rather than rewrite signed credentials, {@code verify.mjs}
 * is told to accept status lists under that base URL ({@code --status-base-url}) and to fetch them from the running
 * server ({@code --status-origin http://localhost:<port>}); the list keeps its own URL as its identity, exactly as a
 * verifier on the real host would see it. Skips without Node, except in CI ({@code CI=true}).
 */
@CredoTest
class IndependentStatusVerificationTest {

    private static final Path PROJECT = Path.of("src/test/node/vc-verify");

    @LocalServerPort
    int port;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuers issuers;

    @Autowired
    CredoProperties properties;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    @BeforeAll
    static void nodeProjectIsInstalled() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean hasNode = run(List.of("node", "--version")).exitCode() == 0;
        if (!ci) {
            assumeTrue(hasNode, "node is not installed: independent status verification skipped");
        }
        assertThat(hasNode).as("node must be installed in CI").isTrue();
        if (!Files.isDirectory(PROJECT.resolve("node_modules/@digitalbazaar/vc"))) {
            Outcome install = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertThat(install.exitCode()).as("npm ci: %s", install.output()).isZero();
        }
    }

    IssuedCredential issue(Cryptosuite suite) {
        return issue(suite, true);
    }

    /** With or without the suspension entry that the organization may publish besides revocation (ADR 15). */
    IssuedCredential issue(Cryptosuite suite, boolean suspensionEntries) {
        var org = CredentialFixtures.northfield(jdbc);
        // Node resolves did:key only; another test may have switched the organization to did:web.
        issuers.useDidMethod(org, "key");
        issuers.usePolicy(org, new org.credo.credentials.issuer.IssuancePolicy(true, suspensionEntries));
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        return issuance.issue(org, CredentialFixtures.request(achievement.id(), "n@example.test", suite), "test", null);
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void activeCredentialIsNeitherRevokedNorSuspended(Cryptosuite suite) throws Exception {
        var result = verifyWithNode(issue(suite).document());

        assertThat(result.getBoolean("verified")).as("%s", result).isTrue();
        assertThat(status(result, "revocation")).as("%s", result).isFalse();
        assertThat(status(result, "suspension")).as("%s", result).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void revokedCredentialIsRevokedForNode(Cryptosuite suite) throws Exception {
        var credential = issue(suite);
        issuance.revoke(credential.organizationId(), credential.id(), "Issued in error");

        var result = verifyWithNode(credential.document());

        assertThat(status(result, "revocation")).as("%s", result).isTrue();
        assertThat(status(result, "suspension")).as("%s", result).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void withTheDefaultSingleRevocationEntryNodeSeesARevocation(Cryptosuite suite) throws Exception {
        var credential = issue(suite, false);
        assertThat(credential.document()).doesNotContain("\"suspension\"");
        issuance.revoke(credential.organizationId(), credential.id(), "Issued in error");

        var result = verifyWithNode(credential.document());

        assertThat(status(result, "revocation")).as("%s", result).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void suspendedCredentialIsSuspendedForNode(Cryptosuite suite) throws Exception {
        var credential = issue(suite);
        issuance.suspend(credential.organizationId(), credential.id(), "Under review");

        var result = verifyWithNode(credential.document());

        assertThat(status(result, "suspension")).as("%s", result).isTrue();
        assertThat(status(result, "revocation")).as("%s", result).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void tamperedCopyFailsForNode(Cryptosuite suite) throws Exception {
        var document =
                Json.createReader(new StringReader(issue(suite).document())).readObject();
        var tampered = Json.createObjectBuilder(document)
                .add("name", "Doctorate in Everything")
                .build();

        var result = verifyWithNode(tampered.toString());

        assertThat(result.getBoolean("verified")).as("%s", result).isFalse();
        assertThat(result.getJsonArray("errors")).isNotEmpty();
    }

    // Digital Bazaar's checkStatus says verified even for a revoked credential: the bit is in each result's status.
    private static boolean status(JsonObject result, String purpose) {
        return result.getJsonArray("status").getValuesAs(JsonObject.class).stream()
                .filter(r -> purpose.equals(r.getString("purpose")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + purpose + " status in " + result))
                .getBoolean("status");
    }

    private JsonObject verifyWithNode(String credential) throws Exception {
        Path file = temp.resolve("credential-" + UUID.randomUUID() + ".json");
        Files.writeString(file, credential, StandardCharsets.UTF_8);
        Outcome outcome = run(List.of(
                "node",
                "verify.mjs",
                file.toAbsolutePath().toString(),
                "--status-base-url",
                properties.link("/status/"),
                "--status-origin",
                "http://localhost:" + port));
        String lastLine = outcome.output().strip().lines().reduce((a, b) -> b).orElse("");
        try (JsonReader reader = Json.createReader(new StringReader(lastLine))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("verify.mjs printed no JSON result: " + outcome.output(), e);
        }
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(PROJECT.toFile())
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
