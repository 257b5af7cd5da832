package org.credo.credentials.insight;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Tells a new reader of a credential from one who reloads the page: a reader counts once per credential, kind and
 * {@link #WINDOW}. A reader is an HMAC of their address and browser, the window and the credential, under a key
 * shared by every node through the database; neither the address nor the browser is stored, and the same person
 * gets a different value in the next window or on another credential.
 */
@Repository
class Readers {

    /** How long a reader counts once. */
    static final Duration WINDOW = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private volatile byte @Nullable [] key;

    Readers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this reader is new for this credential and kind in the current window (and remembers them). */
    boolean firstInWindow(UUID credentialId, String kind, String address, @Nullable String browser) {
        var now = Timestamps.now();
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        var reader =
                hmac(credentialId + "|" + kind + "|" + window + "|" + address + "|" + (browser == null ? "" : browser));
        return jdbc.sql("""
                        INSERT INTO credential_reader (credential_id, kind, reader, time_window, seen_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(credentialId, kind, reader, window, Timestamps.sql(now))
                        .update()
                == 1;
    }

    /** Forgets readers of past windows: they no longer matter. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOldReaders() {
        jdbc.sql("DELETE FROM credential_reader WHERE seen_at < ?")
                .param(Timestamps.sql(Timestamps.now().minus(Duration.ofDays(1))))
                .update();
    }

    private String hmac(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private byte[] key() {
        var known = key;
        if (known != null) {
            return known;
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        // The first node to get here stores its key; every node then reads the one stored.
        jdbc.sql("INSERT INTO credential_reader_key (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING")
                .params(HexFormat.of().formatHex(bytes), Timestamps.sql(Timestamps.now()))
                .update();
        var stored = HexFormat.of()
                .parseHex(jdbc.sql("SELECT secret FROM credential_reader_key WHERE id = 1")
                        .query(String.class)
                        .single());
        key = stored;
        return stored;
    }
}
