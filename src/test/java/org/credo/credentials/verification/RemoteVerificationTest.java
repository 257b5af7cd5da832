package org.credo.credentials.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credo.credentials.verification.CredentialVerifierTest.check;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.CredentialDocuments;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.network.RemoteDocuments;
import org.credo.credentials.network.RemoteServer;
import org.credo.credentials.signing.Base58Btc;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DataIntegrity;
import org.credo.credentials.signing.Ed25519KeyPair;
import org.credo.credentials.status.Bitstring;
import org.credo.credentials.status.StatusListCredentials;
import org.credo.credentials.verification.VerificationReport.Outcome;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Credentials of issuers on other servers: their did:web keys and status lists, fetched from a local HTTPS server
 * that the test configuration lets through as {@value RemoteServer#HOST}, and everything that must be refused.
 */
@CredoTest
class RemoteVerificationTest {

    static RemoteServer remote;

    @Autowired
    CredentialVerifier verifier;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    DataIntegrity dataIntegrity;

    @Autowired
    RemoteDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final Ed25519KeyPair key = Ed25519KeyPair.generate();
    String did;

    @BeforeAll
    static void start() throws Exception {
        remote = new RemoteServer();
    }

    @AfterAll
    static void stop() throws Exception {
        remote.close();
    }

    @BeforeEach
    void anIssuerOnAnotherServer() {
        documents.forgetCached();
        did = remote.did("issuers", "tech");
        remote.json("/issuers/tech/did.json", didDocument(did, key, "Multikey", true));
    }

    // ---- did:web issuers

    @ParameterizedTest
    @ValueSource(strings = {"Multikey", "Ed25519VerificationKey2020", "Ed25519VerificationKey2018", "JsonWebKey"})
    void credentialOfADidWebIssuerOnAnotherServerVerifies(String keyType) {
        remote.json("/issuers/tech/did.json", didDocument(did, key, keyType, true));

        var report = verifier.verify(credential(did, null));

        assertThat(report.verdict()).as("%s", report).isEqualTo(Verdict.VERIFIED);
        assertThat(check(report, "Issuer key").explanation())
                .contains("read over HTTPS from its DID document at " + remote.origin() + "/issuers/tech/did.json");
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void keyTheDidDocumentDoesNotAllowForIssuingIsNotTheIssuersKey() {
        remote.json("/issuers/tech/did.json", didDocument(did, key, "Multikey", false));

        var report = verifier.verify(credential(did, null));

        assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER_KEY);
        assertThat(check(report, "Issuer key").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(report, "Issuer key").explanation()).contains("assertionMethod");
    }

    @Test
    void didWebOfLoopbackPrivateOrMetadataAddressesIsRefusedWithoutAConnection() {
        var port = remote.trapPort();
        for (var refused : List.of(
                "did:web:localhost%3A" + port,
                "did:web:127.0.0.1%3A" + port,
                "did:web:10.0.0.1",
                "did:web:169.254.169.254")) {
            var report = verifier.verify(credential(refused, null));

            assertThat(report.verdict()).as(refused).isEqualTo(Verdict.UNKNOWN_ISSUER_KEY);
            assertThat(check(report, "Issuer key").outcome()).isEqualTo(Outcome.NOT_CHECKED);
            assertThat(check(report, "Issuer key").explanation())
                    .containsAnyOf("not a public internet address", "names an IP address");
        }
        assertThat(remote.trapped()).isZero();
    }

    @Test
    void didDocumentRedirectedToAPrivateAddressIsRefused() {
        var moved = remote.did("moved");
        remote.redirect("/moved/did.json", "https://169.254.169.254/latest/meta-data/");
        var loopback = remote.did("loopback");
        remote.redirect("/loopback/did.json", "https://127.0.0.1:" + remote.trapPort() + "/did.json");

        for (var redirected : List.of(moved, loopback)) {
            var report = verifier.verify(credential(redirected, null));

            assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER_KEY);
            assertThat(check(report, "Issuer key").explanation()).contains("not a public internet address");
        }
        assertThat(remote.trapped()).isZero();
    }

    @Test
    void oversizedAndSlowDidDocumentsAreRefused() {
        var huge = remote.did("huge");
        remote.chunked("/huge/did.json", 300 * 1024);
        var slow = remote.did("slow");
        remote.slow("/slow/did.json", Duration.ofSeconds(8), didDocument(slow, key, "Multikey", true));

        var tooLarge = verifier.verify(credential(huge, null));
        long start = System.nanoTime();
        var tooSlow = verifier.verify(credential(slow, null));

        assertThat(check(tooLarge, "Issuer key").explanation()).contains("larger than 256 KB");
        assertThat(check(tooSlow, "Issuer key").explanation()).contains("took longer than 4000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
        assertThat(List.of(tooLarge.verdict(), tooSlow.verdict())).containsOnly(Verdict.UNKNOWN_ISSUER_KEY);
    }

    // ---- status lists of other servers

    @Test
    void revokedBitInARemoteStatusListIsReportedRevoked() {
        var bits = new byte[StatusChecks.MINIMUM_ENTRIES / 8];
        Bitstring.set(bits, 42, true);
        remote.json(
                "/lists/1",
                statusList(remote.origin() + "/lists/1", did, key, "revocation", bits)
                        .toString());

        var revoked = verifier.verify(credential(did, entry("revocation", "/lists/1", Json.createValue("42"))));
        var clear = verifier.verify(credential(did, entry("revocation", "/lists/1", Json.createValue("43"))));

        assertThat(revoked.verdict()).as("%s", revoked).isEqualTo(Verdict.REVOKED);
        assertThat(check(revoked, "Status: revocation").explanation())
                .isEqualTo(
                        "Revoked by its issuer, says its signed revocation list at " + remote.origin() + "/lists/1.");
        assertThat(clear.verdict()).as("%s", clear).isEqualTo(Verdict.VERIFIED);
        assertThat(check(clear, "Status: revocation").explanation()).startsWith("Not revoked");
    }

    @Test
    void statusListsThatCannotBeReadOrTrustedLeaveTheStatusUnknownAndSayWhy() {
        var bits = new byte[StatusChecks.MINIMUM_ENTRIES / 8];
        var stranger = Ed25519KeyPair.generate();
        var strangers = stranger.didKey().did();
        remote.json(
                "/lists/stranger",
                statusList(remote.origin() + "/lists/stranger", strangers, stranger, "revocation", bits)
                        .toString());
        var forged = statusList(
                remote.origin() + "/lists/forged",
                did,
                stranger,
                stranger.didKey().verificationMethodId(),
                "revocation",
                bits);
        remote.json("/lists/forged", forged.toString());
        var signed = statusList(remote.origin() + "/lists/changed", did, key, "revocation", bits);
        var changedBits = new byte[bits.length];
        Bitstring.set(changedBits, 7, true);
        var changed = Json.createObjectBuilder(signed)
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder(signed.getJsonObject("credentialSubject"))
                                .add("encodedList", Bitstring.encode(changedBits)))
                .build();
        remote.json("/lists/changed", changed.toString());
        remote.json(
                "/lists/suspension",
                statusList(remote.origin() + "/lists/suspension", did, key, "suspension", bits)
                        .toString());
        remote.json(
                "/lists/short",
                statusList(remote.origin() + "/lists/short", did, key, "revocation", new byte[1024])
                        .toString());
        remote.json(
                "/lists/ok",
                statusList(remote.origin() + "/lists/ok", did, key, "revocation", bits)
                        .toString());

        var expectations = Map.of(
                entry("revocation", "/lists/missing", Json.createValue("1")), "answered HTTP 404",
                entry("revocation", "/lists/stranger", Json.createValue("1")),
                        "was issued by " + strangers + ", not by the credential's issuer",
                entry("revocation", "/lists/forged", Json.createValue("1")), "is signed with a key of " + strangers,
                entry("revocation", "/lists/changed", Json.createValue("1")), "own signature does not verify",
                entry("revocation", "/lists/suspension", Json.createValue("1")),
                        "is for [suspension], not for revocation",
                entry("revocation", "/lists/short", Json.createValue("1")), "has room for 8192 entries",
                entry("revocation", "/lists/ok", Json.createValue("131072")), "is beyond the end of the status list");
        expectations.forEach((entry, why) -> {
            var report = verifier.verify(credential(did, entry));

            assertThat(report.verdict()).as("%s: %s", why, report).isEqualTo(Verdict.STATUS_UNKNOWN);
            assertThat(report.verified()).isFalse();
            assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.PASSED);
            assertThat(check(report, "Status: revocation").explanation())
                    .as(why)
                    .contains(why);
        });
    }

    @Test
    void malformedStatusEntriesAreMalformedAndNamedNotTampered() {
        var expectations = Map.of(
                entry("revocation", "/lists/any", Json.createValue(42)),
                        "statusListIndex must be a string of base-10 digits (like \"94567\"), not 42 (a number)",
                entry("revocation", "/lists/any", Json.createValue("4x")),
                        "statusListIndex must be a string of base-10 digits",
                sized(entry("message", "/lists/any", Json.createValue("1")), 0, null),
                        "statusSize must be an integer greater than zero",
                sized(entry("message", "/lists/any", Json.createValue("1")), 2, null),
                        "must give a statusMessage for each of the 4 values",
                sized(entry("message", "/lists/any", Json.createValue("1")), 2, messages("ok", "hold", "gone")),
                        "statusMessage must be a list of 4 messages");
        expectations.forEach((entry, why) -> {
            var report = verifier.verify(credential(did, entry));

            assertThat(report.verdict()).as(why).isEqualTo(Verdict.MALFORMED);
            assertThat(report.checks(Outcome.FAILED))
                    .singleElement()
                    .satisfies(check -> assertThat(check.explanation()).contains("malformed", why));
        });
        assertThat(remote.requests("/lists/any")).isZero();
    }

    @Test
    void messageStatusIsReportedInTheIssuersWords() {
        // statusSize 2: entry 5 is bits 10 and 11; "10" is the value 2.
        var bits = new byte[2 * StatusChecks.MINIMUM_ENTRIES / 8];
        Bitstring.set(bits, 10, true);
        remote.json(
                "/lists/messages",
                statusList(remote.origin() + "/lists/messages", did, key, "message", bits)
                        .toString());
        var messages = messages("accepted", "pending review", "under appeal", "withdrawn");

        var flagged = verifier.verify(
                credential(did, sized(entry("message", "/lists/messages", Json.createValue("5")), 2, messages)));
        var clear = verifier.verify(
                credential(did, sized(entry("message", "/lists/messages", Json.createValue("6")), 2, messages)));

        assertThat(flagged.verdict()).as("%s", flagged).isEqualTo(Verdict.VERIFIED);
        assertThat(check(flagged, "Status: message").outcome()).isEqualTo(Outcome.WARNING);
        assertThat(check(flagged, "Status: message").explanation())
                .contains("Its issuer's status message: \"under appeal\" (value 0x2");
        assertThat(check(clear, "Status: message").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(check(clear, "Status: message").explanation()).contains("\"accepted\"");
    }

    @Test
    void statusUnknownIsNotVerifiedInTheApiAndSaidOnThePage() throws Exception {
        var credential = credential(did, entry("revocation", "/lists/gone", Json.createValue("3")))
                .toString();

        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verifiableCredential\":" + credential + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.verdict").value("Signature valid, status unknown"))
                .andExpect(jsonPath("$.checks[*]").value(org.hamcrest.Matchers.hasItem("signature")))
                .andExpect(jsonPath("$.errors[0].type", endsWith("/status-unknown")))
                .andExpect(jsonPath("$.errors[0].detail", containsString("answered HTTP 404")));
        mvc.perform(post("/verify").with(csrf()).param("credential", credential))
                .andExpect(content().string(containsString(">Signature valid, status unknown</p>")))
                .andExpect(content().string(containsString(">?</span>")))
                .andExpect(content().string(containsString("alert-warning")));
    }

    @Autowired
    StatusListCredentials lists;

    @Autowired
    IssuedCredentials issued;

    @Autowired
    CredentialDocuments credentialDocuments;

    @Test
    void withTheNetworkOffARemoteStatusIsNotCheckedAndSaysSo() {
        var off = RemoteServer.turnedOff();
        var checks = new StatusChecks(lists, issued, dataIntegrity, off, credentialDocuments);
        remote.json("/lists/off", "{}");

        var results = checks.check(credential(did, entry("revocation", "/lists/off", Json.createValue("3"))), did);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.verdict()).isEqualTo(Verdict.STATUS_UNKNOWN);
            assertThat(result.check().outcome()).isEqualTo(Outcome.NOT_CHECKED);
            assertThat(result.check().explanation())
                    .contains("was not fetched", "turned off credo.verification.network.enabled");
        });
        assertThat(remote.requests("/lists/off")).isZero();
    }

    // ---- fixtures

    /** A credential as Credo issues it, signed again by {@code issuer}'s key #key-1, with one status entry or none. */
    JsonObject credential(String issuer, JsonObject status) {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var base = CredentialFixtures.request(achievement.id(), "remote@example.test", Cryptosuite.JCS);
        var request = new IssueRequest(
                base.achievementId(),
                new IssueRequest.Recipient("Remy Remote", "remote@example.test", null, null),
                null,
                null,
                base.evidence(),
                base.results(),
                base.cryptosuite());
        var document = Json.createReader(new StringReader(
                        issuance.issue(org, request, "test", null).document()))
                .readObject();
        var unsigned = Json.createObjectBuilder(document)
                .remove("proof")
                .remove("credentialStatus")
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", issuer)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Remote Institute of Technology"));
        if (status != null) {
            unsigned.add("credentialStatus", status);
        }
        return dataIntegrity.sign(unsigned.build(), Cryptosuite.JCS, key, issuer + "#key-1", Instant.now());
    }

    static String didDocument(String did, Ed25519KeyPair key, String type, boolean forIssuing) {
        var method = Json.createObjectBuilder()
                .add("id", did + "#key-1")
                .add("type", type)
                .add("controller", did);
        switch (type) {
            case "Ed25519VerificationKey2018" -> method.add("publicKeyBase58", Base58Btc.encode(key.publicKey()));
            case "JsonWebKey" ->
                method.add(
                        "publicKeyJwk",
                        Json.createObjectBuilder()
                                .add("kty", "OKP")
                                .add("crv", "Ed25519")
                                .add(
                                        "x",
                                        Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey())));
            default -> method.add("publicKeyMultibase", key.publicKeyMultibase());
        }
        var document = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/did/v1"))
                .add("id", did)
                .add("verificationMethod", Json.createArrayBuilder().add(method))
                .add("authentication", Json.createArrayBuilder().add("#key-1"));
        if (forIssuing) {
            document.add("assertionMethod", Json.createArrayBuilder().add("#key-1"));
        }
        return document.build().toString();
    }

    JsonObject statusList(String url, String issuer, Ed25519KeyPair signer, String purpose, byte[] bits) {
        var method = issuer.startsWith("did:key:") ? signer.didKey().verificationMethodId() : issuer + "#key-1";
        return statusList(url, issuer, signer, method, purpose, bits);
    }

    JsonObject statusList(
            String url, String issuer, Ed25519KeyPair signer, String method, String purpose, byte[] bits) {
        var unsigned = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(CredentialVerifier.VC_V2))
                .add("id", url)
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
                .add("issuer", issuer)
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", url + "#list")
                                .add("type", "BitstringStatusList")
                                .add("statusPurpose", purpose)
                                .add("encodedList", Bitstring.encode(bits)))
                .build();
        return dataIntegrity.sign(unsigned, Cryptosuite.JCS, signer, method, Instant.now());
    }

    static JsonObject entry(String purpose, String path, JsonValue index) {
        return Json.createObjectBuilder()
                .add("id", remote.origin() + path + "#" + index)
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", purpose)
                .add("statusListIndex", index)
                .add("statusListCredential", remote.origin() + path)
                .build();
    }

    static JsonObject sized(JsonObject entry, int size, JsonArray messages) {
        JsonObjectBuilder sized = Json.createObjectBuilder(entry).add("statusSize", size);
        if (messages != null) {
            sized.add("statusMessage", messages);
        }
        return sized.build();
    }

    static JsonArray messages(String... words) {
        var messages = Json.createArrayBuilder();
        for (int i = 0; i < words.length; i++) {
            messages.add(Json.createObjectBuilder()
                    .add("status", "0x" + Integer.toHexString(i))
                    .add("message", words[i]));
        }
        return messages.build();
    }
}
