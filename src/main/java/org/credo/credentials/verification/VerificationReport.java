package org.credo.credentials.verification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What verifying one credential found: an overall verdict, every check with its outcome and a plain-words
 * explanation, and the credential's public facts (never the recipient's email, never staff-only data).
 */
public record VerificationReport(
        Verdict verdict,
        List<Check> checks,
        @Nullable PublicFacts facts,
        @Nullable StatusChange statusChange) {

    /** Copies the checks. */
    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** Whether the credential verified: every check passed or only warned, and nothing that matters went unchecked. */
    public boolean verified() {
        return verdict == Verdict.VERIFIED;
    }

    /** The checks with one outcome. */
    public List<Check> checks(Outcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).toList();
    }

    /** One check: a short name, its outcome and what it means in plain words. */
    public record Check(String name, Outcome outcome, String explanation) {}

    /** The outcome of one check. */
    public enum Outcome {
        PASSED,
        FAILED,
        WARNING,
        NOT_CHECKED;

        /** The outcome in words, for pages. */
        public String label() {
            return switch (this) {
                case PASSED -> "Passed";
                case FAILED -> "Failed";
                case WARNING -> "Warning";
                case NOT_CHECKED -> "Not checked";
            };
        }
    }

    /** The overall result, in the order of precedence: the first that applies wins. */
    public enum Verdict {
        MALFORMED("Malformed", "This is not a credential Credo can read."),
        TAMPERED("Tampered", "The credential was changed after it was signed, or its proof is broken."),
        UNKNOWN_ISSUER_KEY("Unknown issuer key", "The issuer's key could not be found, so the signature is unproven."),
        REVOKED("Revoked", "The issuer revoked this credential."),
        SUSPENDED("Suspended", "The issuer suspended this credential."),
        EXPIRED("Expired", "The credential's validity period has ended."),
        NOT_YET_VALID("Not yet valid", "The credential's validity period has not started."),
        // After every verdict that is certain, before those about form only: the signature is valid, but the
        // credential may be revoked or suspended, so it is not verified (ADR 22).
        STATUS_UNKNOWN(
                "Signature valid, status unknown",
                "The credential is authentic and unchanged, but whether its issuer revoked or suspended it could not"
                        + " be checked."),
        NOT_CONFORMANT("Does not conform", "The credential does not follow the Open Badges 3.0 schema."),
        VERIFIED("Verified", "The credential is authentic, unchanged, in force and not revoked or suspended.");

        private final String headline;
        private final String meaning;

        Verdict(String headline, String meaning) {
            this.headline = headline;
            this.meaning = meaning;
        }

        /** A short banner text. */
        public String headline() {
            return headline;
        }

        /** One sentence on what the verdict means. */
        public String meaning() {
            return meaning;
        }
    }

    /** What anyone holding the credential can read in it; dates as the credential states them. */
    public record PublicFacts(
            @Nullable String credentialId,
            @Nullable String achievementName,
            @Nullable String issuerName,
            @Nullable String issuerId,
            @Nullable String recipientName,
            @Nullable Instant validFrom,
            @Nullable Instant validUntil) {}

    /** A revocation or suspension recorded by this server for one of its credentials. */
    public record StatusChange(
            String purpose,
            @Nullable Instant changedAt,
            @Nullable String reason) {}
}
