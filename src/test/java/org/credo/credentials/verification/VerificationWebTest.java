package org.credo.credentials.verification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DataIntegrity;
import org.credo.credentials.signing.Ed25519KeyPair;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The public page and the VC-API endpoints, without signing in. */
@CredoTest
class VerificationWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuers issuers;

    @Autowired
    DataIntegrity dataIntegrity;

    @Autowired
    JdbcClient jdbc;

    IssuedCredential issue(String orgSlug, Cryptosuite suite, Instant validFrom, Instant validUntil) {
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(orgSlug)
                .query(UUID.class)
                .single();
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var request = new IssueRequest(
                achievement.id(),
                new IssueRequest.Recipient("Mina Recipient", "mina.private@example.test", null, null),
                validFrom,
                validUntil,
                null,
                null,
                suite);
        return issuance.issue(org, request, "test", null);
    }

    IssuedCredential issue() {
        return issue("northfield", Cryptosuite.RDFC, null, null);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static String vcApiBody(String credential) {
        return "{\"verifiableCredential\": " + credential + ", \"options\": {}}";
    }

    @Test
    void verifiedCredentialAnswers200WithChecks() throws Exception {
        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(vcApiBody(issue().document())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.checks").value(hasItem("signature")))
                .andExpect(jsonPath("$.checks").value(hasItem("status-revocation")))
                .andExpect(jsonPath("$.checks").value(hasItem("open-badges-schema")))
                .andExpect(jsonPath("$.warnings").isEmpty())
                .andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(content().string(not(containsString("mina.private"))));
    }

    @Test
    void tamperedCredentialAnswers400WithErrors() throws Exception {
        var tampered = Json.createObjectBuilder(json(issue().document()))
                .add("name", "Forged")
                .build();
        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(vcApiBody(tampered.toString())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.verdict").value("Tampered"))
                .andExpect(jsonPath("$.errors[0].type").value(startsWith("https://")))
                .andExpect(jsonPath("$.errors[0].title").value("Signature: failed"))
                .andExpect(jsonPath("$.errors[0].detail").value(containsString("changed after it was signed")));
    }

    @Test
    void malformedJsonGetsProblemDetails() throws Exception {
        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verifiableCredential\": {"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unreadable request body"));
        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"options\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("verifiableCredential")));
    }

    @Test
    void oversizedBodyGetsProblemDetails() throws Exception {
        var huge = "{\"verifiableCredential\": {\"name\": \"" + "x".repeat(1_100_000) + "\"}}";
        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void presentationWithoutProofIsVerifiedCredentialByCredential() throws Exception {
        var good = issue().document();
        var revoked = issue();
        issuance.revoke(revoked.organizationId(), revoked.id(), "Issued in error");
        var presentation = "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"],"
                + " \"type\": [\"VerifiablePresentation\"], \"verifiableCredential\": [%s, %s]}";

        mvc.perform(post("/presentations/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verifiablePresentation\": " + presentation.formatted(good, good) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.credentialResults.length()").value(2));
        mvc.perform(post("/presentations/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verifiablePresentation\": " + presentation.formatted(good, revoked.document())
                                + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].title").value("Credential 2: Revoked"))
                .andExpect(jsonPath("$.credentialResults[1].verdict").value("Revoked"));
    }

    @Test
    void presentationWithABrokenHolderProofIsNotVerifiedAndSaysWhy() throws Exception {
        mvc.perform(
                        post("/presentations/verify")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"verifiablePresentation\": {\"@context\": [\"https://www.w3.org/ns/credentials/v2\"],"
                                                + " \"type\": [\"VerifiablePresentation\"],"
                                                + " \"verifiableCredential\": [], \"proof\": {\"type\": \"DataIntegrityProof\"}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.errors[0].title").value("Holder proof: failed"));
    }

    @Test
    void pageShowsTheFormToAnyone() throws Exception {
        mvc.perform(get("/verify"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"credential\"")))
                .andExpect(content().string(containsString("<label for=\"file\"")));
    }

    @Test
    void pageShowsVerifiedWithPublicFactsAndNoEmail() throws Exception {
        var credential = issue();
        mvc.perform(post("/verify").with(csrf()).param("credential", credential.document()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Verified</p>")))
                .andExpect(content().string(containsString("Mina Recipient")))
                .andExpect(content().string(containsString("Northfield College")))
                .andExpect(content().string(containsString(credential.achievementName())))
                .andExpect(content().string(not(containsString("mina.private"))));
    }

    @Test
    void pageShowsRevokedWithDateAndReason() throws Exception {
        var credential = issue();
        issuance.revoke(credential.organizationId(), credential.id(), "Awarded in error");
        var today = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now());
        mvc.perform(get("/verify/" + credential.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revoked on " + today + ": Awarded in error")));
    }

    @Test
    void pageShowsSuspended() throws Exception {
        var credential = issue();
        issuance.suspend(credential.organizationId(), credential.id(), "Under review");
        mvc.perform(get("/verify/" + credential.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Suspended on ")))
                .andExpect(content().string(containsString("Under review")));
    }

    @Test
    void pageShowsExpiredAndNotYetValid() throws Exception {
        var expired = issue(
                "northfield",
                Cryptosuite.JCS,
                Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2021-01-01T00:00:00Z"));
        mvc.perform(get("/verify/" + expired.id())).andExpect(content().string(containsString(">Expired</p>")));
        var later = issue("northfield", Cryptosuite.JCS, Instant.now().plus(10, ChronoUnit.DAYS), null);
        mvc.perform(get("/verify/" + later.id())).andExpect(content().string(containsString(">Not yet valid</p>")));
    }

    @Test
    void uploadedTamperedFileShowsTampered() throws Exception {
        var tampered = Json.createObjectBuilder(json(issue().document()))
                .add("validFrom", "2019-01-01T00:00:00Z")
                .build();
        var file = new MockMultipartFile(
                "file",
                "credential.json",
                "application/json",
                tampered.toString().getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/verify").file(file).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Tampered</p>")));
    }

    @Test
    void pageShowsUnknownIssuerKeyForRemoteDidWeb() throws Exception {
        var key = Ed25519KeyPair.generate();
        var unsigned = Json.createObjectBuilder(json(issue().document()))
                .remove("proof")
                .remove("credentialStatus")
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", "did:web:elsewhere.example")
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Elsewhere"))
                .build();
        var signed =
                dataIntegrity.sign(unsigned, Cryptosuite.JCS, key, "did:web:elsewhere.example#key-1", Instant.now());
        mvc.perform(post("/verify").with(csrf()).param("credential", signed.toString()))
                .andExpect(content().string(containsString(">Unknown issuer key</p>")))
                .andExpect(content().string(containsString("The DID document of did:web:elsewhere.example could not")));
    }

    @Test
    void pageShowsMalformedAndEscapesWhatWasPasted() throws Exception {
        mvc.perform(post("/verify").with(csrf()).param("credential", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Malformed</p>")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)")));
    }

    @Test
    void emptyFormShowsTheErrorSummary() throws Exception {
        mvc.perform(post("/verify").with(csrf()).param("credential", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("Paste the credential")));
    }

    @Test
    void htmxRequestGetsOnlyTheResult() throws Exception {
        mvc.perform(post("/verify").with(csrf()).header("HX-Request", "true").param("credential", issue().document()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Verified</p>")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void credentialOfAnotherOrganizationVerifiesPubliclyWithoutEmail() throws Exception {
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        issuers.useDidMethod(harbor, "web");
        var credential = issue("harbor", Cryptosuite.RDFC, null, null);
        mvc.perform(get("/verify/" + credential.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Verified</p>")))
                .andExpect(content().string(containsString("Harbor Coding Bootcamp")))
                .andExpect(content().string(containsString("Mina Recipient")))
                .andExpect(content().string(not(containsString("mina.private"))))
                .andExpect(content().string(not(containsString("hello@harbor.test"))));
    }

    @Test
    void unknownCredentialLinkIsNotFound() throws Exception {
        mvc.perform(get("/verify/" + UUID.randomUUID()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(get("/verify/not-a-uuid").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }
}
