package org.credo.audittrail.chain;

import java.time.temporal.ChronoUnit;
import org.credo.platform.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends an entry for every {@link Audited} event. The event publication registry redelivers
 * events whose recording did not complete, and the event id makes a second delivery a no-op.
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
        var stamp = event.stamp();
        // The head row is created in its own short transaction, so that two first events of a new
        // organization cannot both insert it; a duplicate insert simply finds it there.
        try {
            separately.executeWithoutResult(status -> entries.createHeadIfMissing(stamp.organizationId()));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            log.debug("Chain head of {} created by a concurrent append", stamp.organizationId());
        }
        var head = entries.lockHead(stamp.organizationId()).orElseThrow();
        if (entries.contains(stamp.eventId())) {
            log.debug("Audit entry for event {} already recorded", stamp.eventId());
            return;
        }
        long sequence = (Long) head[0] + 1;
        var previousHash = (String) head[1];
        var unsigned = new AuditEntry(
                sequence,
                stamp.eventId(),
                stamp.occurredAt().truncatedTo(ChronoUnit.MICROS),
                stamp.actorId(),
                clip(stamp.actorName(), 200),
                clip(event.action(), 100),
                clip(event.subjectType(), 100),
                clip(event.subjectId(), 200),
                clip(event.summary(), 2000),
                stamp.requestId(),
                previousHash,
                "");
        var hash = EntryHash.of(stamp.organizationId(), unsigned);
        entries.append(
                stamp.organizationId(),
                new AuditEntry(
                        unsigned.sequenceNumber(),
                        unsigned.eventId(),
                        unsigned.occurredAt(),
                        unsigned.actorId(),
                        unsigned.actorName(),
                        unsigned.action(),
                        unsigned.subjectType(),
                        unsigned.subjectId(),
                        unsigned.summary(),
                        unsigned.requestId(),
                        previousHash,
                        hash));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
