package org.credo.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The size limit of each kind of file uploaded to Credo; every upload is read into memory through one of them, so
 * that none is held beyond what its kind needs (ADR 21). Images inside are then read by their own bounded reader.
 */
public enum UploadLimit {

    /** A credential's JSON file or its baked badge (PNG or SVG), on the public verification page. */
    CREDENTIAL(DataSize.ofMegabytes(1), "a credential is a few kilobytes; choose the credential's .json file"),

    /** A picture an organization shows: an achievement's badge image, a logo, a signature (PNG or SVG). */
    IMAGE(DataSize.ofMegabytes(1), "a badge or logo is a few hundred kilobytes; export it smaller"),

    /** A CSV file: a catalog import or a bulk issuance of up to 100,000 rows. */
    CSV(DataSize.ofMegabytes(20), "split the rows into several files");

    private final DataSize limit;
    private final String advice;

    UploadLimit(DataSize limit, String advice) {
        this.limit = limit;
        this.advice = advice;
    }

    /** The most bytes a file of this kind may have. */
    public long bytes() {
        return limit.toBytes();
    }

    /**
     * The file's bytes, read only when it is within the limit.
     *
     * @throws ProblemException 413 naming the size and the limit
     */
    public byte[] read(MultipartFile file) {
        if (file.getSize() > bytes()) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "File too large",
                    "The file is too large: " + file.getSize() + " bytes > " + bytes() + ", the most Credo takes; "
                            + advice + ".",
                    Map.of("limit", "bytes", "maximum", bytes(), "actual", file.getSize()));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }
}
