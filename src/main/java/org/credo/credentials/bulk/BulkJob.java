package org.credo.credentials.bulk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A bulk issuance job: one uploaded file, its progress and its errors. */
public record BulkJob(
        UUID id,
        UUID organizationId,
        String createdBy,
        @Nullable UUID createdById,
        @Nullable String fileName,
        String fileSha256,
        @Nullable String idempotencyKey,
        String cryptosuite,
        int totalRows,
        int issuedCount,
        Status status,
        int errorCount,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    /**
     * Where a job is: VALIDATING while its file is checked, REJECTED when any row has an error
     * (nothing issued), QUEUED until a worker claims its first chunk, RUNNING, then DONE or FAILED.
     */
    public enum Status {
        VALIDATING,
        REJECTED,
        QUEUED,
        RUNNING,
        DONE,
        FAILED;

        public boolean finished() {
            return this == REJECTED || this == DONE || this == FAILED;
        }
    }

    /** Whole percent of rows issued. */
    public int percent() {
        return totalRows == 0 ? 0 : (int) Math.floor(100.0 * issuedCount / totalRows);
    }

    public String displayName() {
        return fileName == null || fileName.isBlank()
                ? "upload " + id.toString().substring(0, 8)
                : fileName;
    }
}
