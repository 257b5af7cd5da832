package org.credo.credentials.badges;

import java.util.Map;
import org.credo.platform.ProblemException;
import org.credo.platform.json.JsonLimits;
import org.springframework.http.HttpStatus;

/**
 * The most Credo reads of a baked badge someone uploads (ADR 21). A compressed PNG text chunk of 875 KB can inflate to
 * 900 MB, so the credential is inflated only up to the size of the largest credential Credo reads at all.
 */
final class ImageLimits {

    /** The largest image file: the upload limit of the verification page. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    /** The largest credential text in an image, compressed or not: the largest JSON Credo reads. */
    static final long MAX_CREDENTIAL_BYTES = JsonLimits.MAX_BYTES;

    /** The widest and tallest image, in pixels; a badge is drawn at a few hundred. */
    static final long MAX_SIDE = 4096;

    /** The most chunks in a PNG; an encoder writes a dozen or so, and a few hundred for a large image. */
    static final int MAX_CHUNKS = 1024;

    private ImageLimits() {}

    static ProblemException tooLarge(String detail, String limit, long maximum, long actual) {
        return new ProblemException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Image too large",
                detail,
                Map.of("limit", limit, "maximum", maximum, "actual", actual));
    }
}
