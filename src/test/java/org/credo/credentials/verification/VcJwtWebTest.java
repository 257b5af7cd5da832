package org.credo.credentials.verification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.JwtFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.badges.BadgeImages;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** VC-JWTs through the VC-API, the public page and baked badges, without signing in. */
@CredoTest
class VcJwtWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuers issuers;

    @Autowired
    BadgeImages badges;

    @Autowired
    JdbcClient jdbc;

    IssuedCredential issue() {
        var org = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var request = new IssueRequest(
                achievement.id(),
                new IssueRequest.Recipient("Tess Token", "tess.private@example.test", null, null),
                null,
                null,
                null,
                null,
                Cryptosuite.JCS);
        return issuance.issue(org, request, "test", null);
    }

    static String body(String credentialJson) {
        return "{\"verifiableCredential\": " + credentialJson + ", \"options\": {}}";
    }

    @Test
    void apiVerifiesAVcJwtGivenAsAString() throws Exception {
        var jwt = JwtFixtures.vcJwt(issue(), issuers);

        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("\"" + jwt + "\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.checks").value(hasItem("signature")))
                .andExpect(jsonPath("$.checks").value(hasItem("status-revocation")))
                .andExpect(jsonPath("$.checks").value(hasItem("open-badges-schema")))
                .andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.credential.recipientName").value("Tess Token"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("tess.private"))));
    }

    @Test
    void apiVerifiesAnEnvelopedVerifiableCredential() throws Exception {
        var jwt = JwtFixtures.vcJwt(issue(), issuers);
        var enveloped = """
                {"@context": "https://www.w3.org/ns/credentials/v2",
                 "type": "EnvelopedVerifiableCredential",
                 "id": "data:application/vc+jwt,%s"}
                """.formatted(jwt);

        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(enveloped)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true));
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("alg none", "Signature: failed", "alg none"),
                Arguments.of("HMAC", "Signature: failed", "HMAC"),
                Arguments.of("crit", "Signature: failed", "critical (crit)"),
                Arguments.of("alg not fitting the key", "Signature: failed", "the algorithm does not fit the key"),
                Arguments.of("foreign jwk", "Issuer key: failed", "is not the key of its issuer"),
                Arguments.of("changed payload", "Signature: failed", "Tampered"));
    }

    String refused(String kind, IssuedCredential credential) throws Exception {
        var key = JwtFixtures.issuerKey(credential, issuers);
        var unsigned = JwtFixtures.unsigned(credential);
        var x = key.publicJwk().toOctetKeyPair().getX().decode();
        return switch (kind) {
            case "alg none" -> JwtFixtures.compact("{\"alg\":\"none\"}", unsigned, new byte[0]);
            case "HMAC" ->
                // The issuer's public key, known to all, as the HMAC secret.
                JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .keyID(key.kid())
                                .build(),
                        unsigned,
                        new MACSigner(x));
            case "crit" ->
                JwtFixtures.sign(
                        key.header()
                                .criticalParams(Set.of("urn:example:policy"))
                                .customParam("urn:example:policy", 1)
                                .build(),
                        unsigned,
                        key.signer());
            case "alg not fitting the key" ->
                JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(key.kid())
                                .build(),
                        unsigned,
                        JwtFixtures.p256().signer());
            case "foreign jwk" -> {
                var stranger = JwtFixtures.ed25519();
                yield JwtFixtures.sign(
                        new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                                .jwk(stranger.publicJwk())
                                .build(),
                        unsigned,
                        stranger.signer());
            }
            case "changed payload" ->
                JwtFixtures.withPayload(
                        JwtFixtures.sign(key, unsigned),
                        jakarta.json.Json.createObjectBuilder(unsigned)
                                .add("name", "Forged")
                                .build());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void apiRefusesWith400NamingTheProblem(String kind, String title, String detail) throws Exception {
        var token = refused(kind, issue());

        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("\"" + token + "\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.errors[*].title").value(hasItem(title)))
                .andExpect(jsonPath("$.errors[*].detail").value(hasItem(containsString(detail))));
    }

    @Test
    void apiRefusesAStringThatIsNotAJwtAndAnotherEnvelope() throws Exception {
        mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("\"{\\\"@context\\\": []}\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("a string must be a VC-JWT")));
        mvc.perform(
                        post("/credentials/verify")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        body(
                                                "{\"type\": \"EnvelopedVerifiableCredential\", \"id\": \"data:application/vc+cose,AA\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("data:application/vc+jwt,")));
    }

    @Test
    void pageVerifiesAPastedTokenAndAnUploadedJwtFile() throws Exception {
        var jwt = JwtFixtures.vcJwt(issue(), issuers);
        // Pasted from an email or a PDF, a token is often wrapped over lines.
        var wrapped = jwt.substring(0, 60) + "\n" + jwt.substring(60, 200) + "\r\n  " + jwt.substring(200);

        mvc.perform(post("/verify").with(csrf()).param("credential", wrapped))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Verified</p>")))
                .andExpect(content().string(containsString("Tess Token")))
                .andExpect(content().string(containsString("JWS signature (EdDSA")));
        var file = new MockMultipartFile(
                "file", "credential.jwt", "application/jwt", (jwt + "\n").getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/verify").file(file).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Verified</p>")));
    }

    @Test
    void pageShowsARefusedTokenWithItsReason() throws Exception {
        var token = refused("alg none", issue());

        mvc.perform(post("/verify").with(csrf()).param("credential", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Malformed</p>")))
                .andExpect(content().string(containsString("alg none: the token is not signed")));
    }

    @Test
    void bakedPngAndSvgCarryingAVcJwtVerify() throws Exception {
        var credential = issue();
        var jwt = JwtFixtures.vcJwt(credential, issuers);
        var png = badges.bakedPng(credential.achievementName(), "Northfield College", jwt);
        // Open Badges 3.0 puts a VC-JWT in the verify attribute of <openbadges:credential>.
        var svg = """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"
                     width="100" height="100">
                  <openbadges:credential verify="%s"/>
                  <circle cx="50" cy="50" r="40"/>
                </svg>
                """.formatted(jwt);
        var inText = badges.bakedSvg(credential.achievementName(), "Northfield College", jwt);

        for (var file : new MockMultipartFile[] {
            new MockMultipartFile("file", "badge.png", "image/png", png),
            new MockMultipartFile("file", "badge.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)),
            new MockMultipartFile("file", "text.svg", "image/svg+xml", inText.getBytes(StandardCharsets.UTF_8))
        }) {
            mvc.perform(multipart("/verify").file(file).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(">Verified</p>")))
                    .andExpect(content().string(containsString("JWS signature (EdDSA")));
        }
    }
}
