package org.credo.credentials.bulk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.BulkIssuanceConfirmed;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts CSV uploads as bulk issuance jobs. A file is validated in full before it becomes a job;
 * the same file, or a retry with the same idempotency key, returns the job made the first time. A
 * valid file waits as a preview until the registrar confirms it; confirming is a single guarded
 * update, so a repeated confirmation issues nothing twice.
 */
@Service
class BulkIssuance {

    /** The job and whether this call made it (false: an earlier upload did). */
    record Submission(BulkJob job, boolean created) {}

    private final BulkJobs jobs;
    private final Achievements achievements;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final BulkProperties properties;
    private final ApplicationEventPublisher events;

    BulkIssuance(
            BulkJobs jobs,
            Achievements achievements,
            JsonMapper json,
            TransactionTemplate transactions,
            BulkProperties properties,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jobs = jobs;
        this.achievements = achievements;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** How many rows the preview shows as they will be issued. */
    static final int PREVIEW_ROWS = 20;

    /** Counts for the preview: rows in the file, rows that would issue, rows with an error. */
    record Counts(int rows, int valid, int invalid) {}

    /** The first valid row of the file as it will be issued. */
    record PreviewRow(
            int row,
            String recipientName,
            String recipientEmail,
            String achievementName,
            @Nullable Instant validFrom,
            @Nullable Instant validUntil) {}

    /**
     * Checks a file and keeps it as a preview, or, with {@code confirmNow}, queues it at once (the
     * one-step behaviour the API had before previews).
     */
    Submission submit(
            CredoUser user,
            @Nullable String fileName,
            byte[] bytes,
            Cryptosuite suite,
            @Nullable String idempotencyKey,
            boolean confirmNow) {
        var org = user.organizationId();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.badRequest(
                    "Invalid Idempotency-Key", "Send an Idempotency-Key of 1 to 200 characters, such as a UUID.");
        }
        if (bytes.length == 0) {
            throw ProblemException.invalidField("file", "the file is empty; choose a CSV file with a header row.");
        }
        var sha256 = sha256(bytes);
        var earlier = earlier(org, sha256, idempotencyKey);
        if (earlier.isPresent() && earlier.get().expired(Timestamps.now())) {
            // Nothing was issued from a lapsed preview: check the file afresh as a new upload.
            transactions.executeWithoutResult(
                    tx -> jobs.deletePreview(org, earlier.get().id()));
        } else if (earlier.isPresent()) {
            if (confirmNow && earlier.get().status() == BulkJob.Status.PREVIEW) {
                return new Submission(confirm(user, earlier.get().id()), false);
            }
            return new Submission(earlier.get(), false);
        }
        var validation = BulkFile.validate(bytes, suite, Timestamps.now(), lookup(org));
        var now = Timestamps.now();
        var job = new BulkJob(
                UUID.randomUUID(),
                org,
                user.email(),
                user.personId(),
                fileName == null || fileName.isBlank() ? null : trim(fileName, 300),
                sha256,
                idempotencyKey,
                suite.id(),
                validation.rowCount(),
                0,
                !validation.valid()
                        ? BulkJob.Status.REJECTED
                        : confirmNow ? BulkJob.Status.QUEUED : BulkJob.Status.PREVIEW,
                validation.errors().size(),
                now,
                now,
                null,
                null,
                validation.valid() && !confirmNow ? now.plus(properties.previewValidity()) : null,
                validation.valid() && confirmNow ? now : null,
                validation.valid() && confirmNow ? user.displayName() : null);
        try {
            transactions.executeWithoutResult(tx -> {
                jobs.insert(job, validation.errors().isEmpty() ? null : json.writeValueAsString(validation.errors()));
                if (validation.valid()) {
                    jobs.insertRows(job.id(), validation.rows(), properties.chunkSize());
                    if (confirmNow) {
                        events.publishEvent(new BulkIssuanceConfirmed(
                                ChangeStamp.now(org), job.id(), job.displayName(), job.totalRows()));
                    }
                }
            });
        } catch (DuplicateKeyException e) {
            // Another upload of the same file or key won the race; it is the job.
            return new Submission(earlier(org, sha256, idempotencyKey).orElseThrow(() -> e), false);
        }
        return new Submission(jobs.find(org, job.id()).orElseThrow(), true);
    }

