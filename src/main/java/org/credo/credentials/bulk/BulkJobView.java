package org.credo.credentials.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bulk issuance job as the API shows it: the preview counts and first rows, progress, the first
 * errors and where to find the rest.
 */
record BulkJobView(
        UUID id,
        String status,
        @Nullable String fileName,
        String fileSha256,
        String cryptosuite,
        int totalRows,
        int validRows,
        int invalidRows,
        int issuedCount,
        int percent,
        int errorCount,
        List<RowError> errors,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant previewExpiresAt,
        @Nullable Instant confirmedAt,
        @Nullable String confirmedBy,
        List<BulkIssuance.PreviewRow> preview,
        Map<String, String> links) {

    /** The most errors the JSON carries; errors.csv has all of them. */
    static final int MAX_ERRORS = 100;

    static BulkJobView of(
            BulkJob job, List<RowError> errors, BulkIssuance.Counts counts, List<BulkIssuance.PreviewRow> preview) {
        var base = "/api/v1/bulk-issuance/" + job.id();
        return new BulkJobView(
                job.id(),
                job.status().name(),
                job.fileName(),
                job.fileSha256(),
                job.cryptosuite(),
                job.totalRows(),
                counts.valid(),
                counts.invalid(),
                job.issuedCount(),
                job.percent(),
                job.errorCount(),
                errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors,
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.previewExpiresAt(),
                job.confirmedAt(),
                job.confirmedBy(),
                job.status() == BulkJob.Status.PREVIEW ? preview : List.of(),
                Map.of(
                        "self", base,
                        "confirm", base + "/confirm",
                        "errors", base + "/errors.csv",
                        "credentials", base + "/credentials",
                        "page", "/manage/bulk/" + job.id()));
    }
}
