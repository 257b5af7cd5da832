package org.credo.audittrail.chain;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.AuditedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends an entry for every {@link Audited} event, also for each change of an {@link AuditedBatch}.
 * The event publication registry redelivers events whose recording did not complete, and the event
 * id of each change makes a second delivery a no-op.
 */
@Component
class AuditRecorder {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditEntries entries;
    private final TransactionTemplate separately;

    AuditRecorder(AuditEntries entries, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.entries = entries;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(Audited event) {
        record(List.of(event));
    }

    /** A batch (the credentials of one bulk chunk, say): one entry per change, one lock of the chain. */
    @ApplicationModuleListener
    void on(AuditedBatch batch) {
        var byOrganization = new LinkedHashMap<UUID, List<Audited>>();
        for (Audited change : batch.changes()) {
            byOrganization
                    .computeIfAbsent(change.stamp().organizationId(), id -> new ArrayList<>())
                    .add(change);
        }
        byOrganization.values().forEach(this::record);
    }

    private void record(List<? extends Audited> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var organizationId = changes.get(0).stamp().organizationId();
        // The head row is created in its own short transaction, so that two first events of a new
        // organization cannot both insert it; a duplicate insert simply finds it there.
        try {
            separately.executeWithoutResult(status -> entries.createHeadIfMissing(organizationId));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            log.debug("Chain head of {} created by a concurrent append", organizationId);
        }
        var head = entries.lockHead(organizationId).orElseThrow();
        var recorded = entries.recorded(
                changes.stream().map(change -> change.stamp().eventId()).toList());
        long sequence = (Long) head[0];
        var previousHash = (String) head[1];
        var appended = new ArrayList<AuditEntry>(changes.size());
        var names = new java.util.HashMap<String, java.util.Optional<String>>();
        for (Audited event : changes) {
            var stamp = event.stamp();
            if (!recorded.add(stamp.eventId())) {
                log.debug("Audit entry for event {} already recorded", stamp.eventId());
                continue;
            }
            var unsigned = new AuditEntry(
                    ++sequence,
                    stamp.eventId(),
                    stamp.occurredAt().truncatedTo(ChronoUnit.MICROS),
                    stamp.actorId(),
                    clip(stamp.actorName(), 200),
                    clip(event.action(), 100),
                    clip(event.subjectType(), 100),
                    clip(event.subjectId(), 200),
                    subjectName(organizationId, event, names),
                    clip(event.summary(), 2000),
                    stamp.requestId(),
                    previousHash,
                    "");
            var hash = EntryHash.of(organizationId, unsigned);
            appended.add(new AuditEntry(
                    unsigned.sequenceNumber(),
                    unsigned.eventId(),
                    unsigned.occurredAt(),
                    unsigned.actorId(),
                    unsigned.actorName(),
                    unsigned.action(),
                    unsigned.subjectType(),
                    unsigned.subjectId(),
                    unsigned.subjectName(),
                    unsigned.summary(),
                    unsigned.requestId(),
                    previousHash,
                    hash));
            previousHash = hash;
        }
        entries.appendAll(organizationId, appended);
    }

    /**
     * The event's name for its subject, else the last name recorded for it (so that a revocation shows whose
     * credential it was); remembered within one append so that a batch names each subject once.
     */
    private @org.jspecify.annotations.Nullable String subjectName(
            UUID organizationId, Audited event, java.util.Map<String, java.util.Optional<String>> names) {
        var key = event.subjectType() + "\u0000" + event.subjectId();
        var own = event.subjectName();
        if (own != null && !own.isBlank()) {
            var name = clip(own.strip(), 300);
            names.put(key, java.util.Optional.of(name));
            return name;
        }
        return names.computeIfAbsent(
                        key,
                        k -> entries.lastSubjectName(
                                organizationId, clip(event.subjectType(), 100), clip(event.subjectId(), 200)))
                .orElse(null);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
