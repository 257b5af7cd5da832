package org.credo.credentials.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.credo.CredoTest;
import org.credo.credentials.JwtFixtures;
import org.credo.credentials.JwtFixtures.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Credo and a JWT library nobody here wrote, panva's jose under Node ({@code src/test/node/vc-jwt}), agree on VC-JWTs
 * signed with Ed25519, P-256 and RSA keys: both verify the valid ones, both refuse the tampered ones. Skips without
 * Node, except in CI ({@code CI=true}).
 */
@CredoTest
class IndependentJwtVerificationTest {

    private static final Path PROJECT = Path.of("src/test/node/vc-jwt");

    @Autowired
    CredentialVerifier verifier;

    @TempDir
    Path temp;

    @BeforeAll
    static void nodeProjectIsInstalled() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean hasNode = run(List.of("node", "--version")).exitCode() == 0;
        if (!ci) {
            assumeTrue(hasNode, "node is not installed: independent VC-JWT verification skipped");
        }
        assertThat(hasNode).as("node must be installed in CI").isTrue();
        if (!Files.isDirectory(PROJECT.resolve("node_modules/jose"))) {
            Outcome install = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertThat(install.exitCode()).as("npm ci: %s", install.output()).isZero();
        }
    }

    @Test
    void credoAndJoseVerifyTheSameValidTokens() throws Exception {
        var ed25519 = JwtFixtures.ed25519();
        var p256 = JwtFixtures.p256();
        var rsa = JwtFixtures.rsa();
        var tokens = new LinkedHashMap<String, String>();
        tokens.put("EdDSA, kid a did:key", JwtFixtures.sign(ed25519, JwtFixtures.openBadge(ed25519.did())));
        tokens.put("ES256, kid a P-256 did:key", JwtFixtures.sign(p256, JwtFixtures.openBadge(p256.did())));
        tokens.put("RS256, kid a did:jwk", JwtFixtures.sign(rsa, JwtFixtures.openBadge(rsa.did())));
        tokens.put(
                "EdDSA, the issuer's key as jwk",
                JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                                .jwk(ed25519.publicJwk())
                                .build(),
                        JwtFixtures.openBadge(ed25519.did()),
                        ed25519.signer()));
        tokens.put(
                "ES256, kid relative to the issuer",
                JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(p256.kid().substring(p256.kid().indexOf('#')))
                                .build(),
                        JwtFixtures.openBadge(p256.did()),
                        p256.signer()));
        tokens.put("VC 1.1 style, vc claim with iss, jti, nbf and exp", vc11Style(ed25519));

        var node = verifyWithNode(tokens.values());

        int i = 0;
        for (var entry : tokens.entrySet()) {
            var credo = verifier.verify(entry.getValue());
            assertThat(credo.verified())
                    .as("Credo, %s: %s", entry.getKey(), credo)
                    .isTrue();
            assertThat(node.get(i).getBoolean("verified"))
                    .as("jose, %s: %s", entry.getKey(), node.get(i))
                    .isTrue();
            i++;
        }
    }

    @Test
    void credoAndJoseRefuseTheSameTamperedTokens() throws Exception {
        var issuer = JwtFixtures.ed25519();
        var stranger = JwtFixtures.ed25519();
        var credential = JwtFixtures.openBadge(issuer.did());
        var valid = JwtFixtures.sign(issuer, credential);
        var x = issuer.publicJwk().toOctetKeyPair().getX().decode();
        var tokens = new LinkedHashMap<String, String>();
        tokens.put(
                "changed payload",
                JwtFixtures.withPayload(
                        valid,
                        Json.createObjectBuilder(credential)
                                .add("name", "Doctorate in Everything")
                                .build()));
        tokens.put("signed by another key", JwtFixtures.sign(issuer.header().build(), credential, stranger.signer()));
        tokens.put(
                "alg none",
                JwtFixtures.compact("{\"alg\":\"none\",\"kid\":\"" + issuer.kid() + "\"}", credential, new byte[0]));
        tokens.put(
                "HS256 with the public key as secret",
                JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .keyID(issuer.kid())
                                .build(),
                        credential,
                        new MACSigner(x)));
        tokens.put(
                "crit it does not understand",
                JwtFixtures.sign(
                        issuer.header()
                                .criticalParams(Set.of("urn:example:policy"))
                                .customParam("urn:example:policy", "strict")
                                .build(),
                        credential,
                        issuer.signer()));
        tokens.put(
                "jwk of another key",
                JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                                .jwk(stranger.publicJwk())
                                .build(),
                        credential,
                        stranger.signer()));
        tokens.put("kid of another DID", JwtFixtures.sign(stranger, credential));
        tokens.put(
                "ES256 over an Ed25519 kid",
                JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(issuer.kid())
                                .build(),
                        credential,
                        JwtFixtures.p256().signer()));
        tokens.put(
                "expired (exp)",
                JwtFixtures.sign(
                        issuer,
                        Json.createObjectBuilder(credential)
                                .add("exp", Instant.now().getEpochSecond() - 60)
                                .build()));

        var node = verifyWithNode(tokens.values());

        int i = 0;
        for (var entry : tokens.entrySet()) {
            var credo = verifier.verify(entry.getValue());
            assertThat(credo.verified())
                    .as("Credo, %s: %s", entry.getKey(), credo)
                    .isFalse();
            assertThat(node.get(i).getBoolean("verified"))
                    .as("jose, %s: %s", entry.getKey(), node.get(i))
                    .isFalse();
            assertThat(node.get(i).getJsonArray("errors")).isNotEmpty();
            i++;
        }
        assertThat(verifier.verify(valid).verified()).isTrue();
        assertThat(verifyWithNode(List.of(valid)).get(0).getBoolean("verified")).isTrue();
    }

    private static String vc11Style(TestKey key) {
        var credential = JwtFixtures.openBadge(key.did());
        var vc = Json.createObjectBuilder(credential)
                .remove("id")
                .remove("validFrom")
                .add(
                        "issuer",
                        Json.createObjectBuilder(credential.getJsonObject("issuer"))
                                .remove("id"))
                .build();
        var now = Instant.now().getEpochSecond();
        return JwtFixtures.sign(
                key,
                Json.createObjectBuilder()
                        .add("vc", vc)
                        .add("iss", key.did())
                        .add("jti", credential.getString("id"))
                        .add(
                                "sub",
                                credential.getJsonObject("credentialSubject").getString("id"))
                        .add("nbf", now - 60)
                        .add("exp", now + 3600)
                        .build());
    }

    private List<JsonObject> verifyWithNode(Iterable<String> tokens) throws Exception {
        var command = new ArrayList<>(List.of("node", "verify-jwt.mjs"));
        int n = 0;
        for (var token : tokens) {
            var file = temp.resolve("token-" + n++ + ".jwt");
            Files.writeString(file, token, StandardCharsets.US_ASCII);
            command.add(file.toAbsolutePath().toString());
        }
        var outcome = run(command);
        var results = new ArrayList<JsonObject>();
        for (var line : outcome.output().strip().lines().toList()) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                results.add(reader.readObject());
            } catch (RuntimeException e) {
                throw new AssertionError("verify-jwt.mjs printed something else than results: " + outcome.output(), e);
            }
        }
        assertThat(results).as("one result per token: %s", outcome.output()).hasSize(n);
        return results;
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
