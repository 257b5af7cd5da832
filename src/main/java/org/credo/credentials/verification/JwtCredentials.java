package org.credo.credentials.verification;

import static org.credo.credentials.verification.VerificationReport.Outcome.FAILED;
import static org.credo.credentials.verification.VerificationReport.Outcome.NOT_CHECKED;
import static org.credo.credentials.verification.VerificationReport.Outcome.PASSED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.JwtRejected;
import org.credo.credentials.signing.VcJwt;
import org.credo.credentials.verification.VerificationReport.Check;
import org.credo.credentials.verification.VerificationReport.StatusChange;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a VC-JWT, Open Badges 3.0's JSON Web Token proof format (section 8.2): a compact JWS whose payload is the
 * credential, or holds it in {@code vc}. The signature and the issuer's key are checked here; the credential inside
 * goes through the same checks as any other (well-formed, validity window, status lists, Open Badges schema), and its
 * {@code nbf} and {@code exp} bound the validity window too.
 */
final class JwtCredentials {

    private static final List<String> AFTER_SHAPE =
            List.of("Issuer key", "Signature", "Validity period", "Status", "Open Badges schema");

    private final CredentialVerifier verifier;
    private final JwtIssuerKeys keys;
    private final StatusChecks status;

    JwtCredentials(CredentialVerifier verifier, Issuers issuers, StatusChecks status) {
        this.verifier = verifier;
        this.keys = new JwtIssuerKeys(issuers);
        this.status = status;
    }

    VerificationReport verify(String compact) {
        VcJwt token;
        try {
            token = VcJwt.parse(compact);
        } catch (JwtRejected e) {
            var checks = new ArrayList<Check>();
            checks.add(new Check(
                    "Well-formed credential", FAILED, "This is not a readable VC-JWT: " + e.getMessage() + "."));
            AFTER_SHAPE.forEach(name -> checks.add(notChecked(name)));
            return new VerificationReport(Verdict.MALFORMED, checks, null, null);
        }
        var claims = JwtClaims.read(token.claims());
        var credential = claims.credential();
        var facts = Facts.of(credential);
        var checks = new ArrayList<Check>();
        var verdicts = EnumSet.noneOf(Verdict.class);

        var shape = claims.problem() == null
                ? verifier.wellFormed(credential)
                : new Check("Well-formed credential", FAILED, claims.problem());
        checks.add(shape);
        var issuerId = Facts.issuerId(credential);
        if (shape.outcome() != PASSED || issuerId == null) {
            // A refused header is named even then: it is the first thing a sender needs to fix.
            var refused = refusal(token);
            for (var name : AFTER_SHAPE) {
                checks.add(name.equals("Signature") && refused != null ? refused : notChecked(name));
            }
            return new VerificationReport(Verdict.MALFORMED, checks, facts, null);
        }

        var found = keys.find(token, issuerId);
        checks.add(found.check());
        if (found.check().outcome() != PASSED) {
            verdicts.add(Verdict.UNKNOWN_ISSUER_KEY);
        }
        checks.add(signature(token, found, verdicts));
        checks.add(validity(claims, verdicts));
        StatusChange change = null;
        for (var result : status.check(credential, issuerId)) {
            checks.add(result.check());
            if (result.verdict() != null) {
                verdicts.add(result.verdict());
            }
            if (change == null) {
                change = result.change();
            }
        }
        checks.add(verifier.conformance(credential, credential.toString(), verdicts));

        var verdict = verdicts.stream().min(Enum::compareTo).orElse(Verdict.VERIFIED);
        return new VerificationReport(verdict, checks, facts, change);
    }

    private static Check signature(VcJwt token, JwtIssuerKeys.Found found, Set<Verdict> verdicts) {
        var name = "Signature";
        var refused = refusal(token);
        if (refused != null) {
            verdicts.add(Verdict.MALFORMED);
            return refused;
        }
        var key = found.key();
        if (key == null) {
            return new Check(
                    name,
                    NOT_CHECKED,
                    found.check().outcome() == FAILED
                            ? "Not checked against a key that is not the issuer's."
                            : "Without the issuer's key the signature cannot be checked.");
        }
        try {
            if (token.signedBy(key)) {
                return new Check(
                        name,
                        PASSED,
                        "The JWS signature (" + token.algorithm() + ", " + key.description()
                                + " key) matches: the credential is exactly as its issuer signed it.");
            }
            verdicts.add(Verdict.TAMPERED);
            return new Check(
                    name,
                    FAILED,
                    "Tampered: the JWS signature (" + token.algorithm() + ") does not match, so the token was changed"
                            + " after it was signed (or signed with another key).");
        } catch (JwtRejected e) {
            // An algorithm that does not fit the issuer's key is a broken proof, as a forged one would be.
            verdicts.add(Verdict.TAMPERED);
            return new Check(name, FAILED, "Refused: " + e.getMessage() + ".");
        }
    }

    private static @Nullable Check refusal(VcJwt token) {
        try {
            token.checkHeader();
            return null;
        } catch (JwtRejected e) {
            return new Check("Signature", FAILED, "Refused: " + e.getMessage() + ".");
        }
    }

    private static Check validity(JwtClaims claims, Set<Verdict> verdicts) {
        var now = Instant.now();
        if (claims.notBefore() != null && claims.notBefore().isAfter(now)) {
            verdicts.add(Verdict.NOT_YET_VALID);
            return new Check(
                    "Validity period",
                    FAILED,
                    "Not yet valid: its JWT is valid only from " + claims.notBefore() + " (nbf).");
        }
        // A token is expired at its exp, not a moment later (RFC 7519, section 4.1.4).
        if (claims.expires() != null && !claims.expires().isAfter(now)) {
            verdicts.add(Verdict.EXPIRED);
            return new Check(
                    "Validity period", FAILED, "Expired: its JWT was valid until " + claims.expires() + " (exp).");
        }
        return CredentialVerifier.validity(claims.credential(), verdicts);
    }

    private static Check notChecked(String name) {
        return new Check(name, NOT_CHECKED, "Not checked, because the credential is not well formed.");
    }
}
