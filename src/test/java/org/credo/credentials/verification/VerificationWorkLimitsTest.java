package org.credo.credentials.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.Cost;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DocumentLimits;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.credo.platform.ProblemException;
import org.credo.platform.json.JsonLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The work of a verification is bounded: a credential with more values or proofs than the limits is refused at once
 * with what is too large, and the largest credential Credo itself issues stays far below them.
 */
@CredoTest
class VerificationWorkLimitsTest {

    @Autowired
    CredentialVerifier verifier;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    JsonObject issued() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var credential = issuance.issue(
                org, CredentialFixtures.request(achievement.id(), "many@example.test", Cryptosuite.RDFC), "test", null);
        return Json.createReader(new StringReader(credential.document())).readObject();
    }

    /** The issued credential with 9,000 alignments added to its achievement: about 700 KB, as in the issue. */
    String withAlignments(int count) {
        var credential = issued();
        var alignments = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            alignments.add(Json.createObjectBuilder()
                    .add("type", Json.createArrayBuilder().add("Alignment"))
                    .add("targetName", "Skill " + i)
                    .add("targetUrl", "https://e.org/" + i));
        }
        var subject = credential.getJsonObject("credentialSubject");
        var achievement =
                Json.createObjectBuilder(subject.getJsonObject("achievement")).add("alignment", alignments);
        return Json.createObjectBuilder(credential)
                .add("credentialSubject", Json.createObjectBuilder(subject).add("achievement", achievement))
                .build()
                .toString();
    }

    static long values(JsonValue value) {
        if (value instanceof JsonObject object) {
            return 1
                    + object.values().stream()
                            .mapToLong(VerificationWorkLimitsTest::values)
                            .sum();
        }
        if (value instanceof JsonArray array) {
            return 1
                    + array.stream()
                            .mapToLong(VerificationWorkLimitsTest::values)
                            .sum();
        }
        return 1;
    }

    @Test
    void aCredentialOf700KbWith9000AlignmentsIsRefusedInWellUnderASecond() throws Exception {
        var credential = withAlignments(9000);
        assertThat(credential.getBytes(StandardCharsets.UTF_8).length).isBetween(650_000, 750_000);
        var values = values(Json.createReader(new StringReader(credential)).readValue());
        var body = "{\"verifiableCredential\": " + credential + "}";
        var request = post("/credentials/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        mvc.perform(request); // warms the path up

        var cost = Cost.of(() -> mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Too large"))
                .andExpect(jsonPath("$.detail")
                        .value("The credential is too large: " + values
                                + " JSON values > 10000, the most Credo reads in one document."))
                .andExpect(jsonPath("$.limit").value("values"))
                .andExpect(jsonPath("$.maximum").value(10000)));
        System.out.println(cost.describe("credential of " + credential.length() + " bytes, 9,000 alignments, " + values
                + " values to POST /credentials/verify"));

        assertThat(cost.cpuMillis()).isLessThan(1000);
        assertThat(cost.heapAfterBytes() - cost.heapBeforeBytes())
                .as("heap kept")
                .isLessThan(10_000_000);
    }

    @Test
    void aCredentialJustWithinTheValueLimitIsVerifiedInAboutHalfASecondOfCpu() throws Exception {
        var credential = withAlignments(1950);
        var values = values(Json.createReader(new StringReader(credential)).readValue());
        assertThat(values).isBetween(DocumentLimits.MAX_VALUES - 200, DocumentLimits.MAX_VALUES);
        verifier.verify(credential); // warms the path up

        var cost =
                Cost.of(() -> assertThat(verifier.verify(credential).verdict()).isEqualTo(Verdict.TAMPERED));
        System.out.println(cost.describe(
                "credential of " + credential.length() + " bytes with " + values + " values (at the limit) verified"));

        // About 0.3 to 0.7 s of CPU measured on a shared two-core machine; the margin keeps the test steady there.
        assertThat(cost.cpuMillis()).isLessThan(1500);
    }

    @Test
    void theVerificationPageShowsTheLimitInTheForm() throws Exception {
        mvc.perform(post("/verify").param("credential", withAlignments(9000)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The credential is too large: ")))
                .andExpect(content().string(containsString(" JSON values &gt; 10000, the most Credo reads")));
    }

    @Test
    void moreProofsThanTheLimitAreRefusedBeforeAnyIsChecked() {
        var credential = issued();
        var proof = credential.getJsonArray("proof").get(0);
        var proofs = Json.createArrayBuilder();
        for (int i = 0; i <= DocumentLimits.MAX_PROOFS; i++) {
            proofs.add(proof);
        }
        var withProofs = Json.createObjectBuilder(credential)
                .add("proof", proofs)
                .build()
                .toString();

        assertThatThrownBy(() -> verifier.verify(withProofs))
                .isInstanceOf(ProblemException.class)
                .hasMessage("The credential has too many proofs: 5 > 4, the most Credo checks on one document.");
    }

    @Test
    void aPresentationIsBoundedAsAWhole() throws Exception {
        var credential = withAlignments(600); // about 2,000 values each: five together are over the limit
        var body = "{\"verifiablePresentation\": {\"type\": [\"VerifiablePresentation\"], \"verifiableCredential\": ["
                + String.join(",", List.of(credential, credential, credential, credential, credential)) + "]}}";

        mvc.perform(post("/presentations/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("The presentation is too large")))
                .andExpect(jsonPath("$.limit").value("values"));
    }

    @Test
    void theLargestCredentialCredoIssuesStaysFarBelowTheLimits() throws Exception {
        var org = CredentialFixtures.northfield(jdbc);
        var alignments = new ArrayList<AchievementDraft.Alignment>();
        for (int i = 0; i < 100; i++) {
            alignments.add(new AchievementDraft.Alignment(
                    "n".repeat(290) + i,
                    "https://example.org/frameworks/" + i,
                    "d".repeat(1000),
                    "C-" + i,
                    "f".repeat(300)));
        }
        var allowed = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            allowed.add("v".repeat(95) + i);
        }
        var descriptions = new ArrayList<AchievementDraft.ResultDescription>();
        var results = new ArrayList<IssueRequest.ResultValue>();
        for (int i = 0; i < 20; i++) {
            descriptions.add(new AchievementDraft.ResultDescription("Result " + i, "Result", allowed));
            results.add(new IssueRequest.ResultValue("Result " + i, allowed.get(i)));
        }
        var tags = new ArrayList<String>();
        // The tags column holds 1,000 characters in all.
        for (int i = 0; i < 15; i++) {
            tags.add("t".repeat(55) + i);
        }
        var draft = achievements.draft(
                org,
                new AchievementDraft(
                        "Largest " + UUID.randomUUID(),
                        "d".repeat(4000),
                        "c".repeat(4000),
                        null,
                        AchievementType.Certificate,
                        new BigDecimal("120"),
                        "f".repeat(200),
                        tags,
                        alignments,
                        descriptions));
        var achievement = achievements.publish(org, draft.id());
        var evidence = new ArrayList<IssueRequest.Evidence>();
        for (int i = 0; i < 20; i++) {
            evidence.add(new IssueRequest.Evidence("e".repeat(300), "n".repeat(4000), "https://example.org/e/" + i));
        }
        var issued = issuance.issue(
                org,
                new IssueRequest(
                        achievement.id(),
                        new IssueRequest.Recipient("r".repeat(300), "largest@example.test", "S-1", null),
                        null,
                        null,
                        evidence,
                        results,
                        Cryptosuite.RDFC),
                "test",
                null);
        var document = issued.document();
        var values = values(Json.createReader(new StringReader(document)).readValue());
        var bytes = document.getBytes(StandardCharsets.UTF_8).length;

        var cost = Cost.of(() -> assertThat(verifier.verify(document).verdict()).isEqualTo(Verdict.VERIFIED));
        System.out.println(
                cost.describe("largest credential Credo issues (" + bytes + " bytes, " + values + " values) verified"));

        assertThat(values).isLessThan(DocumentLimits.MAX_VALUES / 3);
        assertThat(bytes).isLessThan((int) JsonLimits.MAX_BYTES / 2);
    }
}
