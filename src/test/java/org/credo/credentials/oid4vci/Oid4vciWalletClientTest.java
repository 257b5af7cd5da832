package org.credo.credentials.oid4vci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.verification.CredentialVerifier;
import org.credo.credentials.verification.VerificationReport;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.config.CredoProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The issue's key test: an OpenID4VCI client nobody here wrote ({@code @openid4vc/openid4vci} under Node, in
 * {@code src/test/node/oid4vci}) claims the earner's credential from the running application with the offer the
 * earner got from the wallet page, using a key it generated itself. The credential it receives verifies with Credo's
 * verifier and with Digital Bazaar's ({@code src/test/node/vc-verify}), names the Node key's DID as its subject, and
 * is not revoked. Skips without Node, except in CI ({@code CI=true}).
 */
@CredoTest
class Oid4vciWalletClientTest {

    private static final Path CLIENT = Path.of("src/test/node/oid4vci");
    private static final Path VERIFIER = Path.of("src/test/node/vc-verify");

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuers issuers;

    @Autowired
    OutboxSender sender;

    @Autowired
    CredentialVerifier verifier;

    @Autowired
    CredoProperties properties;

    @TempDir
    Path temp;

    @BeforeAll
    static void nodeProjectsAreInstalled() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean hasNode = run(List.of("node", "--version"), CLIENT).exitCode() == 0;
        if (!ci) {
            assumeTrue(hasNode, "node is not installed: the independent OpenID4VCI client test is skipped");
        }
        assertThat(hasNode).as("node must be installed in CI").isTrue();
        install(CLIENT, "node_modules/@openid4vc/openid4vci");
        install(VERIFIER, "node_modules/@digitalbazaar/vc");
    }

    private static void install(Path project, String marker) throws Exception {
        if (!Files.isDirectory(project.resolve(marker))) {
            Outcome install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), project);
            assertThat(install.exitCode())
                    .as("npm ci in %s: %s", project, install.output())
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0} key, {1} binding, {2}")
    @CsvSource({"ed25519, did, RDFC", "p256, jwk, JCS", "p256, did, RDFC", "ed25519, jwk, JCS"})
    void anIndependentWalletClaimsTheCredentialWithThePreAuthorizedCodeFlow(
            String key, String binding, Cryptosuite suite) throws Exception {
        var credential = issue(suite);
        var http = new Oid4vciHttp(port);
        sender.sendDue();
        var claimLink = Mailbox.link(Mailbox.awaitMessageTo(mail, credential.recipientEmail()), "/wallet/claim/");
        var offer = http.earner().claim(claimLink).offer(credential.id());

        var result = claim(offer, key, binding);

        assertThat(result.getBoolean("ok")).as("%s", result).isTrue();
        assertThat(result.getString("version"))
                .as("the client reads the metadata as OpenID4VCI 1.0")
                .isEqualTo("V1");
        var delivered = result.getJsonObject("credential");
        var holderDid = result.getString("holderDid");
        assertThat(holderDid).startsWith(binding.equals("did") ? "did:key:z" : "did:jwk:");
        assertThat(delivered.getJsonObject("credentialSubject").getString("id")).isEqualTo(holderDid);
        assertThat(delivered.getString("id")).isEqualTo("urn:uuid:" + credential.id());

        var report = verifier.verify(delivered);
        assertThat(report.verdict()).as("%s", report.checks()).isEqualTo(VerificationReport.Verdict.VERIFIED);

        var independent = verifyWithDigitalBazaar(delivered);
        assertThat(independent.getBoolean("verified")).as("%s", independent).isTrue();
        assertThat(independent.getJsonArray("status").getValuesAs(JsonObject.class))
                .as("%s", independent)
                .isNotEmpty()
                .allSatisfy(status -> assertThat(status.getBoolean("status")).isFalse());
        assertThat(jdbc.sql("SELECT holder_did FROM oid4vci_delivery WHERE credential_id = ?")
                        .param(credential.id())
                        .query(String.class)
                        .list())
                .containsExactly(holderDid);
    }

    private JsonObject claim(String offer, String key, String binding) throws Exception {
        var outcome = run(
                List.of(
                        "node",
                        "claim.mjs",
                        offer,
                        "--origin",
                        "http://localhost:" + port,
                        "--key",
                        key,
                        "--binding",
                        binding),
                CLIENT);
        return lastJsonLine(outcome, "claim.mjs");
    }

    private JsonObject verifyWithDigitalBazaar(JsonObject credential) throws Exception {
        Path file = temp.resolve("delivered-" + UUID.randomUUID() + ".json");
        Files.writeString(file, credential.toString(), StandardCharsets.UTF_8);
        var outcome = run(
                List.of(
                        "node",
                        "verify.mjs",
                        file.toAbsolutePath().toString(),
                        "--status-base-url",
                        properties.link("/status/"),
                        "--status-origin",
                        "http://localhost:" + port),
                VERIFIER);
        return lastJsonLine(outcome, "verify.mjs");
    }

    private IssuedCredential issue(Cryptosuite suite) {
        var organization = CredentialFixtures.northfield(jdbc);
        // Digital Bazaar's verifier here resolves did:key only; another test may have switched to did:web.
        issuers.useDidMethodNow(organization, "key");
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "node-wallet-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var recipient = new IssueRequest.Recipient("Nora Node", email, null, null);
        return issuance.issue(
                organization,
                CredentialFixtures.request(achievement.id(), recipient, suite),
                "OID4VCI wallet client test",
                null);
    }

    private static JsonObject lastJsonLine(Outcome outcome, String script) {
        String lastLine = outcome.output().strip().lines().reduce((a, b) -> b).orElse("");
        try (var reader = Json.createReader(new StringReader(lastLine))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError(script + " printed no JSON result: " + outcome.output(), e);
        }
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome run(List<String> command, Path directory) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
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
