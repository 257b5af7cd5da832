package org.credo.audittrail.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 that links an entry to the one before it. Every field is written with its length in
 * front, so that no two different entries share a hashed form.
 */
final class EntryHash {

    /** The previous hash of the first entry of a chain. */
    static final String GENESIS = "0".repeat(64);

    private EntryHash() {}

    static String of(UUID organizationId, AuditEntry entry) {
        var text = new StringBuilder();
        field(text, organizationId.toString());
        field(text, Long.toString(entry.sequenceNumber()));
        field(text, entry.eventId().toString());
        field(text, timestamp(entry.occurredAt()));
        field(text, entry.actorId() == null ? null : entry.actorId().toString());
        field(text, entry.actorName());
        field(text, entry.action());
        field(text, entry.subjectType());
        field(text, entry.subjectId());
        field(text, entry.summary());
        field(text, entry.requestId());
        field(text, entry.previousHash());
        // Entries recorded before subjects had names hash as they always did.
        if (entry.subjectName() != null) {
            field(text, entry.subjectName());
        }
        try {
            var digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Microseconds in UTC: what both H2 and PostgreSQL keep. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static void field(StringBuilder text, @Nullable String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('|');
    }
}
