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
        @Nullable Instant finishedAt,
        @Nullable Instant previewExpiresAt,
        @Nullable Instant confirmedAt,
        @Nullable String confirmedBy) {

    /**
     * Where a job is: VALIDATING while its file is checked, REJECTED when any row has an error
     * (nothing issued), PREVIEW until the registrar confirms it (EXPIRED if nobody does in time),
     * QUEUED until a worker claims its first chunk, RUNNING, then DONE or FAILED.
     */
    public enum Status {
        VALIDATING,
        PREVIEW,
        EXPIRED,
        REJECTED,
        QUEUED,
        RUNNING,
        DONE,
        FAILED;

        public boolean finished() {
            return this == REJECTED || this == DONE || this == FAILED || this == EXPIRED;
        }

        /** Confirmed and issuing, or issued: what a second confirmation finds. */
        public boolean confirmed() {
            return this == QUEUED || this == RUNNING || this == DONE || this == FAILED;
        }
    }

    /** Whether this preview can no longer be confirmed because its time ran out. */
    public boolean expired(Instant now) {
        return status == Status.EXPIRED
                || (status == Status.PREVIEW && previewExpiresAt != null && !previewExpiresAt.isAfter(now));
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
