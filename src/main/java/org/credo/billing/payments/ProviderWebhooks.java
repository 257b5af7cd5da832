package org.credo.billing.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.credo.billing.ledger.BillingSettings;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment provider's webhook, in Stripe's shape: the header {@code Stripe-Signature: t=<unix seconds>,v1=<hex>}
 * carries an HMAC-SHA256, under the organization's secret, of the timestamp, a dot and the raw body. A signature that
 * does not match, or a timestamp more than five minutes away, is refused; an event id already seen records nothing.
 * A {@code payment_intent.succeeded} event pays the learner named in its metadata ({@code learner_id}); its amount is
 * in minor units. The secret is never logged.
 */
@Service
public class ProviderWebhooks {

    /** How far a signed timestamp may be from now. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** What the webhook did with an event. */
    public record Outcome(String eventId, String result) {}

    private final BillingSettings settings;
    private final Payments payments;
    private final JsonMapper json;

    ProviderWebhooks(BillingSettings settings, Payments payments, JsonMapper json) {
        this.settings = settings;
        this.payments = payments;
        this.json = json;
    }

    /** Verifies and applies one delivery. */
    @Transactional
    public Outcome receive(UUID organizationId, @Nullable String signatureHeader, String body, Instant now) {
        var s = settings.of(organizationId);
        if (!s.hasWebhookSecret()) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "Webhook not set up",
                    "This organization has no payment webhook secret.",
                    java.util.Map.of());
        }
        verify(s.webhookSecret(), signatureHeader, body, now);
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Unreadable event", "The body is not a JSON event.");
        }
        var id = text(event, "id");
        var type = text(event, "type");
        if (id == null || type == null) {
            throw ProblemException.badRequest("Unreadable event", "The event has no id or type.");
        }
        if (!type.equals("payment_intent.succeeded")) {
            return new Outcome(id, "ignored");
        }
        var object = event.path("data").path("object");
        var learner = text(object.path("metadata"), "learner_id");
        var currency = text(object, "currency");
        if (learner == null || !object.path("amount").isIntegralNumber()) {
            throw ProblemException.badRequest(
                    "Unusable payment", "The payment needs metadata.learner_id and an integral amount in minor units.");
        }
        if (currency == null || !currency.toUpperCase(Locale.ROOT).equals(s.currency())) {
            throw ProblemException.badRequest(
                    "Currency mismatch",
                    "The payment is in " + currency + "; the organization bills in " + s.currency() + ".");
        }
        UUID learnerId;
        try {
            learnerId = UUID.fromString(learner);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown learner", "metadata.learner_id is not a learner id.");
        }
        var amount = new BigDecimal(object.path("amount").bigIntegerValue()).movePointLeft(2);
        var stamp = ChangeStamp.by(organizationId, null, "Payment provider");
        var posted = payments.receive(stamp, learnerId, PaymentMethod.ONLINE, amount, text(object, "id"), id);
        return new Outcome(id, posted.isPresent() ? "applied" : "duplicate");
    }

    /** Refuses a delivery whose signature or timestamp is wrong. */
    static void verify(String secret, @Nullable String header, String body, Instant now) {
        if (header == null || header.isBlank()) {
            throw unauthorized("The Stripe-Signature header is missing.");
        }
        Long timestamp = null;
        var signatures = new ArrayList<String>();
        for (var part : header.split(",")) {
            var kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    throw unauthorized("The signature's timestamp is not a number.");
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw unauthorized("The Stripe-Signature header needs t= and v1=.");
        }
        var expected = sign(secret, timestamp, body);
        if (signatures.stream()
                .noneMatch(v -> MessageDigest.isEqual(
                        v.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII)))) {
            throw unauthorized("The signature does not match the body.");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            throw unauthorized("The signature's timestamp is more than five minutes from now; a replay is refused.");
        }
    }

    /** The v1 signature of a body at a timestamp, as the provider computes it. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Signature refused", detail, java.util.Map.of());
    }

    private static @Nullable String text(JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
