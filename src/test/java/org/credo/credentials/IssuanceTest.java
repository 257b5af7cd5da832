package org.credo.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DataIntegrity;
import org.credo.credentials.status.Bitstring;
import org.credo.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CredoTest
class IssuanceTest {

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

    @Autowired
    MockMvc mvc;

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void issuedCredentialsVerifyWithBothCryptosuites() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        for (var suite : Cryptosuite.values()) {
            var credential = issuance.issue(
                    org, CredentialFixtures.request(achievement.id(), "leo@example.test", suite), "test", null);
            var document = json(credential.document());
            assertThat(document.getJsonArray("proof").getJsonObject(0).getString("cryptosuite"))
                    .isEqualTo(suite.id());
            assertThat(dataIntegrity.verify(document).verified()).as(suite.id()).isTrue();
            assertThat(document.getJsonObject("issuer").getString("name")).startsWith("Northfield College");
        }
    }

    @Test
    void aRecipientDidIsTheCredentialSubjectAndIsKeptWithTheCredential() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
        var base = CredentialFixtures.request(achievement.id(), "dana@example.test", Cryptosuite.JCS);
        var request = new org.credo.credentials.issuance.IssueRequest(
                base.achievementId(),
                new org.credo.credentials.issuance.IssueRequest.Recipient("Dana Did", "dana@example.test", null, did),
                base.validFrom(),
                base.validUntil(),
                base.evidence(),
                base.results(),
                base.cryptosuite());

        var credential = issuance.issue(org, request, "test", null);

        assertThat(json(credential.document())
                        .getJsonObject("credentialSubject")
                        .getString("id"))
                .isEqualTo(did);
        assertThat(jdbc.sql("SELECT recipient_did FROM issued_credential WHERE id = ?")
                        .param(credential.id())
                        .query(String.class)
                        .single())
                .isEqualTo(did);
    }

    @Test
    void retryWithTheSameIdempotencyKeyIssuesOnce() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var key = "retry-" + UUID.randomUUID();
        var first = issuance.issue(
                org, CredentialFixtures.request(achievement.id(), "a@example.test", Cryptosuite.JCS), "test", key);
        var second = issuance.issue(
                org, CredentialFixtures.request(achievement.id(), "a@example.test", Cryptosuite.JCS), "test", key);
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void draftAchievementCannotBeIssued() {
        var org = CredentialFixtures.northfield(jdbc);
        var published = CredentialFixtures.publishedAchievement(achievements, org);
        var draft = achievements.revise(org, published.id(), published.content());
        assertThat(draft.version()).isEqualTo(2);
        assertThatThrownBy(() -> issuance.issue(
                        org, CredentialFixtures.request(draft.id(), "b@example.test", Cryptosuite.RDFC), "test", null))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("publish it");
    }

    @Test
    void revocationAndSuspensionShowInTheServedStatusLists() throws Exception {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var credential = issuance.issue(
                org, CredentialFixtures.request(achievement.id(), "c@example.test", Cryptosuite.RDFC), "test", null);

        issuance.suspend(org, credential.id(), "Under investigation");
        assertThat(bit(credential.suspension().listId(), credential.suspension().index()))
                .isTrue();
        issuance.reinstate(org, credential.id(), "Cleared");
        assertThat(bit(credential.suspension().listId(), credential.suspension().index()))
                .isFalse();
        issuance.revoke(org, credential.id(), "Issued in error");
        assertThat(bit(credential.revocation().listId(), credential.revocation().index()))
                .isTrue();
        assertThatThrownBy(() -> issuance.revoke(org, credential.id(), "again")).hasMessageContaining("already");

        mvc.perform(get("/status/" + credential.revocation().listId()))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(header().string("Cache-Control", containsString("max-age=300")));
    }

    @Test
    void replacementRevokesTheOldCredentialAsSuperseded() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var old = issuance.issue(
                org, CredentialFixtures.request(achievement.id(), "d@example.test", Cryptosuite.RDFC), "test", null);
        var replacement = issuance.replace(
                org,
                old.id(),
                CredentialFixtures.request(achievement.id(), "d@example.test", Cryptosuite.RDFC),
                "Name was misspelt",
                "test");
        var reread = jdbc.sql("SELECT status, replaced_by FROM issued_credential WHERE id = ?")
                .param(old.id())
                .query((rs, n) -> rs.getString(1) + " " + rs.getObject(2, UUID.class))
                .single();
        assertThat(reread).isEqualTo("REVOKED " + replacement.id());
    }

    @Test
    void rotatedKeysKeepOldCredentialsVerifiableUntilRetired() {
        var org = CredentialFixtures.northfield(jdbc);
        issuers.useDidMethodNow(org, "web");
        try {
            var achievement = CredentialFixtures.publishedAchievement(achievements, org);
            var before = issuance.issue(
                    org,
                    CredentialFixtures.request(achievement.id(), "e@example.test", Cryptosuite.RDFC),
                    "test",
                    null);
            var oldKey = issuers.keys(org).stream()
                    .filter(k -> k.signing())
                    .findFirst()
                    .orElseThrow();
            issuers.rotate(org);
            var after = issuance.issue(
                    org,
                    CredentialFixtures.request(achievement.id(), "e@example.test", Cryptosuite.RDFC),
                    "test",
                    null);
            assertThat(method(after.document())).isNotEqualTo(method(before.document()));
            assertThat(method(before.document())).startsWith("did:web:localhost%3A8080#key-");
            assertThat(dataIntegrity.verify(json(before.document())).verified()).isTrue();
            assertThat(dataIntegrity.verify(json(after.document())).verified()).isTrue();
            issuers.retire(org, oldKey.id());
            assertThat(dataIntegrity.verify(json(before.document())).verified()).isFalse();
        } finally {
            issuers.useDidMethodNow(org, "key");
        }
    }

    static String method(String document) {
        return json(document).getJsonArray("proof").getJsonObject(0).getString("verificationMethod");
    }

    boolean bit(UUID listId, int index) throws Exception {
        var response = mvc.perform(get("/status/" + listId)).andReturn().getResponse();
        assertThat(response.getStatus())
                .as(response.getContentAsString() + response.getRedirectedUrl())
                .isEqualTo(200);
        var body = response.getContentAsString();
        var encoded = json(body).getJsonObject("credentialSubject").getString("encodedList");
        return Bitstring.get(Bitstring.decode(encoded), index);
    }
}
