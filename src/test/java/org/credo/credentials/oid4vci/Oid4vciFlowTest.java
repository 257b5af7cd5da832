package org.credo.credentials.oid4vci;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nimbusds.jose.JOSEObjectType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pre-authorized code flow over real HTTP against the running application: the earner asks for an offer in the
 * wallet, a wallet (no session, no CSRF token) redeems it and receives the credential bound to its key, and every
 * bad input is refused with the OAuth error a wallet expects, changing nothing.
 */
@CredoTest
class Oid4vciFlowTest {

    static final String ISSUER = "http://localhost:8080";

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

    Oid4vciHttp http;

    @BeforeEach
    void http() {
        http = new Oid4vciHttp(port);
    }

    @ParameterizedTest
    @EnumSource(TestWallet.Kind.class)
    void aWalletReceivesTheEarnersCredentialBoundToItsKey(TestWallet.Kind kind) throws Exception {
        var credential = issue(Cryptosuite.RDFC, "key");
        var offer = earnerOf(credential).offer(credential.id());
        var wallet = new TestWallet(kind);

        var token = http.accessToken(offer);
        var response = http.credential(token, Oid4vciHttp.proofsBody(wallet.proof(ISSUER, http.nonce())));

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.cacheControl()).contains("no-store");
        var delivered =
                response.body().getJsonArray("credentials").getJsonObject(0).getJsonObject("credential");
        assertHolderBoundCopy(delivered, credential, wallet.did());
        var report = verifier.verify(delivered);
        assertThat(report.verdict()).as("%s", report.checks()).isEqualTo(VerificationReport.Verdict.VERIFIED);
        assertThat(deliveries(credential)).isEqualTo(1);
        awaitAudit(credential, "credential.offer-created");
        awaitAudit(credential, "credential.delivered-to-wallet");
    }

    @Test
    void theSingularProofOfEarlierDraftsAndAJcsCredentialUnderDidWebWorkToo() throws Exception {
        var credential = issue(Cryptosuite.JCS, "web");
        try {
            var wallet = new TestWallet(TestWallet.Kind.ED25519_DID_KEY);
            var token = http.accessToken(earnerOf(credential).offer(credential.id()));
            var body = Json.createObjectBuilder()
                    .add("credential_configuration_id", "OpenBadgeCredential")
                    .add(
                            "proof",
                            Json.createObjectBuilder()
                                    .add("proof_type", "jwt")
                                    .add("jwt", wallet.proof(ISSUER, http.nonce())))
                    .build()
                    .toString();

            var response = http.credential(token, body);

            assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
            var delivered =
                    response.body().getJsonArray("credentials").getJsonObject(0).getJsonObject("credential");
            assertHolderBoundCopy(delivered, credential, wallet.did());
            assertThat(delivered.getJsonObject("issuer").getString("id")).startsWith("did:web:");
            // The status checks depend on when the status lists were last signed (under did:key by other tests), so
            // compare with the stored credential: the delivered copy verifies exactly as well, with a valid signature.
            var original = verifier.verify(credential.document());
            var report = verifier.verify(delivered);
            assertThat(report.verdict()).as("%s", report.checks()).isEqualTo(original.verdict());
            assertThat(report.checks(VerificationReport.Outcome.PASSED))
                    .extracting(VerificationReport.Check::name)
                    .contains("Signature", "Issuer key");
        } finally {
            issuers.useDidMethodNow(credential.organizationId(), "key");
        }
    }

    @Test
    void theEarnersCredentialPageShowsAQrCodeThatDecodesToTheOfferLink() throws Exception {
        var credential = issue(Cryptosuite.JCS, "key");
        var earner = earnerOf(credential);

        var page = earner.get("/wallet/credentials/" + credential.id()).body();
        var offerPage = earner.requestOffer(credential.id()).body();

        assertThat(page).contains("Add to a wallet").contains("Show a QR code for my wallet");
        var link = org.springframework.web.util.HtmlUtils.htmlUnescape(
                between(offerPage, "id=\"offer-link\" href=\"", "\""));
        var qr = between(offerPage, "src=\"data:image/png;base64,", "\"");
        var image = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(qr)));
        // The image is the code alone, as drawn: ZXing's default finder-pattern search misses about one code in
        // fifty of these (measured on 3,000 offer links), reading it as a pure barcode misses none.
        var decoded = new com.google.zxing.MultiFormatReader()
                .decode(
                        new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))),
                        java.util.Map.of(
                                com.google.zxing.DecodeHintType.PURE_BARCODE,
                                true,
                                com.google.zxing.DecodeHintType.TRY_HARDER,
                                true));
        assertThat(decoded.getText()).isEqualTo(link).startsWith("openid-credential-offer://?credential_offer=");
        assertThat(Oid4vciHttp.offerOf(link).getString("credential_issuer")).isEqualTo(ISSUER);
        assertThat(offerPage).contains("expires in <span>10</span> minutes");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    @Test
    void metadataIsOpenId4vci10AndTheAuthorizationServerIsTheCredentialIssuer() throws Exception {
        var issuer = http.getJson("/.well-known/openid-credential-issuer");
        var server = http.getJson("/.well-known/oauth-authorization-server");

        assertThat(issuer.contentType()).startsWith("application/json");
        assertThat(server.contentType()).startsWith("application/json");
        assertThat(issuer.body().getString("credential_issuer")).isEqualTo(ISSUER);
        assertThat(server.body().getString("issuer")).isEqualTo(ISSUER);
        assertThat(issuer.body().getString("credential_endpoint")).isEqualTo(ISSUER + "/oid4vci/credential");
        assertThat(issuer.body().getString("nonce_endpoint")).isEqualTo(ISSUER + "/oid4vci/nonce");
        assertThat(server.body().getString("token_endpoint")).isEqualTo(ISSUER + "/oid4vci/token");
        assertThat(server.body().getBoolean("pre-authorized_grant_anonymous_access_supported"))
                .isTrue();
        var configuration = issuer.body()
                .getJsonObject("credential_configurations_supported")
                .getJsonObject("OpenBadgeCredential");
        assertThat(configuration.getString("format")).isEqualTo("ldp_vc");
        assertThat(configuration.getJsonObject("credential_definition").toString())
                .contains("https://www.w3.org/ns/credentials/v2")
                .contains("OpenBadgeCredential");
        assertThat(configuration
                        .getJsonArray("cryptographic_binding_methods_supported")
                        .toString())
                .contains("did:key")
                .contains("jwk");
        assertThat(configuration
                        .getJsonObject("proof_types_supported")
                        .getJsonObject("jwt")
                        .getJsonArray("proof_signing_alg_values_supported")
                        .toString())
                .contains("EdDSA")
                .contains("ES256");
        assertThat(configuration.getJsonObject("credential_metadata").getJsonArray("display"))
                .isNotEmpty();
    }

    @Test
    void aPreAuthorizedCodeWorksOnceAndOnlyUntilItExpires() throws Exception {
        var credential = issue(Cryptosuite.JCS, "key");
        var earner = earnerOf(credential);
        var offer = earner.offer(credential.id());
        var code = Oid4vciHttp.preAuthorizedCode(offer);

        var first = http.token(code);
        var second = http.token(code);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.cacheControl()).contains("no-store");
        assertThat(first.body().getString("token_type")).isEqualTo("Bearer");
        assertThat(first.body().getInt("expires_in")).isPositive();
        assertOAuthError(second, 400, "invalid_grant", "already used");

        var expiring = Oid4vciHttp.preAuthorizedCode(earner.offer(credential.id()));
        jdbc.sql("UPDATE oid4vci_offer SET expires_at = ? WHERE credential_id = ? AND redeemed_at IS NULL")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), credential.id())
                .update();
        assertOAuthError(http.token(expiring), 400, "invalid_grant", "expired");
        assertOAuthError(http.token("not-a-code"), 400, "invalid_grant", "not known");
    }

    @Test
    void aNewOfferWithdrawsTheOlderUnusedOne() throws Exception {
        var credential = issue(Cryptosuite.JCS, "key");
        var earner = earnerOf(credential);
        var older = earner.offer(credential.id());
        var newer = earner.offer(credential.id());

        assertOAuthError(http.token(Oid4vciHttp.preAuthorizedCode(older)), 400, "invalid_grant", "newer offer");
        assertThat(http.token(Oid4vciHttp.preAuthorizedCode(newer)).status()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointRefusesOtherGrantsAndMissingCodes() throws Exception {
        assertOAuthError(
                http.token(Map.of("grant_type", "authorization_code", "code", "x")),
                400,
                "unsupported_grant_type",
                "pre-authorized_code");
        assertOAuthError(
                http.token(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code")),
                400,
                "invalid_request",
                "pre-authorized_code");
        assertOAuthError(http.token(Map.of()), 400, "invalid_request", "grant_type");
    }

    @Test
    void onlyTheEarnerCanGetAnOfferForTheirCredential() throws Exception {
        var credential = issue(Cryptosuite.JCS, "key");
        var other = issue(Cryptosuite.JCS, "key");
        var stranger = earnerOf(other);

        assertThat(stranger.requestOffer(credential.id()).statusCode()).isEqualTo(404);
        var anonymous = http.earner().requestOffer(credential.id());
        assertThat(anonymous.statusCode()).isIn(403, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM oid4vci_offer WHERE credential_id = ?")
                        .param(credential.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theCredentialEndpointNeedsAValidAccessToken() throws Exception {
        var wallet = new TestWallet(TestWallet.Kind.ED25519_DID_KEY);
        var body = Oid4vciHttp.proofsBody(wallet.proof(ISSUER, http.nonce()));

        var none = http.credential(null, body);
        var unknown = http.credential("made-up-token", body);

        assertOAuthError(none, 401, "invalid_token", "Bearer");
        assertOAuthError(unknown, 401, "invalid_token", "unknown or expired");

        var credential = issue(Cryptosuite.JCS, "key");
        var token = http.accessToken(earnerOf(credential).offer(credential.id()));
        jdbc.sql("UPDATE oid4vci_access_token SET expires_at = ? WHERE credential_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), credential.id())
                .update();
        assertOAuthError(http.credential(token, body), 401, "invalid_token", "unknown or expired");
        assertThat(deliveries(credential)).isZero();
    }

    @Test
    void aWrongOrReusedNonceIsRefusedWithAFreshNonce() throws Exception {
        var credential = issue(Cryptosuite.JCS, "key");
        var token = http.accessToken(earnerOf(credential).offer(credential.id()));
        var wallet = new TestWallet(TestWallet.Kind.P256_JWK);

        var wrong = http.credential(token, Oid4vciHttp.proofsBody(wallet.proof(ISSUER, "a-nonce-we-never-issued")));
        assertOAuthError(wrong, 400, "invalid_nonce", "nonce endpoint");
        assertThat(wrong.body().getString("c_nonce")).isNotBlank();

        var nonce = http.nonce();
        assertThat(http.credential(token, Oid4vciHttp.proofsBody(wallet.proof(ISSUER, nonce)))
                        .status())
                .isEqualTo(200);
        var reused = http.credential(token, Oid4vciHttp.proofsBody(wallet.proof(ISSUER, nonce)));
        assertOAuthError(reused, 400, "invalid_nonce", "used");
        assertThat(deliveries(credential)).isEqualTo(1);

        jdbc.sql("UPDATE oid4vci_nonce SET expires_at = ?")
                .param(Timestamp.from(Instant.now().minusSeconds(1)))
                .update();
        var expired = wrong.body().getString("c_nonce");
        assertOAuthError(
                http.credential(token, Oid4vciHttp.proofsBody(wallet.proof(ISSUER, expired))),
                400,
                "invalid_nonce",
                "expired");
    }

    @Test
    void badProofsAreRefusedAndLeaveTheNonceUnused() throws Exception {
        var credential = issue(Cryptosuite.JCS, "key");
        var token = http.accessToken(earnerOf(credential).offer(credential.id()));
        var wallet = new TestWallet(TestWallet.Kind.ED25519_DID_KEY);
        var impostor = new TestWallet(TestWallet.Kind.ED25519_DID_KEY);
        var p256 = new TestWallet(TestWallet.Kind.P256_DID_KEY);
        var nonce = http.nonce();

        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("signature does not match", wallet.proofSignedBy(impostor, ISSUER, nonce));
        refused.put(
                "signature does not match ",
                p256.proofSignedBy(new TestWallet(TestWallet.Kind.P256_DID_KEY), ISSUER, nonce));
        refused.put("typ", wallet.proof(ISSUER, nonce, h -> h.type(JOSEObjectType.JWT), c -> {}));
        refused.put("aud", wallet.proof("https://another-issuer.example", nonce));
        refused.put(
                "not recent",
                wallet.proof(
                        ISSUER,
                        nonce,
                        h -> {},
                        c -> c.issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))));
        refused.put("no nonce", wallet.proof(ISSUER, nonce, h -> {}, c -> c.claim("nonce", null)));
        refused.put("not a signed JWT", "not.a.jwt");
        refused.put("did:key", wallet.proof(ISSUER, nonce, h -> h.keyID("did:web:example.com#key-1"), c -> {}));
        for (var entry : refused.entrySet()) {
            assertOAuthError(
                    http.credential(token, Oid4vciHttp.proofsBody(entry.getValue())),
                    400,
                    "invalid_proof",
                    entry.getKey().strip());
        }
        var hs256 = "eyJhbGciOiJIUzI1NiIsInR5cCI6Im9wZW5pZDR2Y2ktcHJvb2Yrand0In0.e30.c2lnbmF0dXJl";
        assertOAuthError(http.credential(token, Oid4vciHttp.proofsBody(hs256)), 400, "invalid_proof", "EdDSA or ES256");
        assertOAuthError(
                http.credential(token, "{\"credential_configuration_id\":\"OpenBadgeCredential\"}"),
                400,
                "invalid_proof",
                "no key proof");
        assertOAuthError(
                http.credential(
                        token, "{\"credential_configuration_id\":\"UniversityDegree\",\"proofs\":{\"jwt\":[\"x\"]}}"),
                400,
                "unknown_credential_configuration",
                "OpenBadgeCredential");
        assertOAuthError(http.credential(token, "[]"), 400, "invalid_credential_request", "JSON object");
        assertThat(deliveries(credential)).isZero();

        // None of those used the nonce up: the honest proof with it still works.
        var honest = http.credential(token, Oid4vciHttp.proofsBody(wallet.proof(ISSUER, nonce)));
        assertThat(honest.status()).as("%s", honest.body()).isEqualTo(200);
    }

    @Test
    void aRevokedCredentialIsNotDeliveredAndRevocationReachesDeliveredCopies() throws Exception {
        var credential = issue(Cryptosuite.RDFC, "key");
        var earner = earnerOf(credential);
        var wallet = new TestWallet(TestWallet.Kind.ED25519_DID_KEY);
        var delivered = http.credential(
                        http.accessToken(earner.offer(credential.id())),
                        Oid4vciHttp.proofsBody(wallet.proof(ISSUER, http.nonce())))
                .body()
                .getJsonArray("credentials")
                .getJsonObject(0)
                .getJsonObject("credential");
        var pending = http.accessToken(earner.offer(credential.id()));
        var unredeemed = Oid4vciHttp.preAuthorizedCode(earner.offer(credential.id()));

        issuance.revoke(credential.organizationId(), credential.id(), "Issued in error");

        var nonce = http.nonce();
        assertOAuthError(
                http.credential(pending, Oid4vciHttp.proofsBody(wallet.proof(ISSUER, nonce))),
                400,
                "credential_request_denied",
                "revoked");
        assertOAuthError(http.token(unredeemed), 400, "invalid_grant", "revoked");
        assertThat(deliveries(credential)).isEqualTo(1);
        assertThat(verifier.verify(delivered).verdict()).isEqualTo(VerificationReport.Verdict.REVOKED);
        assertThat(earner.requestOffer(credential.id()).statusCode()).isEqualTo(409);
    }

    private void assertHolderBoundCopy(JsonObject delivered, IssuedCredential credential, String holderDid) {
        var stored = Json.createReader(new StringReader(credential.document())).readObject();
        assertThat(delivered.getJsonObject("credentialSubject").getString("id")).isEqualTo(holderDid);
        assertThat(delivered.getString("id")).isEqualTo(stored.getString("id"));
        assertThat(delivered.get("credentialStatus")).isEqualTo(stored.get("credentialStatus"));
        assertThat(delivered.getString("validFrom")).isEqualTo(stored.getString("validFrom"));
        assertThat(delivered.get("issuer")).isEqualTo(stored.get("issuer"));
        var subject = Json.createObjectBuilder(delivered.getJsonObject("credentialSubject"))
                .remove("id")
                .build();
        assertThat(subject).isEqualTo(stored.getJsonObject("credentialSubject"));
    }

    private static void assertOAuthError(Oid4vciHttp.Reply reply, int status, String error, String mentions) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body().getString("error")).as("%s", reply.body()).isEqualTo(error);
        assertThat(reply.body().getString("error_description")).contains(mentions);
    }

    private long deliveries(IssuedCredential credential) {
        return jdbc.sql("SELECT count(*) FROM oid4vci_delivery WHERE credential_id = ?")
                .param(credential.id())
                .query(Long.class)
                .single();
    }

    private void awaitAudit(IssuedCredential credential, String action) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                                .params(credential.id().toString(), action)
                                .query(Long.class)
                                .single()
                        > 0);
    }

    IssuedCredential issue(Cryptosuite suite, String didMethod) {
        var organization = CredentialFixtures.northfield(jdbc);
        issuers.useDidMethodNow(organization, didMethod);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "holder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var recipient = new IssueRequest.Recipient("Wendy Wallet", email, null, null);
        return issuance.issue(
                organization, CredentialFixtures.request(achievement.id(), recipient, suite), "OID4VCI test", null);
    }

    /** The earner's browser, signed into the wallet with the claim link from the issuance email. */
    Oid4vciHttp.Earner earnerOf(IssuedCredential credential) throws Exception {
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, credential.recipientEmail()), "/wallet/claim/");
        return http.earner().claim(link);
    }
}
