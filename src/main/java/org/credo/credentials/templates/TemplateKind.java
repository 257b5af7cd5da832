package org.credo.credentials.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The documents an organization can word and lay out itself, with the placeholders each may use. */
public enum TemplateKind {
    CLAIM_EMAIL(
            "Claim email",
            "claim-email",
            "The email an earner receives when a credential is issued to them, with the link that opens their wallet.",
            placeholders(
                    "recipientName", "The earner's name",
                    "achievementName", "The achievement's name",
                    "issuerName", "Your organization's name",
                    "claimUrl", "The single-use link that opens the earner's wallet",
                    "claimDays", "How many days the link stays valid",
                    "verificationUrl", "The public verification page of the credential",
                    "issuedOn", "The date of issue, e.g. 3 March 2026",
                    "validUntil",
                            "The end of validity, or empty when it has none (use {{#validUntil}}…{{/validUntil}})"),
            Set.of("claimUrl")),
    EXPIRY_REMINDER(
            "Expiry reminder email",
            "expiry-reminder",
            "The email an earner receives some days before a credential's validity ends (see Expiry reminders).",
            placeholders(
                    "recipientName", "The earner's name",
                    "achievementName", "The achievement's name",
                    "issuerName", "Your organization's name",
                    "validUntil", "The end of validity, e.g. 3 March 2029",
                    "daysLeft", "How many days are left until then",
                    "claimUrl", "A single-use link that opens the earner's wallet",
                    "claimDays", "How many days the link stays valid",
                    "verificationUrl", "The public verification page of the credential"),
            Set.of("claimUrl")),
    EARNER_SIGN_IN(
            "Wallet sign-in email",
            "earner-sign-in",
            "The email with a single-use link that opens the wallet, sent when an earner asks for one on the wallet's"
                    + " sign-in page. An earner whose credentials come from several organizations gets the built-in one.",
            placeholders(
                    "email", "The address the link was asked for",
                    "issuerName", "Your organization's name",
                    "signInUrl", "The single-use link that opens the earner's wallet",
                    "minutes", "How many minutes the link stays valid"),
            Set.of("signInUrl")),
    EARNER_ADDRESS(
            "Address confirmation email",
            "earner-address",
            "The email with a single-use link that confirms an address an earner adds to the wallet. For an address"
                    + " with credentials from several organizations the built-in one is sent.",
            placeholders(
                    "recipientName", "The earner's name",
                    "email", "The address to confirm",
                    "issuerName", "Your organization's name",
                    "confirmUrl", "The single-use link that confirms the address",
                    "minutes", "How many minutes the link stays valid"),
            Set.of("confirmUrl")),
    CERTIFICATE(
            "PDF certificate",
            "certificate",
            "The printable certificate an earner downloads from the wallet. It must be well-formed XHTML.",
            placeholders(
                    "recipientName", "The earner's name",
                    "achievementName", "The achievement's name",
                    "issuerName", "The issuer's name as the credential states it",
                    "description", "The achievement's description",
                    "criteria", "The achievement's criteria",
                    "issuedOn", "The date of issue, e.g. 3 March 2026",
                    "validUntil",
                            "The end of validity, or empty when it has none (use {{#validUntil}}…{{/validUntil}})",
                    "verificationUrl", "The public verification page of the credential",
                    "qrCode",
                            "A QR code of the verification URL, as an image source:"
                                    + " <img src=\"{{qrCode}}\" alt=\"QR code that opens {{verificationUrl}}\"/>",
                    "credentialId", "The credential's identifier",
                    "organizationLogo", "The organization's logo as an image source, or empty when it has none",
                    "signatureImage",
                            "The signature picture of the certificate designer, as an image source, or empty"),
            Set.of("verificationUrl"));

    private final String label;
    private final String slug;
    private final String purpose;
    private final Map<String, String> placeholders;
    private final Set<String> required;

    TemplateKind(String label, String slug, String purpose, Map<String, String> placeholders, Set<String> required) {
        this.label = label;
        this.slug = slug;
        this.purpose = purpose;
        this.placeholders = placeholders;
        this.required = required;
    }

    /** The name staff see. */
    public String label() {
        return label;
    }

    /** The name in URLs and resource files. */
    public String slug() {
        return slug;
    }

    /** What the document is for, in one sentence. */
    public String purpose() {
        return purpose;
    }

    /** Every placeholder a template of this kind may use, with what it stands for, in display order. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** Placeholders that the main body must use (the email's link, the certificate's verification URL). */
    public Set<String> required() {
        return required;
    }

    /** Whether the kind has a subject and a plain-text body besides its HTML body. */
    public boolean isEmail() {
        return this != CERTIFICATE;
    }

    /** The kind of a URL slug. */
    public static TemplateKind ofSlug(String slug) {
        for (var kind : values()) {
            if (kind.slug.equals(slug)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(slug);
    }

    private static Map<String, String> placeholders(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
