package org.credo.credentials.oid4vci;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.springframework.http.HttpStatus;

/**
 * Checks a wallet's key proof JWT (OpenID4VCI 1.0, appendix F.1): its type, algorithm, key, signature, audience,
 * issue time and nonce. It does not consume the nonce; the caller does that once everything else has passed.
 */
final class KeyProofs {

    static final JOSEObjectType TYPE = new JOSEObjectType("openid4vci-proof+jwt");

    /** EdDSA (Ed25519) and ES256, as the metadata announces. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519, JWSAlgorithm.ES256);

    /** How old a proof may be, and how far a wallet's clock may run ahead. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    static final Duration MAX_SKEW = Duration.ofMinutes(1);

    private KeyProofs() {}

    /** A proof that passed every check but the nonce. */
    record KeyProof(String holderDid, String nonce) {}

    /**
     * Verifies a proof for a credential issuer.
     *
     * @throws OAuthError {@code invalid_proof} saying what is wrong
     */
    static KeyProof verify(String compact, String credentialIssuer, Instant now) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw invalid("the proof is not a signed JWT: " + e.getMessage());
        }
        var header = jwt.getHeader();
        if (!TYPE.equals(header.getType())) {
            throw invalid("the proof's typ must be openid4vci-proof+jwt, not " + header.getType());
        }
        var alg = header.getAlgorithm();
        if (!ALGORITHMS.contains(alg)) {
            throw invalid("the proof's alg must be EdDSA or ES256, not " + alg);
        }
        HolderKeys.HolderKey key;
        try {
            if (header.getJWK() != null) {
                if (header.getKeyID() != null || header.getX509CertChain() != null) {
                    throw invalid("send either kid or jwk in the proof header, not both");
                }
                key = HolderKeys.fromJwk(header.getJWK());
            } else if (header.getKeyID() != null) {
                key = HolderKeys.fromDidKey(header.getKeyID());
            } else {
                throw invalid("the proof header names no key: send kid (a did:key) or jwk");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (!signatureMatches(jwt, alg, key)) {
            throw invalid("the proof's signature does not match its key");
        }
        try {
            var claims = jwt.getJWTClaimsSet();
            if (claims.getAudience() == null || !claims.getAudience().contains(credentialIssuer)) {
                throw invalid("the proof's aud must be the credential issuer " + credentialIssuer);
            }
            var issued = claims.getIssueTime();
            if (issued == null) {
                throw invalid("the proof has no iat");
            }
            if (issued.toInstant().isBefore(now.minus(MAX_AGE))
                    || issued.toInstant().isAfter(now.plus(MAX_SKEW))) {
                throw invalid("the proof's iat " + issued.toInstant() + " is not recent; make a new proof");
            }
            var nonce = claims.getStringClaim("nonce");
            if (nonce == null || nonce.isBlank()) {
                throw invalid("the proof has no nonce; get a c_nonce from the nonce endpoint");
            }
            return new KeyProof(key.did(), nonce);
        } catch (ParseException e) {
            throw invalid("the proof's claims cannot be read: " + e.getMessage());
        }
    }

    private static boolean signatureMatches(SignedJWT jwt, JWSAlgorithm alg, HolderKeys.HolderKey key) {
        try {
            if (alg.equals(JWSAlgorithm.ES256)) {
                return key.jwk() instanceof ECKey ec && jwt.verify(new ECDSAVerifier(ec));
            }
            if (!(key.jwk() instanceof OctetKeyPair okp)) {
                return false;
            }
            // Ed25519 through BouncyCastle, as Credo signs: nimbus would need Google Tink for it.
            var publicKey = okp.getX().decode();
            if (publicKey.length != 32) {
                return false;
            }
            var signature = jwt.getSignature().decode();
            var input = jwt.getSigningInput();
            var verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(input, 0, input.length);
            return signature.length == 64 && verifier.verifySignature(signature);
        } catch (JOSEException | IllegalArgumentException e) {
            return false;
        }
    }

    private static OAuthError invalid(String description) {
        return new OAuthError(HttpStatus.BAD_REQUEST, "invalid_proof", description);
    }
}
