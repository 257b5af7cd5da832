package org.credo.audittrail.chain;

import java.util.UUID;
import org.credo.audittrail.AuditTrail;
import org.credo.audittrail.ChainVerification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-computes every hash of a chain, in order, and compares it with what is stored. */
@Service
class ChainVerifier implements AuditTrail {

    private final AuditEntries entries;

    ChainVerifier(AuditEntries entries) {
        this.entries = entries;
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify(UUID organizationId) {
        var walk = new Walk(organizationId);
        entries.forEachInOrder(organizationId, walk::visit);
        if (walk.verdict != null) {
            return walk.verdict;
        }
        var head = entries.head(organizationId);
        long lastSequence = head.map(h -> (Long) h[0]).orElse(0L);
        String lastHash = head.map(h -> (String) h[1]).orElse(EntryHash.GENESIS);
        if (walk.checked != lastSequence || !walk.previousHash.equals(lastHash)) {
            return ChainVerification.broken(
                    walk.checked,
                    walk.checked + 1,
                    "The chain ends at entry " + walk.checked + " but its head records entry " + lastSequence
                            + ": entries at the end were deleted.");
        }
        return ChainVerification.intact(walk.checked);
    }

    /** The state of one pass over a chain. */
    private static final class Walk {
        private final UUID organizationId;
        private long checked;
        private String previousHash = EntryHash.GENESIS;
        private ChainVerification verdict;

        Walk(UUID organizationId) {
            this.organizationId = organizationId;
        }

        void visit(AuditEntry entry) {
            if (verdict != null) {
                return;
            }
            long expected = checked + 1;
            if (entry.sequenceNumber() != expected) {
                verdict = ChainVerification.broken(
                        checked,
                        expected,
                        "Entry " + expected + " is missing (the next stored entry is " + entry.sequenceNumber()
                                + "): it was deleted.");
                return;
            }
            if (!entry.previousHash().equals(previousHash)) {
                verdict = ChainVerification.broken(
                        checked,
                        expected,
                        "Entry " + expected + " does not follow entry " + checked
                                + ": entries were removed, replaced or reordered.");
                return;
            }
            if (!EntryHash.of(organizationId, entry).equals(entry.entryHash())) {
                verdict = ChainVerification.broken(
                        checked,
                        expected,
                        "Entry " + expected
                                + " was changed after it was recorded: its content no longer matches its hash.");
                return;
            }
            previousHash = entry.entryHash();
            checked = expected;
        }
    }
}
