package org.credo.credentials.verification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DataIntegrity;
import org.credo.credentials.signing.Ed25519KeyPair;
import org.credo.credentials.verification.VerificationReport.Outcome;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CredoTest
class CredentialVerifierTest {

    @Autowired
    CredentialVerifier verifier;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    DataIntegrity dataIntegrity;

    @Autowired
    JdbcClient jdbc;

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    IssuedCredential issue(Cryptosuite suite) {
        return issue(suite, null, null);
    }

    IssuedCredential issue(Cryptosuite suite, Instant validFrom, Instant validUntil) {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var base = CredentialFixtures.request(achievement.id(), "leo@example.test", suite);
        var request = new IssueRequest(
                base.achievementId(),
                // Without a student id: CredentialDocuments emits identityType "studentId", which the OB schema
                // rejects.
                new IssueRequest.Recipient("Leo Learner", "leo@example.test", null, null),
                validFrom,
                validUntil,
                base.evidence(),
                base.results(),
                base.cryptosuite());
        return issuance.issue(org, request, "test", null);
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void issuedCredentialVerifiesWithEveryCheckPassed(Cryptosuite suite) {
        var credential = issue(suite);

        var report = verifier.verify(credential.document());

        assertThat(report.verdict()).as("%s", report).isEqualTo(Verdict.VERIFIED);
        assertThat(report.checks())
                .extracting(VerificationReport.Check::outcome)
                .containsOnly(Outcome.PASSED);
        assertThat(report.checks())
                .extracting(VerificationReport.Check::name)
                .contains(
                        "Well-formed credential",
                        "Issuer key",
                        "Signature",
                        "Validity period",
                        "Status: revocation",
                        "Status: suspension",
                        "Open Badges schema");
        assertThat(report.facts().recipientName()).isEqualTo("Leo Learner");
        assertThat(report.facts().issuerName()).startsWith("Northfield College");
        assertThat(report.facts().achievementName()).startsWith("Data Analysis Certificate");
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void tamperedCredentialIsReportedAsTampered(Cryptosuite suite) {
        var document = json(issue(suite).document());
        var tampered = Json.createObjectBuilder(document)
                .add("name", "Doctorate in Everything")
                .build();

        var report = verifier.verify(tampered);

        assertThat(report.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(report, "Signature").explanation()).contains("changed after it was signed");
    }

    @Test
    void expiredCredentialIsReportedAsExpired() {
        var credential =
                issue(Cryptosuite.JCS, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));

        var report = verifier.verify(credential.document());

        assertThat(report.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(check(report, "Validity period").explanation()).contains("Expired", "2021-01-01");
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void credentialValidOnlyLaterIsNotYetValid() {
        var credential = issue(Cryptosuite.JCS, Instant.now().plus(30, ChronoUnit.DAYS), null);

        var report = verifier.verify(credential.document());

        assertThat(report.verdict()).isEqualTo(Verdict.NOT_YET_VALID);
        assertThat(check(report, "Validity period").explanation()).startsWith("Not yet valid");
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void revokedCredentialIsReportedWithDateAndReason(Cryptosuite suite) {
        var credential = issue(suite);
        issuance.revoke(credential.organizationId(), credential.id(), "Degree rescinded for academic misconduct");

        var report = verifier.verify(credential.document());

        assertThat(report.verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(report.statusChange().reason()).isEqualTo("Degree rescinded for academic misconduct");
        assertThat(report.statusChange().changedAt()).isCloseTo(Instant.now(), within());
        assertThat(check(report, "Status: revocation").explanation())
                .startsWith("Revoked on ")
                .endsWith(": Degree rescinded for academic misconduct");
        assertThat(check(report, "Status: suspension").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void suspendedCredentialIsReportedAsSuspended() {
        var credential = issue(Cryptosuite.RDFC);
        issuance.suspend(credential.organizationId(), credential.id(), "Under review");

        var report = verifier.verify(credential.document());

        assertThat(report.verdict()).isEqualTo(Verdict.SUSPENDED);
        assertThat(check(report, "Status: suspension").explanation()).contains("Suspended on", "Under review");

        issuance.reinstate(credential.organizationId(), credential.id(), "Review cleared");
        assertThat(verifier.verify(credential.document()).verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void unknownContextIsRejectedAndNeverFetched() {
        var document = json(issue(Cryptosuite.RDFC).document());
        var withRemoteContext = Json.createObjectBuilder(document)
                .add(
                        "@context",
                        Json.createArrayBuilder(document.getJsonArray("@context"))
                                .add("https://attacker.example/context.json"))
                .build();

        var report = verifier.verify(withRemoteContext);

        assertThat(report.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(check(report, "Well-formed credential").explanation())
                .contains("https://attacker.example/context.json", "never fetches");
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.NOT_CHECKED);
    }

    @Test
    void unreachableRemoteDidWebIsNotVerified() {
        var key = Ed25519KeyPair.generate();
        var did = "did:web:university.example";
        var unsigned = Json.createObjectBuilder(json(issue(Cryptosuite.JCS).document()))
                .remove("proof")
                .remove("credentialStatus")
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", did)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Example University"))
                .build();
        var signed = dataIntegrity.sign(unsigned, Cryptosuite.JCS, key, did + "#key-1", Instant.now());

        var report = verifier.verify(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER_KEY);
        assertThat(report.verified()).isFalse();
        assertThat(check(report, "Issuer key").outcome()).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(check(report, "Issuer key").explanation())
                .contains("The DID document of did:web:university.example could not be fetched");
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.NOT_CHECKED);
    }

    @Test
    void keyOfSomeoneElseIsNotTheIssuersKey() {
        var key = Ed25519KeyPair.generate();
        var document = json(issue(Cryptosuite.JCS).document());
        var resigned = dataIntegrity.sign(
                Json.createObjectBuilder(document).remove("proof").build(), Cryptosuite.JCS, key, Instant.now());

        var report = verifier.verify(resigned);

        assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER_KEY);
        assertThat(check(report, "Issuer key").explanation()).contains("which is not its issuer");
    }

    @Test
    void proofWithoutVerificationMethodIsMalformed() {
        var document = json(issue(Cryptosuite.JCS).document());
        var proof = Json.createObjectBuilder(document.getJsonArray("proof").getJsonObject(0))
                .remove("verificationMethod");
        var broken = Json.createObjectBuilder(document)
                .add("proof", Json.createArrayBuilder().add(proof))
                .build();

        var report = verifier.verify(broken);

        assertThat(report.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(check(report, "Signature").explanation()).contains("malformed", "verificationMethod");
    }

    @Test
    void malformedJsonIsReportedNotThrown() {
        var report = verifier.verify("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", ");

        assertThat(report.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(report.checks().get(0).explanation()).startsWith("This is not valid JSON");
        assertThat(report.facts()).isNull();
    }

    @Test
    void credentialWithoutRequiredOpenBadgeFieldsFailsTheSchema() {
        var key = Ed25519KeyPair.generate();
        var document = json(issue(Cryptosuite.JCS).document());
        var subject = document.getJsonObject("credentialSubject");
        var achievement = Json.createObjectBuilder(subject.getJsonObject("achievement"))
                .remove("criteria")
                .remove("name");
        var unsigned = Json.createObjectBuilder(document)
                .remove("proof")
                .remove("credentialStatus")
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", key.didKey().did())
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Someone"))
                .add("credentialSubject", Json.createObjectBuilder(subject).add("achievement", achievement))
                .build();
        var signed = dataIntegrity.sign(unsigned, Cryptosuite.JCS, key, Instant.now());

        var report = verifier.verify(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.NOT_CONFORMANT);
        assertThat(check(report, "Signature").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(check(report, "Open Badges schema").explanation()).contains("criteria", "name");
    }

    @Test
    void statusArrayIsTheOnlyRelaxationOfTheSchema() {
        var schema = new SchemaConformance();
        var document = json(issue(Cryptosuite.JCS).document());
        assertThat(schema.violations(document.toString())).isEmpty();

        // As issued: one revocation entry as an object, exactly what the published schema describes (ADR 15).
        var revocation = document.getJsonObject("credentialStatus");
        var suspension = Json.createObjectBuilder(revocation)
                .add("statusPurpose", "suspension")
                .build();
        var entries = Json.createArrayBuilder().add(revocation).add(suspension).build();
        var both = Json.createObjectBuilder(document)
                .add("credentialStatus", entries)
                .build();
        assertThat(schema.violations(both.toString())).isEmpty();

        var itemWithoutType = Json.createObjectBuilder(document)
                .add(
                        "credentialStatus",
                        Json.createArrayBuilder()
                                .add(entries.get(0))
                                .add(Json.createObjectBuilder(entries.getJsonObject(1))
                                        .remove("type")))
                .build();
        assertThat(schema.violations(itemWithoutType.toString()))
                .singleElement()
                .asString()
                .contains("/credentialStatus/1", "type");

        var statusNotAnObject = Json.createObjectBuilder(document)
                .add("credentialStatus", "revoked?")
                .build();
        assertThat(schema.violations(statusNotAnObject.toString())).isNotEmpty();

        var noValidFrom = Json.createObjectBuilder(document).remove("validFrom").build();
        assertThat(schema.violations(noValidFrom.toString()))
                .anySatisfy(v -> assertThat(v).contains("validFrom"));
    }

    @Test
    void credentialOfAnotherOrganizationWithDidWebVerifiesFromThisServersKeys() {
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        var credential = issueIn(harbor, "web");

        var report = verifier.verify(credential.document());

        assertThat(report.verdict()).as("%s", report).isEqualTo(Verdict.VERIFIED);
        assertThat(report.facts().issuerId()).startsWith("did:web:").endsWith(":organizations:harbor");
        assertThat(check(report, "Issuer key").explanation()).contains("this server's own published keys");
    }

    @Autowired
    org.credo.credentials.issuer.Issuers issuersService;

    @Test
    void statusChecksStillPassAfterTheIssuerChangesItsDidMethodAndRotatesItsKey() {
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        var method = jdbc.sql("SELECT did_method FROM issuer_profile WHERE organization_id = ?")
                .param(harbor)
                .query(String.class)
                .optional()
                .orElse("key");
        try {
            var asDidKey = issueIn(harbor, "key");
            var asDidWeb = issueIn(harbor, "web");
            issuersService.rotate(harbor);
            var afterRotation = issueIn(harbor, "key");

            for (var credential : java.util.List.of(asDidKey, asDidWeb, afterRotation)) {
                var report = verifier.verify(credential.document());
                assertThat(report.verdict()).as("%s", report).isEqualTo(Verdict.VERIFIED);
            }
            assertThat(json(asDidKey.document()).getJsonObject("issuer").getString("id"))
                    .startsWith("did:key:")
                    .isNotEqualTo(json(afterRotation.document())
                            .getJsonObject("issuer")
                            .getString("id"));

            issuance.revoke(harbor, asDidKey.id(), "Issued in error");
            assertThat(verifier.verify(asDidKey.document()).verdict()).isEqualTo(Verdict.REVOKED);
            assertThat(verifier.verify(asDidWeb.document()).verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(verifier.verify(afterRotation.document()).verdict()).isEqualTo(Verdict.VERIFIED);
        } finally {
            issuersService.useDidMethod(harbor, method);
        }
    }

    IssuedCredential issueIn(UUID organizationId, String didMethod) {
        issuersService.useDidMethod(organizationId, didMethod);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organizationId);
        var base = CredentialFixtures.request(achievement.id(), "private.person@example.test", Cryptosuite.RDFC);
        var request = new IssueRequest(
                base.achievementId(),
                new IssueRequest.Recipient("Pat Private", "private.person@example.test", null, null),
                null,
                null,
                base.evidence(),
                base.results(),
                base.cryptosuite());
        return issuance.issue(organizationId, request, "test", null);
    }

    static VerificationReport.Check check(VerificationReport report, String name) {
        return report.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(2, ChronoUnit.MINUTES);
    }
}
