package org.credo.admissions.crm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.credo.admissions.AddressUnsubscribed;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unsubscribed addresses and the signed links that unsubscribe them. A link names the organization and the address
 * and carries an HMAC under a key kept in the database, so it needs no sign-in and cannot be forged for another
 * address.
 */
@Service
public class Unsubscribes {

    /** What a valid link names. */
    public record Subscriber(UUID organizationId, String email) {}

    private final JdbcClient jdbc;
    private final CredoProperties properties;
    private final ApplicationEventPublisher events;
    private volatile byte @Nullable [] key;

    Unsubscribes(JdbcClient jdbc, CredoProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    /** The absolute one-click unsubscribe link for an address of an organization. */
    public String link(UUID organizationId, String email) {
        return properties.link("/unsubscribe/" + token(organizationId, email));
    }

    /** The token of a link: the payload, a dot, and its signature. */
    public String token(UUID organizationId, String email) {
        var payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((organizationId + "|" + normal(email)).getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(payload);
    }

    /** Whom a token names, when its signature is right. */
    public Optional<Subscriber> read(String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || token.length() > 1200) {
            return Optional.empty();
        }
        var payload = token.substring(0, dot);
        var signature = token.substring(dot + 1);
        if (!MessageDigest.isEqual(
                sign(payload).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return Optional.of(new Subscriber(UUID.fromString(text.substring(0, bar)), text.substring(bar + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Records that the address wants no more marketing email; asking twice changes nothing. */
    @Transactional
    public void unsubscribe(Subscriber subscriber) {
        if (unsubscribed(subscriber.organizationId(), subscriber.email())) {
            return;
        }
        jdbc.sql("INSERT INTO admission_unsubscribe (organization_id, email, unsubscribed_at) VALUES (?, ?, ?)")
                .params(subscriber.organizationId(), normal(subscriber.email()), Timestamps.sql(Timestamps.now()))
                .update();
        events.publishEvent(new AddressUnsubscribed(
                ChangeStamp.by(subscriber.organizationId(), null, "email recipient"), normal(subscriber.email())));
    }

    /** Whether the address asked for no more marketing email from the organization. */
    public boolean unsubscribed(UUID organizationId, String email) {
        return jdbc.sql("SELECT count(*) FROM admission_unsubscribe WHERE organization_id = ? AND email = ?")
                        .params(organizationId, normal(email))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** How many addresses of the organization unsubscribed. */
    public long count(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM admission_unsubscribe WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    static String normal(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private String sign(String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private byte[] key() {
        var known = key;
        if (known != null) {
            return known;
        }
        var stored = jdbc.sql("SELECT secret FROM admission_unsubscribe_key WHERE id = 1")
                .query(String.class)
                .optional();
        if (stored.isEmpty()) {
            var fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // The first node to get here stores its key; every node then reads the one stored.
            jdbc.sql("INSERT INTO admission_unsubscribe_key (id, secret, created_at) VALUES (1, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(HexFormat.of().formatHex(fresh), Timestamps.sql(Timestamps.now()))
                    .update();
            stored = jdbc.sql("SELECT secret FROM admission_unsubscribe_key WHERE id = 1")
                    .query(String.class)
                    .optional();
        }
        var bytes = HexFormat.of().parseHex(stored.orElseThrow());
        key = bytes;
        return bytes;
    }
}
