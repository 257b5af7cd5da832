package org.credo.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.credentials.issuer.IssuancePolicy;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DataIntegrity;
import org.credo.credentials.signing.Ed25519KeyPair;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The VC-API issuing credentials that are not Open Badges: VC 2.0 and 1.1, the data model's rules, status updates. */
@CredoTest
class GeneralCredentialsTest {

    static final String V2 = "https://www.w3.org/ns/credentials/v2";
    static final String EXAMPLES = "https://www.w3.org/ns/credentials/examples/v2";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    Issuers issuers;

    @Autowired
    JdbcClient jdbc;

    String token;
    UUID northfield;

    @BeforeEach
    void setUp() {
        token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.INTEGRATOR)),
                        new ApiTokenRequest("general credentials test", null, 1))
                .token();
        northfield = CredentialFixtures.northfield(jdbc);
        issuers.usePolicy(northfield, new IssuancePolicy(true, false));
    }

    ResultActions issue(String credential) throws Exception {
        return mvc.perform(post("/credentials/issue")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"credential\":" + credential + ",\"options\":{\"cryptosuite\":\"eddsa-rdfc-2022\"}}"));
    }

    ResultActions verify(String credential) throws Exception {
        return mvc.perform(post("/credentials/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verifiableCredential\":" + credential + "}"));
    }

    static JsonObject signed(ResultActions result) throws Exception {
        var body = result.andReturn().getResponse().getContentAsString();
        return Json.createReader(new StringReader(body)).readObject().getJsonObject("verifiableCredential");
    }

    long allocated() {
        return jdbc.sql("SELECT COALESCE(SUM(allocated), 0) FROM status_list")
                .query(Long.class)
                .single();
    }

    @Test
    void aVc2CredentialIsSignedAsSentWithRevocationSuspensionAndNoticeEntriesAndVerifies() throws Exception {
        var credential = signed(issue("""
                        {"@context":["%s","%s"],"type":["VerifiableCredential","ExampleMembershipCredential"],
                         "credentialSubject":{"id":"did:example:member","memberOf":"Northfield Alumni"}}""".formatted(V2, EXAMPLES))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verifiableCredential.credentialSubject.memberOf", is("Northfield Alumni")))
                .andExpect(jsonPath("$.verifiableCredential.credentialStatus", hasSize(3)))
                .andExpect(jsonPath("$.verifiableCredential.credentialStatus[2].statusPurpose", is("message")))
                .andExpect(jsonPath("$.verifiableCredential.credentialStatus[2].statusSize", is(2)))
                .andExpect(jsonPath("$.verifiableCredential.credentialStatus[2].statusMessage", hasSize(4))));
        assertThat(credential.getString("issuer"))
                .isEqualTo(issuers.issuer(northfield).id());

        verify(credential.toString()).andExpect(status().isOk()).andExpect(jsonPath("$.verified", is(true)));
    }

    @Test
    void aVc11CredentialIsIssuedAsVc11AndVerifies() throws Exception {
        var credential = signed(issue("""
                        {"@context":["https://www.w3.org/2018/credentials/v1",{"alumniOf":"https://schema.org/alumniOf"}],
                         "type":["VerifiableCredential"],"credentialSubject":{"id":"did:example:a","alumniOf":"Northfield"}}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verifiableCredential.issuanceDate").exists())
                .andExpect(jsonPath("$.verifiableCredential.validFrom").doesNotExist())
                .andExpect(jsonPath(
                        "$.verifiableCredential.@context[2]", is("https://w3id.org/security/data-integrity/v2"))));

        verify(credential.toString()).andExpect(status().isOk()).andExpect(jsonPath("$.verified", is(true)));
    }

    @Test
    void aCredentialThatBringsItsOwnStatusKeepsIt() throws Exception {
        issue("""
                        {"@context":["%s"],"type":["VerifiableCredential"],"credentialSubject":{"id":"did:example:s"},
                         "credentialStatus":{"id":"https://status.example/1#9","type":"BitstringStatusListEntry",
                           "statusPurpose":"revocation","statusListIndex":"9",
                           "statusListCredential":"https://status.example/1"}}""".formatted(V2))
                .andExpect(status().isCreated())
                .andExpect(jsonPath(
                        "$.verifiableCredential.credentialStatus.statusListCredential",
                        is("https://status.example/1")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            credential.id                                 | "id":null
            credential.issuer                             | "issuer":"not a url"
            credential.issuer.id                          | "issuer":{"id":null,"name":"Northfield"}
            credential.issuer.name                        | "issuer":{"id":"%ISSUER%","name":{"@value":"N","extra":"x"}}
            credential.description                        | "description":{"@value":"D","@language":"en","extra":"x"}
            credential.refreshService.type                | "refreshService":{"id":"https://refresh.example/1"}
            credential.credentialSchema.type              | "credentialSchema":{"id":"https://schema.example/1"}
            credential.termsOfUse.type                    | "termsOfUse":{"id":"https://terms.example/1"}
            credential.evidence.type                      | "evidence":{"id":"https://evidence.example/1"}
            credential.relatedResource[0]                 | "relatedResource":["https://www.w3.org/ns/credentials/v2"]
            credential.relatedResource[0].id              | "relatedResource":[{"digestSRI":"sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg"}]
            credential.relatedResource[0]                 | "relatedResource":[{"id":"https://www.w3.org/ns/credentials/v2"}]
            credential.relatedResource[1].id              | "relatedResource":[{"id":"https://a.example","digestMultibase":"uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k"},{"id":"https://a.example","digestMultibase":"uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k"}]
            credential.relatedResource[0].digestMultibase | "relatedResource":[{"id":"https://www.w3.org/ns/credentials/v2","digestMultibase":"uM4RgWQc3RUDtjJCSgTJtTfvpZ7SPEg_LNO0ESlovQC0"}]
            credential.validFrom                          | "validFrom":"2026-13-45"
            credential.validUntil                         | "validFrom":"2026-06-01T00:00:00Z","validUntil":"2025-01-01T00:00:00Z"
            credential.credentialStatus.statusListIndex   | "credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":true,"statusListCredential":"https://s.example/1"}
            """)
    void whatTheDataModelForbidsIsRefusedNamingThePropertyAndNothingIsAllocated(String property, String fragment)
            throws Exception {
        var before = allocated();
        var credential = """
                {"@context":["%s"],"type":["VerifiableCredential"],"credentialSubject":{"id":"did:example:x"},%s}""".formatted(
                V2, fragment.replace("%ISSUER%", issuers.issuer(northfield).id()));

        issue(credential).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString(property)));
        assertThat(allocated()).isEqualTo(before);
    }

    @Test
    void anEmptySubjectAndATermThatMapsToNothingAreRefused() throws Exception {
        issue("{\"@context\":[\"" + V2 + "\"],\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("credential.credentialSubject")));
        issue("""
                        {"@context":["%s",{"@vocab":null}],"type":["VerifiableCredential","Unmapped"],
                         "credentialSubject":{"id":"did:example:x"}}""".formatted(V2)).andExpect(status().isBadRequest());
    }

    @Test
    void anOrganizationThatIssuesOnlyOpenBadgesSaysWhereToAllowMore() throws Exception {
        issuers.usePolicy(northfield, new IssuancePolicy(false, false));

        issue("{\"@context\":[\"" + V2
                        + "\"],\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"id\":\"did:example:x\"}}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("/manage/issuer")));
    }

    @Test
    void suspendingThroughTheStatusCallIsSeenByVerification() throws Exception {
        var credential = signed(issue("""
                {"@context":["%s"],"type":["VerifiableCredential"],"credentialSubject":{"id":"did:example:held"}}""".formatted(V2)));

        mvc.perform(post("/credentials/status")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"credentialId":"%s","credentialStatus":[{"type":"BitstringStatusListEntry",
                                 "statusPurpose":"suspension","status":true}]}""".formatted(credential.getString("id"))))
                .andExpect(status().isOk());

        verify(credential.toString()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.verified", is(false)));
    }

    @Test
    void aPresentationIsVerifiedWithItsHoldersProofChallengeAndDomain() throws Exception {
        var holder = Ed25519KeyPair.generate();
        var method = holder.didKey().verificationMethodId();
        var presentation = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(V2))
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", holder.didKey().did())
                .build();
        var proved = DataIntegrity.offline()
                .sign(
                        presentation,
                        Cryptosuite.RDFC,
                        holder,
                        method,
                        Instant.now(),
                        "authentication",
                        "c-123",
                        "verifier.example");

        presentations(proved.toString(), "c-123", "verifier.example")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified", is(true)));
        presentations(proved.toString(), "another-challenge", "verifier.example")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].detail", containsString("challenge")));
        var tampered = Json.createObjectBuilder(proved)
                .add("holder", "did:example:mallory")
                .build();
        presentations(tampered.toString(), "c-123", "verifier.example").andExpect(status().isBadRequest());
    }

    ResultActions presentations(String presentation, String challenge, String domain) throws Exception {
        return mvc.perform(post("/presentations/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verifiablePresentation\":" + presentation + ",\"options\":{\"challenge\":\"" + challenge
                        + "\",\"domain\":\"" + domain + "\"}}"));
    }
}
