package org.credo.credentials.issuance;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.AchievementImages;
import org.credo.credentials.issuer.Issuer;
import org.credo.credentials.status.StatusPurpose;
import org.credo.credentials.status.StatusSlot;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds unsigned Open Badges 3.0 credentials (VC Data Model 2.0) from an issuer, an achievement and a request. */
@Component
public class CredentialDocuments {

    /** The contexts every credential names, in this order. */
    public static final List<String> CONTEXTS = List.of(
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

    /** Looked up once: {@code Json.create...} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredoProperties properties;

    private final AchievementImages pictures;

    CredentialDocuments(CredoProperties properties, AchievementImages pictures) {
        this.pictures = pictures;
        this.properties = properties;
    }

    /** The public URL of a status list. */
    public String statusListUrl(UUID listId) {
        return properties.link("/status/" + listId);
    }

    /** The public URL of an achievement. */
    public String achievementUrl(UUID achievementId) {
        return properties.link("/achievements/" + achievementId);
    }

    JsonObject build(
            UUID id,
            Issuer issuer,
            Achievement achievement,
            IssueRequest request,
            Instant validFrom,
            StatusSlot revocation,
            StatusSlot suspension,
            boolean suspensionEntry) {
        var credential = JSON.createObjectBuilder()
                .add("@context", strings(CONTEXTS))
                .add("id", "urn:uuid:" + id)
                .add("type", strings(List.of("VerifiableCredential", "OpenBadgeCredential")))
                .add("name", achievement.content().name())
                .add("issuer", profile(issuer))
                .add("validFrom", time(validFrom));
        if (request.validUntil() != null) {
            if (!request.validUntil().isAfter(validFrom)) {
                throw ProblemException.invalidField("validUntil", "must be after validFrom.");
            }
            credential.add("validUntil", time(request.validUntil()));
        }
        credential.add("credentialSubject", subject(achievement, request));
        if (request.evidence() != null && !request.evidence().isEmpty()) {
            var evidence = JSON.createArrayBuilder();
            for (var e : request.evidence()) {
                var item = JSON.createObjectBuilder().add("type", strings(List.of("Evidence")));
                if (e.url() != null && !e.url().isBlank()) {
                    item.add("id", e.url().trim());
                }
                if (e.name() != null && !e.name().isBlank()) {
                    item.add("name", e.name().trim());
                }
                if (e.narrative() != null && !e.narrative().isBlank()) {
                    item.add("narrative", e.narrative().trim());
                }
                evidence.add(item);
            }
            credential.add("evidence", evidence);
        }
        credential.add("credentialStatus", statusEntries(revocation, suspension, suspensionEntry));
        return credential.build();
    }

    /**
     * One revocation entry, as the Open Badges 3.0 schema allows, or an array with the suspension entry too when the
     * organization chose to show suspension to every verifier (ADR 15).
     */
    private jakarta.json.JsonValue statusEntries(
            StatusSlot revocation, StatusSlot suspension, boolean suspensionEntry) {
        return suspensionEntry
                ? JSON.createArrayBuilder()
                        .add(status(revocation))
                        .add(status(suspension))
                        .build()
                : status(revocation).build();
    }

    /**
     * Completes a caller's credential for signing: this issuer's profile, an id, a validFrom and the
     * status entries are set by Credo; everything else is kept as sent.
     */
    JsonObject complete(
            JsonObject credential,
            UUID id,
            Issuer issuer,
            Achievement achievement,
            Instant now,
            StatusSlot revocation,
            StatusSlot suspension,
            boolean suspensionEntry) {
        var builder = JSON.createObjectBuilder(credential);
        builder.add(
                "id", credential.containsKey("id") ? credential.getString("id", "urn:uuid:" + id) : "urn:uuid:" + id);
        builder.add("issuer", profile(issuer));
        if (!credential.containsKey("validFrom")) {
            builder.add("validFrom", time(now));
        }
        var subject = JSON.createObjectBuilder(credential.getJsonObject("credentialSubject"))
                .add("achievement", achievement(achievement));
        builder.add("credentialSubject", subject);
        builder.add("credentialStatus", statusEntries(revocation, suspension, suspensionEntry));
        return builder.build();
    }

    /**
     * The fields of a caller's achievement that differ from the published achievement Credo holds: a credential
     * embeds the achievement as published, so a different name or criteria would misstate what was earned.
     */
    public List<String> achievementDifferences(JsonObject sent, Achievement achievement) {
        var held = achievement(achievement).build();
        var differences = new java.util.ArrayList<String>();
        for (var field : sent.keySet()) {
            if (!field.equals("id")
                    && !field.equals("@context")
                    && !sent.get(field).equals(held.get(field))) {
                differences.add(field);
            }
        }
        return differences;
    }

    /** The public Open Badges description of an achievement, as credentials embed it. */
    public JsonObject achievementJson(Achievement achievement) {
        return JSON.createObjectBuilder(achievement(achievement).build())
                .add("@context", strings(CONTEXTS))
                .build();
    }

    /** A BitstringStatusListEntry for a slot in one of this server's lists. */
    JsonObject statusEntry(StatusSlot slot) {
        return status(slot).build();
    }

    private JsonObjectBuilder status(StatusSlot slot) {
        var list = statusListUrl(slot.listId());
        var entry = JSON.createObjectBuilder()
                .add("id", list + "#" + slot.index())
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", slot.purpose().id())
                .add("statusListIndex", Integer.toString(slot.index()))
                .add("statusListCredential", list);
        if (slot.purpose().size() > 1) {
            var messages = JSON.createArrayBuilder();
            for (int value = 0; value < StatusPurpose.MESSAGES.size(); value++) {
                messages.add(JSON.createObjectBuilder()
                        .add("status", "0x" + Integer.toHexString(value))
                        .add("message", StatusPurpose.MESSAGES.get(value)));
            }
            entry.add("statusSize", slot.purpose().size())
                    .add("statusMessage", messages)
                    .add("statusReference", properties.link("/verify"));
        }
        return entry;
    }

    private JsonObjectBuilder profile(Issuer issuer) {
        var org = issuer.organization();
        var profile = JSON.createObjectBuilder()
                .add("id", issuer.id())
                .add("type", strings(List.of("Profile")))
                .add("name", org.name());
        if (org.website() != null) {
            profile.add("url", org.website());
        }
        if (org.contactEmail() != null) {
            profile.add("email", org.contactEmail());
        }
        if (issuer.description() != null) {
            profile.add("description", issuer.description());
        }
        var image = issuer.imageUrl() != null ? issuer.imageUrl() : org.logoUrl();
        if (image != null) {
            profile.add("image", JSON.createObjectBuilder().add("id", image).add("type", "Image"));
        }
        return profile;
    }

    private JsonObjectBuilder subject(Achievement achievement, IssueRequest request) {
        var recipient = request.recipient();
        var subject = JSON.createObjectBuilder();
        if (recipient.did() != null && !recipient.did().isBlank()) {
            subject.add("id", recipient.did().trim());
        }
        subject.add("type", strings(List.of("AchievementSubject")));
        var identifiers = JSON.createArrayBuilder()
                .add(hashedEmail(recipient.email()))
                .add(identity("name", recipient.name().trim()));
        if (recipient.identifier() != null && !recipient.identifier().isBlank()) {
            identifiers.add(identity("sisSourcedId", recipient.identifier().trim()));
        }
        subject.add("identifier", identifiers);
        subject.add("achievement", achievement(achievement));
        if (request.results() != null && !request.results().isEmpty()) {
            subject.add("result", results(achievement, request.results()));
        }
        return subject;
    }

    private JsonObjectBuilder achievement(Achievement achievement) {
        var c = achievement.content();
        var a = JSON.createObjectBuilder()
                .add("id", achievementUrl(achievement.id()))
                .add("type", strings(List.of("Achievement")))
                .add("achievementType", c.achievementType().name())
                .add("name", c.name())
                .add("description", c.description())
                .add("criteria", JSON.createObjectBuilder().add("narrative", c.criteriaNarrative()));
        var picture = pictures.imageId(achievement.organizationId(), achievement.lineageId());
        if (picture.isPresent()) {
            // A picture Credo holds comes first: its URL never changes what it shows (ADR 26).
            a.add(
                    "image",
                    JSON.createObjectBuilder()
                            .add("id", pictures.url(picture.get()))
                            .add("type", "Image")
                            .add("caption", "Badge of " + c.name()));
        } else if (c.imageUrl() != null) {
            a.add("image", JSON.createObjectBuilder().add("id", c.imageUrl()).add("type", "Image"));
        }
        if (c.creditsAvailable() != null) {
            a.add("creditsAvailable", c.creditsAvailable().doubleValue());
        }
        if (c.fieldOfStudy() != null) {
            a.add("fieldOfStudy", c.fieldOfStudy());
        }
        if (c.tags() != null && !c.tags().isEmpty()) {
            a.add("tag", strings(c.tags()));
        }
        if (c.alignments() != null && !c.alignments().isEmpty()) {
            var alignments = JSON.createArrayBuilder();
            for (var al : c.alignments()) {
                var item = JSON.createObjectBuilder()
                        .add("type", strings(List.of("Alignment")))
                        .add("targetName", al.targetName())
                        .add("targetUrl", al.targetUrl());
                optional(item, "targetDescription", al.targetDescription());
                optional(item, "targetCode", al.targetCode());
                optional(item, "targetFramework", al.targetFramework());
                alignments.add(item);
            }
            a.add("alignment", alignments);
        }
        if (c.resultDescriptions() != null && !c.resultDescriptions().isEmpty()) {
            var descriptions = JSON.createArrayBuilder();
            for (int i = 0; i < c.resultDescriptions().size(); i++) {
                var rd = c.resultDescriptions().get(i);
                var item = JSON.createObjectBuilder()
                        .add("id", achievementUrl(achievement.id()) + "#result-" + (i + 1))
                        .add("type", strings(List.of("ResultDescription")))
                        .add("name", rd.name())
                        .add("resultType", rd.resultType());
                if (rd.allowedValues() != null && !rd.allowedValues().isEmpty()) {
                    item.add("allowedValue", strings(rd.allowedValues()));
                }
                descriptions.add(item);
            }
            a.add("resultDescription", descriptions);
        }
        return a;
    }

    private JsonArrayBuilder results(Achievement achievement, List<IssueRequest.ResultValue> values) {
        var descriptions = achievement.content().resultDescriptions() == null
                ? List.<org.credo.credentials.achievement.AchievementDraft.ResultDescription>of()
                : achievement.content().resultDescriptions();
        var results = JSON.createArrayBuilder();
        for (var value : values) {
            int index = -1;
            for (int i = 0; i < descriptions.size(); i++) {
                if (descriptions
                        .get(i)
                        .name()
                        .equalsIgnoreCase(value.resultDescription().trim())) {
                    index = i;
                }
            }
            if (index < 0) {
                throw ProblemException.invalidField(
                        "results",
                        "'" + value.resultDescription() + "' is not a result of "
                                + achievement.content().name() + "; it has "
                                + descriptions.stream().map(d -> d.name()).toList() + ".");
            }
            var rd = descriptions.get(index);
            if (rd.allowedValues() != null
                    && !rd.allowedValues().isEmpty()
                    && !rd.allowedValues().contains(value.value().trim())) {
                throw ProblemException.invalidField(
                        "results",
                        "'" + value.value() + "' is not allowed for " + rd.name() + "; use one of " + rd.allowedValues()
                                + ".");
            }
            results.add(JSON.createObjectBuilder()
                    .add("type", strings(List.of("Result")))
                    .add("resultDescription", achievementUrl(achievement.id()) + "#result-" + (index + 1))
                    .add("value", value.value().trim()));
        }
        return results;
    }

    /** The recipient's email as a salted SHA-256, so the credential does not reveal it to everyone. */
    private static JsonObjectBuilder hashedEmail(String email) {
        var salt = new byte[8];
        RANDOM.nextBytes(salt);
        var saltHex = HexFormat.of().formatHex(salt);
        var normalized = email.trim().toLowerCase(Locale.ROOT);
        try {
            var hash = MessageDigest.getInstance("SHA-256")
                    .digest((normalized + saltHex).getBytes(StandardCharsets.UTF_8));
            return JSON.createObjectBuilder()
                    .add("type", "IdentityObject")
                    .add("hashed", true)
                    .add("identityHash", "sha256$" + HexFormat.of().formatHex(hash))
                    .add("identityType", "emailAddress")
                    .add("salt", saltHex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObjectBuilder identity(String type, String value) {
        return JSON.createObjectBuilder()
                .add("type", "IdentityObject")
                .add("hashed", false)
                .add("identityHash", value)
                .add("identityType", type);
    }

    private static void optional(JsonObjectBuilder builder, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            builder.add(name, value.trim());
        }
    }

    static JsonArrayBuilder strings(List<String> values) {
        var array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
