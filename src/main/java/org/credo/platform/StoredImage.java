package org.credo.platform;

import java.util.UUID;

/**
 * A picture Credo holds: the file as uploaded (PNG, or SVG that passed the checks of ADR 26) and a PNG copy at most
 * 512 pixels a side for places that cannot draw SVG. It never changes, so its {@link #etag()} is its content hash.
 */
public record StoredImage(
        UUID id,
        UUID organizationId,
        ImagePurpose purpose,
        String contentType,
        String sha256,
        byte[] bytes,
        byte[] png,
        int width,
        int height) {

    /** The strong entity tag of the picture, quoted as HTTP writes it. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }

    /** The picture as a {@code data:} URI of its PNG copy, for PDFs and baked SVG badges. */
    public String pngDataUri() {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    }

    /** The path at which anyone may fetch a picture that is public. */
    public static String path(UUID id) {
        return "/images/" + id;
    }
}
