package org.credo.credentials.bulk;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.credo.credentials.BulkIssuanceCompleted;
import org.credo.credentials.BulkIssuanceStarted;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues queued jobs chunk by chunk. Each chunk is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * issued in one transaction with the idempotency keys {@code <jobId>:<row>}, so any number of nodes
 * can work side by side, and a node that dies mid-chunk leaves the chunk to the next poll with
 * nothing half issued.
 */
@Component
class BulkWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkWorker.class);

    /** How long one scheduled run keeps claiming chunks before it yields the scheduler thread. */
    private static final long RUN_MILLIS = 30_000;

    private final BulkJobs jobs;
    private final Issuance issuance;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final BulkProperties properties;
    private final AtomicBoolean paused = new AtomicBoolean();
    // Threads for the workers beyond the first, which runs on the scheduler's thread.
    private final ExecutorService helpers;

    BulkWorker(
            BulkJobs jobs,
            Issuance issuance,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JsonMapper json,
            BulkProperties properties) {
        this.jobs = jobs;
        this.issuance = issuance;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.helpers = Executors.newFixedThreadPool(Math.max(1, properties.workers() - 1), runnable -> {
            var thread = new Thread(runnable, "bulk-issuance");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Picks up queued and running jobs, also those a stopped node left behind. */
    @Scheduled(
            initialDelayString = "${credo.bulk.poll-interval-millis:1000}",
            fixedDelayString = "${credo.bulk.poll-interval-millis:1000}")
    void poll() {
        if (!properties.workerEnabled() || paused.get()) {
            return;
        }
        long until = System.currentTimeMillis() + RUN_MILLIS;
        var alongside = new ArrayList<Future<?>>();
        for (int i = 1; i < properties.workers(); i++) {
            alongside.add(helpers.submit(() -> drain(until)));
        }
        drain(until);
        for (var helper : alongside) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.warn("A bulk issuance worker stopped for this round; it retries at the next poll", e.getCause());
            }
        }
        try {
            finishStragglers();
        } catch (RuntimeException e) {
            log.warn("Bulk issuance jobs could not be completed this round; the next poll retries", e);
        }
    }

    /** Lapses previews nobody confirmed in time; their stored rows are dropped and nothing is issued. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void expirePreviews() {
        try {
            jobs.expirePreviews();
        } catch (RuntimeException e) {
            log.warn("Expired bulk previews could not be cleared this round; the next run retries", e);
        }
    }

    /** Issues chunks until there are none or the round is over; chunks are claimed with SKIP LOCKED. */
    private void drain(long until) {
        try {
            while (!paused.get() && System.currentTimeMillis() < until && processNextChunk()) {
                // keep going while there is work
            }
        } catch (RuntimeException e) {
            log.warn("Bulk issuance worker stopped for this round; it retries at the next poll", e);
        }
    }

    @PreDestroy
    void stopHelpers() {
        helpers.shutdownNow();
    }

    /** Issues one chunk; false when there was none to claim. */
    boolean processNextChunk() {
        BulkJobs.Chunk[] failed = new BulkJobs.Chunk[1];
        ProblemException[] problem = new ProblemException[1];
        Boolean worked;
        try {
            worked = transactions.execute(tx -> {
                var claimed = jobs.claimChunk();
                if (claimed.isEmpty()) {
                    return false;
                }
                var chunk = claimed.get();
                try {
                    issue(chunk);
                } catch (ProblemException e) {
                    tx.setRollbackOnly();
                    failed[0] = chunk;
                    problem[0] = e;
                }
                return true;
            });
        } catch (RuntimeException e) {
            log.warn("A bulk issuance chunk failed; it stays queued and is retried", e);
            return false;
        }
        if (failed[0] != null) {
            fail(failed[0], problem[0]);
        }
        return Boolean.TRUE.equals(worked);
    }

    private void issue(BulkJobs.Chunk chunk) {
        var job = jobs.findById(chunk.jobId()).orElseThrow();
        if (jobs.start(job.id())) {
            events.publishEvent(new BulkIssuanceStarted(
                    stamp(job), job.id(), job.displayName(), job.totalRows(), job.cryptosuite()));
        }
        var rows = jobs.rows(job.id(), chunk.firstRow(), chunk.lastRow());
        var keys = new ArrayList<String>(rows.size());
        for (var row : rows) {
            keys.add(key(job.id(), row.row()));
        }
        // A chunk whose credentials committed earlier (say, before a crash reset it) issues only what is missing.
        // A chunk is issued in one transaction, so its credentials exist all or none: one key tells which.
        var existing = keys.isEmpty() || !jobs.keyExists(job.organizationId(), keys.get(0))
                ? java.util.Set.<String>of()
                : new HashSet<>(jobs.existingKeys(job.organizationId(), keys));
        var requests = new ArrayList<IssueRequest>(rows.size());
        var newKeys = new ArrayList<String>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (!existing.contains(keys.get(i))) {
                requests.add(rows.get(i).request());
                newKeys.add(keys.get(i));
            }
        }
        if (!requests.isEmpty()) {
            issuance.issueAll(job.organizationId(), requests, job.createdBy(), newKeys, null);
        }
        jobs.chunkDone(chunk);
        jobs.recount(job.id());
        if (jobs.pendingChunks(job.id()) == 0) {
            complete(job.id());
        }
    }

    /** Completes jobs whose last chunks were finished by workers that each saw the other's as pending. */
    void finishStragglers() {
        for (var jobId : jobs.unfinishedWithoutWork()) {
            transactions.executeWithoutResult(tx -> complete(jobId));
        }
    }

    private void complete(UUID jobId) {
        if (jobs.finish(jobId)) {
            var job = jobs.findById(jobId).orElseThrow();
            events.publishEvent(new BulkIssuanceCompleted(
                    stamp(job), job.id(), job.displayName(), job.status().name(), job.totalRows(), job.issuedCount()));
        }
    }

    private void fail(BulkJobs.Chunk chunk, ProblemException problem) {
        var reason = List.of(new RowError(
                chunk.firstRow(),
                "",
                "Issuing rows " + chunk.firstRow() + " to " + chunk.lastRow() + " failed: " + problem.getMessage()
                        + " Rows before these were issued; fix the cause and upload the remaining rows."));
        transactions.executeWithoutResult(tx -> {
            jobs.recount(chunk.jobId());
            if (jobs.fail(chunk.jobId(), json.writeValueAsString(reason))) {
                var job = jobs.findById(chunk.jobId()).orElseThrow();
                events.publishEvent(new BulkIssuanceCompleted(
                        stamp(job),
                        job.id(),
                        job.displayName(),
                        job.status().name(),
                        job.totalRows(),
                        job.issuedCount()));
            }
        });
        log.warn(
                "Bulk issuance job {} failed at rows {}-{}: {}",
                chunk.jobId(),
                chunk.firstRow(),
                chunk.lastRow(),
                problem.getMessage());
    }

    static String key(UUID jobId, int row) {
        return jobId + ":" + row;
    }

    private static ChangeStamp stamp(BulkJob job) {
        return ChangeStamp.by(job.organizationId(), job.createdById(), job.createdBy());
    }

    /** For tests: stops scheduled runs from claiming chunks. */
    void pause() {
        paused.set(true);
    }

    void resume() {
        paused.set(false);
    }
}
