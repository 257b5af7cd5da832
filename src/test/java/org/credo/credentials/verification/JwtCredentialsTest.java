package org.credo.credentials.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.JwtFixtures;
import org.credo.credentials.JwtFixtures.TestKey;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.verification.VerificationReport.Check;
import org.credo.credentials.verification.VerificationReport.Outcome;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * VC-JWTs of credentials Credo issued, signed again as JWS with the issuer's own key, go through the same checks as
 * the credentials themselves: issuer key, signature, validity window, status lists and Open Badges schema.
 */
@CredoTest
class JwtCredentialsTest {

    @Autowired
    CredentialVerifier verifier;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuers issuers;

    @Autowired
    JdbcClient jdbc;

    /** A credential of Northfield, issued as its did:key or its did:web, and its issuer's key for JWTs. */
    record Issued(IssuedCredential credential, JsonObject unsigned, TestKey key) {

        String jwt() {
            return JwtFixtures.sign(key, unsigned);
        }

        String issuerId() {
            return Facts.issuerId(unsigned);
        }
    }

    Issued issue(String didMethod) {
        var org = CredentialFixtures.northfield(jdbc);
        var before = issuers.issuer(org).id().startsWith("did:web:") ? "web" : "key";
        issuers.useDidMethodNow(org, didMethod);
        try {
            var achievement = CredentialFixtures.publishedAchievement(achievements, org);
            var request = new IssueRequest(
                    achievement.id(),
                    new IssueRequest.Recipient("Jo Token", "jo.token@example.test", null, null),
                    null,
                    null,
                    null,
                    null,
                    Cryptosuite.RDFC);
            var credential = issuance.issue(org, request, "test", null);
            var key = JwtFixtures.issuerKey(credential, issuers);
            var unsigned = JwtFixtures.unsigned(credential);
            return new Issued(credential, unsigned, key);
        } finally {
            issuers.useDidMethodNow(org, before);
        }
    }

    static Check check(VerificationReport report, String name) {
        return report.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key", "web"})
    void vcJwtOfAnIssuedCredentialVerifiesWithEveryCheckPassed(String didMethod) {
        var issued = issue(didMethod);

        var report = verifier.verify(issued.jwt());

        assertThat(report.verdict()).as("%s", report).isEqualTo(Verdict.VERIFIED);
        assertThat(report.checks()).extracting(Check::outcome).containsOnly(Outcome.PASSED);
        assertThat(report.checks())
                .extracting(Check::name)
                .containsExactly(
                        "Well-formed credential",
                        "Issuer key",
                        "Signature",
                        "Validity period",
                        "Status: revocation",
                        "Status: suspension",
                        "Open Badges schema");
        assertThat(check(report, "Signature").explanation()).contains("JWS signature (EdDSA, Ed25519 key) matches");
        assertThat(report.facts().recipientName()).isEqualTo("Jo Token");
        assertThat(issued.issuerId()).startsWith("did:" + didMethod + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {"key", "web"})
    void keyInTheHeaderVerifiesWhenItIsTheIssuersAndIsRefusedWhenNot(String didMethod) {
        var issued = issue(didMethod);
        var own = JwtFixtures.sign(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                        .jwk(issued.key().publicJwk())
                        .build(),
                issued.unsigned(),
                issued.key().signer());
        var stranger = JwtFixtures.ed25519();
        var foreign = JwtFixtures.sign(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                        .jwk(stranger.publicJwk())
                        .build(),
                issued.unsigned(),
                stranger.signer());

        assertThat(verifier.verify(own).verdict()).isEqualTo(Verdict.VERIFIED);
        var report = verifier.verify(foreign);
        assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER_KEY);
        assertThat(check(report, "Issuer key").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(report, "Issuer key").explanation())
                .contains("The key in the JWT header (jwk) is not")
                .contains(issued.issuerId());
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.NOT_CHECKED);
    }

    @Test
    void vcJwtOfARevokedCredentialIsReportedRevoked() {
        var issued = issue("key");
        issuance.revoke(
                issued.credential().organizationId(), issued.credential().id(), "Awarded in error");

        var report = verifier.verify(issued.jwt());

        assertThat(report.verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(check(report, "Status: revocation").explanation()).contains("Awarded in error");
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aChangedPayloadIsTampered() {
        var issued = issue("key");
        var forged = Json.createObjectBuilder(issued.unsigned())
                .add("name", "Doctorate in Everything")
                .build();

        var report = verifier.verify(JwtFixtures.withPayload(issued.jwt(), forged));

        assertThat(report.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(check(report, "Signature").explanation()).contains("Tampered", "(EdDSA)");
    }

    @Test
    void aKidOfAnotherDidIsNotTheIssuersKey() {
        var issued = issue("key");
        var stranger = JwtFixtures.ed25519();

        var report = verifier.verify(JwtFixtures.sign(stranger, issued.unsigned()));

        assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER_KEY);
        assertThat(check(report, "Issuer key").explanation())
                .contains(stranger.did(), "which is not its issuer", issued.issuerId());
    }

    @Test
    void anAlgorithmThatDoesNotFitTheIssuersKeyIsRefused() {
        var issued = issue("key");
        var p256 = JwtFixtures.p256();
        var token = JwtFixtures.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(issued.key().kid())
                        .build(),
                issued.unsigned(),
                p256.signer());

        var report = verifier.verify(token);

        assertThat(report.verified()).isFalse();
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(report, "Signature").explanation())
                .contains("alg ES256 needs an EC P-256 key, but the key is Ed25519");
    }

