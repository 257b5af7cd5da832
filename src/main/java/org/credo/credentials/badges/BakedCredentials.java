package org.credo.credentials.badges;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the credential out of a baked badge image: the first {@code openbadgecredential} iTXt chunk of a PNG, or the
 * first {@code openbadges:credential} element of an SVG, within the limits of ADR 21 (file size, inflated size, image
 * dimensions, chunk count; no entities in SVG), as the image may come from anyone.
 */
public final class BakedCredentials {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private BakedCredentials() {}

    /** Whether the bytes look like a PNG or an SVG (XML) file, so that {@link #extract} applies. */
    public static boolean isImage(byte[] file) {
        return isPng(file) || looksLikeXml(file);
    }

    /**
     * The credential baked into a PNG or SVG file, exactly as it was baked, or empty when the image carries none.
     *
     * @throws IllegalArgumentException when the file is neither a readable PNG nor well-formed SVG
     * @throws org.credo.platform.ProblemException when the file is over a limit (413) or an SVG declares entities (400)
     */
    public static Optional<String> extract(byte[] file) {
        if (file.length > ImageLimits.MAX_FILE_BYTES) {
            throw ImageLimits.tooLarge(
                    "The image is too large: " + file.length + " bytes > " + ImageLimits.MAX_FILE_BYTES
                            + ", the most Credo reads.",
                    "bytes",
                    ImageLimits.MAX_FILE_BYTES,
                    file.length);
        }
        return isPng(file) ? BakedPng.credential(file) : BakedSvg.credential(file);
    }

    private static boolean isPng(byte[] file) {
        if (file.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (file[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeXml(byte[] file) {
        var head = new String(file, 0, Math.min(file.length, 512), StandardCharsets.UTF_8).strip();
        if (!head.isEmpty() && head.charAt(0) == '\uFEFF') {
            head = head.substring(1);
        }
        return head.startsWith("<?xml")
                || head.startsWith("<svg")
                || head.startsWith("<!--")
                || head.startsWith("<!DOCTYPE");
    }
}
