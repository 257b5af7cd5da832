package org.credo.credentials.bulk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts CSV uploads as bulk issuance jobs. A file is validated in full before it becomes a job;
 * the same file, or a retry with the same idempotency key, returns the job made the first time.
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

    BulkIssuance(
            BulkJobs jobs,
            Achievements achievements,
            JsonMapper json,
            TransactionTemplate transactions,
            BulkProperties properties) {
        this.jobs = jobs;
        this.achievements = achievements;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
    }

    Submission submit(
            CredoUser user,
            @Nullable String fileName,
            byte[] bytes,
            Cryptosuite suite,
            @Nullable String idempotencyKey) {
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
        if (earlier.isPresent()) {
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
                validation.valid() ? BulkJob.Status.QUEUED : BulkJob.Status.REJECTED,
                validation.errors().size(),
                now,
                now,
                null,
                null);
        try {
            transactions.executeWithoutResult(tx -> {
                jobs.insert(job, validation.errors().isEmpty() ? null : json.writeValueAsString(validation.errors()));
                if (validation.valid()) {
                    jobs.insertRows(job.id(), validation.rows(), properties.chunkSize());
                }
            });
        } catch (DuplicateKeyException e) {
            // Another upload of the same file or key won the race; it is the job.
            return new Submission(earlier(org, sha256, idempotencyKey).orElseThrow(() -> e), false);
        }
        return new Submission(jobs.find(org, job.id()).orElseThrow(), true);
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
