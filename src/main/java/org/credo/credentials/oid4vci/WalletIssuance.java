package org.credo.credentials.oid4vci;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.credo.credentials.CredentialDeliveredToWallet;
import org.credo.credentials.CredentialOfferCreated;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.issuer.IssuerKey;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.ProofSigner;
import org.credo.credentials.signing.SigningException;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-authorized code flow end to end: an offer for the earner, a code exchanged for an access token, and the
 * credential delivered bound to the wallet's key. The delivered copy is the same credential (same id, dates, claims
 * and status entries) with {@code credentialSubject.id} set to the holder's DID and a new issuer proof, so
 * revoking or suspending the credential reaches every copy through its status lists.
 */
@Service
class WalletIssuance {

    /** An offer as the earner's page shows it. */
    record Offer(UUID id, Instant expiresAt, String deepLink, JsonObject offer) {}

    private final Offers offers;
    private final Nonces nonces;
    private final IssuedCredentials credentials;
    private final Issuers issuers;
    private final ProofSigner signer;
    private final CredentialIssuerMetadata metadata;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    WalletIssuance(
            Offers offers,
            Nonces nonces,
            IssuedCredentials credentials,
            Issuers issuers,
            ProofSigner signer,
            CredentialIssuerMetadata metadata,
            ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.offers = offers;
        this.nonces = nonces;
        this.credentials = credentials;
        this.issuers = issuers;
        this.signer = signer;
        this.metadata = metadata;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** A new offer for the earner's own credential; it withdraws the credential's older unused offers. */
    @Transactional
    Offer offer(IssuedCredential credential) {
        var created = offers.create(credential.organizationId(), credential.id());
        var offer = metadata.offer(created.preAuthorizedCode());
        var link = "openid-credential-offer://?credential_offer="
                + URLEncoder.encode(offer.toString(), StandardCharsets.UTF_8);
        events.publishEvent(new CredentialOfferCreated(
                ChangeStamp.by(credential.organizationId(), null, credential.recipientName() + " (earner)"),
                credential.id(),
                created.id(),
                created.expiresAt()));
        return new Offer(created.id(), created.expiresAt(), link, offer);
    }

    /** The token endpoint's work: a single-use code becomes an access token for its credential. */
    @Transactional
    Offers.Grant token(String preAuthorizedCode) {
        var redemption = offers.redeem(preAuthorizedCode);
        if (redemption.grant() == null) {
            throw OAuthError.badRequest("invalid_grant", redemption.refusal().description);
        }
        var credential = credentials
                .find(redemption.organizationId(), redemption.credentialId())
                .orElseThrow(() -> OAuthError.badRequest("invalid_grant", "The credential no longer exists."));
        refuseUnlessActive(credential, "invalid_grant");
        return redemption.grant();
    }

    /** A fresh c_nonce. */
    String nonce() {
        return nonces.issue();
    }

    /**
     * The credential endpoint's work, after the access token: checks the request and the key proof, uses up the
     * nonce, signs the holder-bound copy and records its delivery. Any failure changes nothing.
     */
    @Transactional
    JsonObject deliver(Offers.Binding binding, CredentialRequest request) {
        var credential = credentials
                .find(binding.organizationId(), binding.credentialId())
                .orElseThrow(() -> new OAuthError(
                        HttpStatus.UNAUTHORIZED, "invalid_token", "The credential of this access token is gone."));
        var proof = KeyProofs.verify(request.proofJwt(), metadata.identifier(), Timestamps.now());
        refuseUnlessActive(credential, "credential_request_denied");
        if (!nonces.consume(proof.nonce())) {
            throw OAuthError.badRequest(
                    "invalid_nonce",
                    "The proof's nonce is unknown, used or expired; get a new c_nonce from the nonce endpoint.");
        }
        var signed = holderBound(credential, proof.holderDid());
        var deliveryId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO oid4vci_delivery
                  (id, organization_id, credential_id, access_token_id, holder_did, format, delivered_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        deliveryId,
                        credential.organizationId(),
                        credential.id(),
                        binding.tokenId(),
                        proof.holderDid(),
                        "ldp_vc",
                        Timestamps.sql(Timestamps.now()),
                        signed.toString())
                .update();
        events.publishEvent(new CredentialDeliveredToWallet(
                ChangeStamp.by(credential.organizationId(), null, credential.recipientName() + " (wallet)"),
                credential.id(),
                deliveryId,
                proof.holderDid(),
                "ldp_vc"));
        return signed;
    }

    /** The stored credential with the holder as its subject, signed again by its organization. */
    private JsonObject holderBound(IssuedCredential credential, String holderDid) {
        var stored = Json.createReader(new StringReader(credential.document())).readObject();
        var subject = Json.createObjectBuilder(stored.getJsonObject("credentialSubject"))
                .add("id", holderDid)
                .build();
        var unsigned = Json.createObjectBuilder(stored)
                .remove("proof")
                .add("credentialSubject", subject)
                .build();
        var issuer = issuers.issuer(credential.organizationId());
        var issuerId = issuerId(stored);
        String method;
        if (issuerId.equals(issuer.id())) {
            method = issuer.verificationMethod();
        } else if (issuerId.equals(issuer.key().didKey().did())) {
            method = issuer.key().didKey().verificationMethodId();
        } else if (issuerId.equals(issuers.didWeb(issuer.organization()))) {
            method = issuerId + "#"
                    + issuers.keys(credential.organizationId()).stream()
                            .filter(IssuerKey::signing)
                            .findFirst()
                            .orElseThrow()
                            .fragment();
        } else {
            throw OAuthError.badRequest(
                    "credential_request_denied",
                    "This credential was issued with a key its issuer has since replaced; ask the issuer to reissue it.");
        }
        var suite = Cryptosuite.byId(credential.cryptosuite()).orElse(Cryptosuite.RDFC);
        try {
            return signer.sign(unsigned, suite, issuer.key(), method, Timestamps.now());
        } catch (SigningException e) {
            throw new IllegalStateException("A stored credential could not be signed again: " + e.getMessage(), e);
        }
    }

    private static String issuerId(JsonObject credential) {
        var issuer = credential.get("issuer");
        if (issuer instanceof JsonString id) {
            return id.getString();
        }
        if (issuer != null && issuer.getValueType() == JsonValue.ValueType.OBJECT) {
            return issuer.asJsonObject().getString("id", "");
        }
        return "";
    }

    private static void refuseUnlessActive(IssuedCredential credential, String code) {
        var status = credential.displayStatus();
        if (!status.equals("Active")) {
            throw OAuthError.badRequest(
                    code, "This credential is " + status.toLowerCase() + "; a wallet cannot receive it.");
        }
    }
}
