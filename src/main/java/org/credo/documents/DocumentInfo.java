package org.credo.documents;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored document, without its bytes.
 *
 * @param contentType the type sniffed from the content when it was stored
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 */
public record DocumentInfo(
        UUID id,
        UUID organizationId,
        @Nullable UUID ownerPersonId,
        String purpose,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        Instant createdAt) {

    /** The size as people read it: "240 KB". */
    public String sizeLabel() {
        if (sizeBytes < 1024) {
            return sizeBytes + " bytes";
        }
        if (sizeBytes < 1024 * 1024) {
            return (sizeBytes / 1024) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