    /**
     * Confirms a preview so that its rows are issued; says plainly when it was confirmed before,
     * has expired, or has errors, and then changes nothing.
     */
    BulkJob confirm(CredoUser user, UUID jobId) {
        var org = user.organizationId();
        var before = require(org, jobId);
        var confirmed = transactions.execute(tx -> {
            if (!jobs.confirm(org, jobId, user.displayName())) {
                return false;
            }
            events.publishEvent(
                    new BulkIssuanceConfirmed(ChangeStamp.now(org), jobId, before.displayName(), before.totalRows()));
            return true;
        });
        var job = require(org, jobId);
        if (Boolean.TRUE.equals(confirmed)) {
            return job;
        }
        if (job.status().confirmed()) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Already confirmed",
                    "This upload was confirmed already"
                            + (job.confirmedBy() == null ? "" : " by " + job.confirmedBy())
                            + "; its credentials are issued once, not again.",
                    Map.of("jobId", job.id(), "status", job.status().name()));
        }
        if (job.expired(Timestamps.now())) {
            throw new ProblemException(
                    HttpStatus.GONE,
                    "Preview expired",
                    "This preview expired without being confirmed, and nothing was issued; upload the file again.",
                    Map.of("jobId", job.id()));
        }
        throw ProblemException.conflict(
                "Cannot confirm",
                "This upload has " + job.errorCount() + " errors and issues nothing; fix them and upload it again.");
    }

    /** Rows, valid rows and rows with an error, as the preview shows them. */
    Counts counts(BulkJob job, List<RowError> errors) {
        var invalid = (int) errors.stream()
                .mapToInt(RowError::row)
                .filter(row -> row >= 2)
                .distinct()
                .count();
        var rows = job.totalRows();
        return new Counts(rows, Math.max(0, rows - invalid), Math.min(rows, invalid));
    }

    /** The first rows of a preview as they will be issued. */
    List<PreviewRow> previewRows(UUID organizationId, BulkJob job) {
        if (!job.organizationId().equals(organizationId)) {
            return List.of();
        }
        var names = new HashMap<UUID, String>();
        for (var a : achievements.all(organizationId)) {
            names.put(a.id(), a.content().name());
        }
        return jobs.firstRows(job.id(), PREVIEW_ROWS).stream()
                .map(row -> new PreviewRow(
                        row.row(),
                        row.request().recipient().name(),
                        row.request().recipient().email(),
                        names.getOrDefault(row.request().achievementId(), "?"),
                        row.request().validFrom(),
                        row.request().validUntil()))
                .toList();
    }

    Optional<BulkJob> find(UUID organizationId, UUID jobId) {
        return jobs.find(organizationId, jobId);
    }

    BulkJob require(UUID organizationId, UUID jobId) {
        return find(organizationId, jobId).orElseThrow(() -> ProblemException.notFound("That bulk issuance job"));
    }

    List<BulkJob> recent(UUID organizationId) {
        return jobs.recent(organizationId, 50);
    }

    List<RowError> errors(UUID organizationId, UUID jobId) {
        var text = jobs.errors(organizationId, jobId);
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<RowError>>() {});
    }

    List<BulkJobs.IssuedRow> issued(UUID organizationId, UUID jobId, int limit, int offset) {
        return jobs.issued(organizationId, jobId, limit, offset);
    }

    private Optional<BulkJob> earlier(UUID org, String sha256, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            var byKey = jobs.findByIdempotencyKey(org, idempotencyKey);
            if (byKey.isPresent()) {
                if (!byKey.get().fileSha256().equals(sha256)) {
                    throw ProblemException.conflict(
                            "Idempotency-Key reused",
                            "This Idempotency-Key was sent before with a different file (job "
                                    + byKey.get().id() + "); use a new key for a new file.");
                }
                return byKey;
            }
        }
        return jobs.findByFile(org, sha256);
    }

    /** Finds achievements by id or exact name: the published version first, else the newest, to explain why not. */
    private java.util.function.Function<String, Optional<Achievement>> lookup(UUID org) {
        var all = achievements.all(org);
        Map<UUID, Achievement> byId = new HashMap<>();
        Map<String, Achievement> byName = new HashMap<>();
        for (var a : all) {
            byId.put(a.id(), a);
            byName.merge(a.content().name(), a, (x, y) -> better(x, y));
        }
        return cell -> {
            try {
                return Optional.ofNullable(byId.get(UUID.fromString(cell)));
            } catch (IllegalArgumentException notAnId) {
                return Optional.ofNullable(byName.get(cell));
            }
        };
    }

    private static Achievement better(Achievement x, Achievement y) {
        if (x.issuable() != y.issuable()) {
            return x.issuable() ? x : y;
        }
        return x.version() >= y.version() ? x : y;
    }

    private static String trim(String value, int max) {
        var name = value.replaceAll("[\\r\\n\\t]", " ").trim();
        return name.length() <= max ? name : name.substring(0, max);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