    @Test
    void refusedHeadersAreNamedInTheSignatureCheck() {
        var issued = issue("key");
        var none = JwtFixtures.compact("{\"alg\":\"none\"}", issued.unsigned(), new byte[0]);
        var critical = JwtFixtures.sign(
                issued.key()
                        .header()
                        .criticalParams(java.util.Set.of("exp-policy"))
                        .customParam("exp-policy", "strict")
                        .build(),
                issued.unsigned(),
                issued.key().signer());

        for (var token : new String[] {none, critical}) {
            var report = verifier.verify(token);

            assertThat(report.verdict()).isEqualTo(Verdict.MALFORMED);
            assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.FAILED);
        }
        assertThat(check(verifier.verify(none), "Signature").explanation()).contains("alg none", "not signed");
        assertThat(check(verifier.verify(critical), "Signature").explanation()).contains("exp-policy", "crit");
    }

    @Test
    void registeredClaimsBoundTheValidityWindow() {
        var issued = issue("key");
        var now = Instant.now().getEpochSecond();
        Function<JsonObject, String> sign = claims -> JwtFixtures.sign(
                issued.key(),
                Json.createObjectBuilder(issued.unsigned())
                        .addAll(Json.createObjectBuilder(claims))
                        .build());

        var expired = verifier.verify(
                sign.apply(Json.createObjectBuilder().add("exp", now - 60).build()));
        var early = verifier.verify(
                sign.apply(Json.createObjectBuilder().add("nbf", now + 3600).build()));
        var current = verifier.verify(sign.apply(Json.createObjectBuilder()
                .add("nbf", now - 60)
                .add("exp", now + 3600)
                .add("iss", issued.issuerId())
                .add("jti", issued.unsigned().getString("id"))
                .build()));

        assertThat(expired.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(check(expired, "Validity period").explanation()).contains("(exp)");
        assertThat(early.verdict()).isEqualTo(Verdict.NOT_YET_VALID);
        assertThat(check(early, "Validity period").explanation()).contains("(nbf)");
        assertThat(current.verdict()).as("%s", current).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void vc11StyleTokenTakesIssuerIdAndDatesFromItsRegisteredClaims() {
        var issued = issue("key");
        var full = issued.unsigned();
        var subject = full.getJsonObject("credentialSubject");
        var vc = Json.createObjectBuilder(full)
                .remove("id")
                .remove("validFrom")
                .add(
                        "issuer",
                        Json.createObjectBuilder(full.getJsonObject("issuer")).remove("id"))
                .build();
        var claims = Json.createObjectBuilder()
                .add("vc", vc)
                .add("iss", issued.issuerId())
                .add("jti", full.getString("id"))
                .add("nbf", Instant.now().minus(1, ChronoUnit.DAYS).getEpochSecond())
                .add("exp", Instant.now().plus(365, ChronoUnit.DAYS).getEpochSecond());
        if (subject.containsKey("id")) {
            claims.add("sub", subject.getString("id"));
        }

        var report = verifier.verify(JwtFixtures.sign(issued.key(), claims.build()));

        assertThat(report.verdict()).as("%s", report).isEqualTo(Verdict.VERIFIED);
        assertThat(report.facts().issuerId()).isEqualTo(issued.issuerId());
        assertThat(report.facts().credentialId()).isEqualTo(full.getString("id"));
        assertThat(report.facts().validFrom()).isNotNull();
        assertThat(report.facts().validUntil()).isNotNull();
    }

    @Test
    void registeredClaimsThatContradictTheCredentialMakeItMalformed() {
        var issued = issue("key");
        var claims = Json.createObjectBuilder(issued.unsigned())
                .add("iss", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
                .build();

        var report = verifier.verify(JwtFixtures.sign(issued.key(), claims));

        assertThat(report.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(check(report, "Well-formed credential").explanation())
                .contains("iss claim", "is not the credential's issuer");
    }

    @Test
    void unreadableTokenIsMalformedNotThrown() {
        var report = verifier.verify("eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln");

        assertThat(report.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(check(report, "Well-formed credential").explanation())
                .startsWith("This is not a readable VC-JWT")
                .contains("payload is not a JSON object");
    }
}
